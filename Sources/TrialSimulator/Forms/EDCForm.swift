/// The forms of the simulated EDC export and their columns, in export order.
enum EDCForm: String, CaseIterable {
    case ic, elig, ienm, dm, rand, ex, ae, tl, tm, rs, bor, ecog, eot, eos, death

    /// The columns of this form; the `ae` relationship columns come from the profile.
    func header(relationshipColumns: [String]) -> [String] {
        let subject = ["SiteNumber", "Subject"]
        switch self {
        case .ic: return subject + ["FolderName", "ICDAT", "ICTIM", "ICVERS"]
        case .elig: return subject + ["FolderName", "IEDAT", "IEYN"]
        case .ienm: return subject + ["RecordPosition", "IECAT", "IETESTCD", "IEDAT"]
        case .dm: return subject + ["FolderName", "DMDAT", "BRTHDAT", "AGE", "SEX", "RACE", "ETHNIC"]
        case .rand: return subject + ["RANDNO", "RANDDAT", "RANDTIM", "ARM", "CHEMO", "STRAT"]
        case .ex:
            return subject + [
                "FolderName", "RecordPosition", "EXTRT", "EXSTDAT", "EXSTTIM", "EXENDAT", "EXENTIM",
                "EXDOSE", "EXDOSU", "EXADJ", "EXADJRS",
            ]
        case .ae:
            return subject + [
                "RecordPosition", "AETERM", "AEPT", "AESOC", "AESOC_CODE", "AESTDAT", "AESTTIM", "AEENDAT", "AEONGO", "AETOXGR",
            ]
                + ["AESER", "AESDTH", "AESHOSP", "AESLIFE", "AESDISAB", "AESCONG", "AESMIE"]
                + relationshipColumns + ["AEACN", "AEOUT"]
        case .tl: return subject + ["FolderName", "LESID", "LESTYPE", "LESLOC", "LESLAT", "LESNODE", "LESMETH", "LESDAT"]
        case .tm: return subject + ["FolderName", "LESID", "TMDAT", "TMDIAM", "TMSTATE", "TMND", "TMREASND"]
        case .rs: return subject + ["FolderName", "RSDAT", "TRGRESP", "NTRGRESP", "NEWLES", "OVRLRESP"]
        case .bor: return subject + ["BORDAT", "BESTRESP"]
        case .ecog: return subject + ["FolderName", "ECOGDAT", "ECOG"]
        case .eot: return subject + ["EOTDAT", "EOTREAS", "EOTSPEC"]
        case .eos: return subject + ["EOSDAT", "EOSSTAT", "EOSREAS"]
        case .death: return subject + ["DTHDAT", "DTHCAUS"]
        }
    }
}
