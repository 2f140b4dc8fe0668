import TrialExportCore

/// A hand-made SDTM export of the two-arm test study (TrialDesignFixtures): 10 subjects, figures known by hand.
///
/// S01 screen failure (IE), S02 declined, S03 other (PHYSICIAN DECISION). Arm A+B: S04 (PD, died),
/// S05 (on treatment), S06 (AE, lost to follow-up), S07 (not treated). Arm B: S08 (completed), S09 (death).
enum ReportFixtures {
    static func dataset(_ name: String, _ columns: [String], _ rows: [[String]]) -> Dataset {
        let variables = columns.enumerated().map {
            VariableMetadata(dataset: name, order: $0.offset + 1, name: $0.element, label: "", type: .char, core: .perm)
        }
        return Dataset(name: name, label: "", keys: [], variables: variables, rows: rows)
    }

    static let dm = dataset(
        "DM", ["USUBJID", "ARMCD", "ACTARMCD", "ARMNRS", "AGE", "SEX", "DTHFL", "RFSTDTC"],
        [
            ["S01", "", "", "SCREEN FAILURE", "30", "M", "", ""],
            ["S02", "", "", "SCREEN FAILURE", "31", "F", "", ""],
            ["S03", "", "", "SCREEN FAILURE", "32", "F", "", ""],
            ["S04", "A+B", "A+B", "", "40", "M", "Y", "2023-01-01"],
            ["S05", "A+B", "A+B", "", "50", "F", "", "2023-02-01"],
            ["S06", "A+B", "A+B", "", "61", "M", "", "2023-03-01"],
            ["S07", "A+B", "", "ASSIGNED, NOT TREATED", "35", "M", "", ""],
            ["S08", "B", "B", "", "45", "F", "", "2023-01-10"],
            ["S09", "B", "B", "", "55", "M", "Y", "2023-01-11"],
        ] + [["S10", "", "", "SCREEN FAILURE", "", "", "", ""]])

    static let ie = dataset("IE", ["USUBJID", "IETESTCD"], [["S01", "INCL01"], ["S01", "EXCL01"], ["S10", "INCL02"]])

    static let ds = dataset(
        "DS", ["USUBJID", "DSCAT", "DSSCAT", "DSDECOD"],
        [
            ["S02", "DISPOSITION EVENT", "STUDY PARTICIPATION", "WITHDRAWAL BY SUBJECT"],
            ["S03", "DISPOSITION EVENT", "STUDY PARTICIPATION", "PHYSICIAN DECISION"],
            ["S04", "PROTOCOL MILESTONE", "", "RANDOMIZED"],
            ["S04", "DISPOSITION EVENT", "STUDY TREATMENT", "PROGRESSIVE DISEASE"],
            ["S04", "DISPOSITION EVENT", "STUDY PARTICIPATION", "DEATH"],
            ["S05", "PROTOCOL MILESTONE", "", "RANDOMIZED"],
            ["S06", "PROTOCOL MILESTONE", "", "RANDOMIZED"],
            ["S06", "DISPOSITION EVENT", "STUDY TREATMENT", "ADVERSE EVENT"],
            ["S06", "DISPOSITION EVENT", "STUDY PARTICIPATION", "LOST TO FOLLOW-UP"],
            ["S07", "PROTOCOL MILESTONE", "", "RANDOMIZED"],
            ["S07", "DISPOSITION EVENT", "STUDY PARTICIPATION", "WITHDRAWAL BY SUBJECT"],
            ["S08", "PROTOCOL MILESTONE", "", "RANDOMIZED"],
            ["S08", "DISPOSITION EVENT", "STUDY TREATMENT", "COMPLETED"],
            ["S09", "PROTOCOL MILESTONE", "", "RANDOMIZED"],
            ["S09", "DISPOSITION EVENT", "STUDY TREATMENT", "DEATH"],
        ])

    static let ex = dataset(
        "EX", ["USUBJID", "EXSEQ", "EXTRT", "EXADJ", "VISIT", "EXSTDTC", "EXENDTC"],
        [
            ["S04", "1", "DRUGA", "", "CYCLE 1", "2023-01-01", "2023-01-21"],
            ["S04", "2", "DRUGA", "Adverse event", "CYCLE 2", "2023-01-22", "2023-02-11"],
            ["S04", "3", "DRUGB", "", "CYCLE 1", "2023-01-01", "2023-01-01"],
            ["S05", "1", "DRUGA", "", "CYCLE 1 DAY 1", "2023-02-01", "2023-02-21"],
            ["S05", "2", "DRUGB", "Adverse event", "CYCLE 1", "2023-02-01", ""],
            ["S06", "1", "DRUGA", "", "CYCLE 1", "2023-03-01", "2023-03"],
            ["S06", "2", "DRUGA", "Delay", "CYCLE 2", "2023-03-22", ""],
            ["S06", "3", "DRUGA", "", "CYCLE 3", "2023-04-12", "2023-04-12"],
            ["S08", "1", "DRUGB", "", "CYCLE 1", "2023-01-10", "2023-01-30"],
            ["S09", "1", "DRUGB", "", "CYCLE 1", "2023-01-11", "2023-01-11"],
        ])

    static let suppex = dataset(
        "SUPPEX", ["USUBJID", "IDVAR", "IDVARVAL", "QNAM", "QVAL"],
        [
            ["S04", "EXSEQ", "2", "EXADJTYP", "Dose reduced"],
            ["S05", "EXSEQ", "2", "EXADJTYP", "Dose interrupted"],
        ])

    static let rs = dataset(
        "RS", ["USUBJID", "RSTESTCD", "RSCAT", "RSSTRESC", "RSEVAL", "VISITNUM"],
        [
            ["S04", "ECOG101", "ECOG", "0", "", "1"],
            ["S05", "ECOG101", "ECOG", "1", "", "1"],
            ["S05", "ECOG101", "ECOG", "2", "", "101"],
            ["S06", "ECOG101", "ECOG", "1", "", "1"],
            ["S04", "BESTRESP", "RECIST 1.1", "PR", "INVESTIGATOR", ""],
            ["S05", "BESTRESP", "RECIST 1.1", "CR", "INVESTIGATOR", ""],
            ["S06", "BESTRESP", "RECIST 1.1", "SD", "INVESTIGATOR", ""],
        ])

    static let ae = dataset(
        "AE", ["USUBJID", "AESEQ", "AEDECOD", "AETERM", "AETOXGR", "AESER", "AEACN", "AEOUT", "AESDTH"],
        [
            ["S04", "1", "Nausea", "nausea", "1", "N", "DOSE NOT CHANGED", "RECOVERED/RESOLVED", "N"],
            ["S04", "2", "Neutropenia", "low neutrophils", "3", "Y", "DOSE REDUCED", "RECOVERED/RESOLVED", "N"],
            ["S04", "3", "Headache", "headache", "2", "N", "", "RECOVERED/RESOLVED", "N"],
            ["S05", "1", "Nausea", "nausea", "3", "N", "DRUG WITHDRAWN", "RECOVERED/RESOLVED", "N"],
            ["S06", "1", "Sepsis", "sepsis", "5", "Y", "NOT APPLICABLE", "FATAL", "Y"],
            ["S07", "1", "Nausea", "nausea", "1", "N", "", "RECOVERED/RESOLVED", "N"],
        ])

    /// AETRTEM = Y for every AE but S04's headache (before the first dose).
    static let suppae = dataset(
        "SUPPAE", ["USUBJID", "IDVAR", "IDVARVAL", "QNAM", "QVAL"],
        [
            ["S04", "AESEQ", "1", "AETRTEM", "Y"], ["S04", "AESEQ", "2", "AETRTEM", "Y"], ["S04", "AESEQ", "3", "AETRTEM", "N"],
            ["S05", "AESEQ", "1", "AETRTEM", "Y"], ["S06", "AESEQ", "1", "AETRTEM", "Y"], ["S07", "AESEQ", "1", "AETRTEM", "Y"],
        ])

    static let datasets = [dm, ie, ds, ex, suppex, rs, ae, suppae]

    static func report(_ datasets: [Dataset] = datasets) -> TrialReport {
        TrialReportBuilder(study: TrialDesignFixtures.study(), cutoff: "2025-06-30").build(datasets)
    }
}
