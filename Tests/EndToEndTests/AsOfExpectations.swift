import TrialSimulator

/// The explicit mapping from the generator's change log (EDC forms) to the SDTM changes a diff must show.
enum AsOfExpectations {
    /// The SDTM datasets each EDC form feeds (records added there appear as records added here).
    static let domains: [String: Set<String>] = [
        "ic": ["DM", "DS"], "dm": ["DM"], "elig": ["DM"], "ienm": ["IE"], "rand": ["DM", "DS", "SUPPDM"],
        "ex": ["EX", "SUPPEX"], "ae": ["AE", "SUPPAE"], "tl": ["TU"], "tm": ["TR"], "rs": ["RS"], "bor": ["RS"],
        "ecog": ["RS"], "eot": ["DS"], "eos": ["DS"], "death": ["DM"],
    ]

    /// Forms whose every added record is exactly one added SDTM record in the dataset.
    /// (TR also gets one derived SUMDIAM record per assessment; it is counted apart.)
    static let oneToOne: [String: String] = ["ae": "AE", "ex": "EX", "tl": "TU", "tm": "TR", "ienm": "IE"]

    /// Changed EDC values that move a record between keys (BOR: RSDTC is a key), so any RS entry of the subject will do.
    static let anyEntry: [String: String] = ["bor.BESTRESP": "RS", "bor.BORDAT": "RS"]

    /// A changed EDC value -> the SDTM variable that carries it, and whether an SDTM old -> new matches the EDC old -> new.
    static let columns:
        [String: (
            dataset: String, variable: String, matches: @Sendable (_ edc: (String, String), _ sdtm: (String, String)) -> Bool
        )] = [
            "ae.AETOXGR": ("AE", "AETOXGR", { e, s in (grade(e.0), grade(e.1)) == s }),
            "ae.AEENDAT": ("AE", "AEENDTC", { e, s in (iso(e.0), iso(e.1)) == s }),
            "ae.AEONGO": ("AE", "AEENRF", { e, s in (ongoing(e.0), ongoing(e.1)) == s }),
            "ae.AEOUT": ("AE", "AEOUT", { e, s in (e.0.uppercased(), e.1.uppercased()) == s }),
            "ae.AESDTH": ("AE", "AESDTH", { e, s in (yesNo(e.0), yesNo(e.1)) == s }),
            "ae.AESER": ("AE", "AESER", { e, s in (yesNo(e.0), yesNo(e.1)) == s }),
            "ex.EXENDAT": ("EX", "EXENDTC", { e, s in s.0 == iso(e.0) && s.1.hasPrefix(iso(e.1)) && !e.1.isEmpty }),
            "ex.EXENTIM": ("EX", "EXENDTC", { e, s in s.0.count == 10 && s.1 == s.0 + "T" + e.1 }),
            "tm.TMDIAM": ("TR", "TRORRES", { e, s in e == s }),
        ]

    /// Variables derived from other records of the subject (reference dates, study days, epochs),
    /// allowed to change when the subject has any change in `forms`.
    static let derived: [(forms: Set<String>, dataset: String?, variables: @Sendable (String) -> Bool)] = [
        (["ex"], "DM", { ["RFXSTDTC", "RFXENDTC", "RFSTDTC", "RFENDTC", "ACTARMCD", "ACTARM", "ARMNRS", "DMDY"].contains($0) }),
        (["rand"], "DM", { ["ARMCD", "ARM", "ACTARMCD", "ACTARM", "ARMNRS"].contains($0) }),
        (["death"], "DM", { ["DTHDTC", "DTHFL"].contains($0) }),
        (Set(domains.keys), "DM", { $0 == "RFPENDTC" }),
        (["ex"], nil, { $0 == "EPOCH" || $0.hasSuffix("DY") }),
        (["ex"], "SUPPAE", { $0 == "QVAL" }),  // AETRTEM follows the last dose
        (["ae", "ex"], "AE", { ["AEENDY"].contains($0) }),
        // A new AE renumbers AESEQ, and SUPPAE points at records by AESEQ: its values move to other keys.
        (["ae"], "SUPPAE", { $0 == "QVAL" }),
        // A corrected diameter changes the standard results and the derived sum of diameters (SUMDIAM).
        (["tm"], "TR", { ["TRORRES", "TRSTRESC", "TRSTRESN"].contains($0) }),
    ]

    static func ongoing(_ text: String) -> String { text.uppercased() == "YES" ? "ONGOING" : "" }
    static func yesNo(_ text: String) -> String { String(text.trimmingCharacters(in: .whitespaces).uppercased().prefix(1)) }

    /// `5` from `Grade 5`.
    static func grade(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "Grade ", with: "")
    }

    /// `2023-01-05` from `05 JAN 2023`, `2023-01` from `UN JAN 2023`, `2023` from `UN UNK 2023`; "" stays "".
    static func iso(_ edc: String) -> String {
        let parts = edc.split(separator: " ").map(String.init)
        let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        guard parts.count == 3 else { return edc }
        guard let m = months.firstIndex(of: parts[1]) else { return parts[2] }
        let month = "\(parts[2])-\(m < 9 ? "0" : "")\(m + 1)"
        return parts[0] == "UN" ? month : month + "-" + parts[0]
    }
}
