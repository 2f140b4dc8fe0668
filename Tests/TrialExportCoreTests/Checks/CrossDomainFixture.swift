import Foundation
import TrialExportCore

/// A small study that passes every cross-domain check: three subjects (treated, treated and died, screen failure).
///
/// Study days are computed by hand against RFSTDTC (S1 2023-01-05, S2 2023-01-10). Tests change one value and expect
/// exactly the finding that change should cause.
struct CrossDomainFixture {
    var datasets: [Dataset]

    static let numeric: Set<String> = ["EXDOSE"]

    /// A dataset with the given columns (all Exp; --SEQ, --DY and doses numeric) and rows.
    static func dataset(_ name: String, _ columns: [String], _ rows: [[String]]) -> Dataset {
        let variables = columns.enumerated().map { i, column in
            VariableMetadata(
                dataset: name, order: i + 1, name: column, label: column,
                type: column.hasSuffix("SEQ") || column.hasSuffix("DY") || numeric.contains(column) ? .num : .char,
                core: .exp)
        }
        return Dataset(name: name, label: name, keys: [], variables: variables, rows: rows)
    }

    static func clean() -> CrossDomainFixture {
        CrossDomainFixture(datasets: [dm, ex, ae, ds, tu, tr, rs, ie, ti, ta, ts, suppae])
    }

    static let dm = dataset(
        "DM", ["USUBJID", "RFSTDTC", "RFXSTDTC", "RFXENDTC", "DTHFL", "ACTARMCD", "DMDTC", "DMDY"],
        [
            ["S1", "2023-01-05", "2023-01-05T09:30", "2023-02-20", "", "A+B", "2023-01-02", "-3"],
            ["S2", "2023-01-10", "2023-01-10", "2023-03-01", "Y", "B", "2023-01-08", "-2"],
            ["S3", "", "", "", "", "", "2023-01-03", ""],
        ])

    static let ex = dataset(
        "EX", ["USUBJID", "EXSEQ", "EXTRT", "EXDOSE", "EXDOSU", "EXSTDTC", "EXENDTC", "EXSTDY", "EXENDY", "EPOCH"],
        [
            ["S1", "1", "DRUGA", "250", "mg", "2023-01-05T09:30", "2023-01-25", "1", "21", "TREATMENT"],
            ["S1", "2", "DRUGB", "200", "mg/m2", "2023-01-26", "2023-02-20", "22", "47", "TREATMENT"],
            ["S2", "1", "DRUGB", "200", "mg/m2", "2023-01-10", "2023-01-31", "1", "22", "TREATMENT"],
            ["S2", "2", "DRUGB", "0", "mg/m2", "2023-03-01", "", "51", "", "TREATMENT"],
        ])

    static let ae = dataset(
        "AE",
        [
            "USUBJID", "AESEQ", "AETERM", "AESER", "AESDTH", "AESHOSP", "AESLIFE", "AESDISAB", "AESCONG",
            "AESMIE", "AEOUT", "AETOXGR", "AESTDTC", "AEENDTC", "AESTDY", "AEENDY", "EPOCH",
        ],
        [
            [
                "S1", "1", "HYPERTENSION", "N", "N", "N", "N", "N", "N", "N", "RECOVERED/RESOLVED", "2", "2023-01-12",
                "2023-01-20", "8", "16", "TREATMENT",
            ],
            [
                "S1", "2", "PNEUMONIA", "Y", "N", "Y", "N", "N", "N", "N", "RECOVERED/RESOLVED", "3", "2023-02-01", "2023-02-10",
                "28", "37", "TREATMENT",
            ],
            [
                "S1", "3", "FATIGUE", "N", "N", "N", "N", "N", "N", "N", "NOT RECOVERED/NOT RESOLVED", "1", "2023-01", "", "", "",
                "TREATMENT",
            ],
            [
                "S1", "4", "HEADACHE", "N", "N", "N", "N", "N", "N", "N", "RECOVERED/RESOLVED", "1", "2023-01-03",
                "2023-01-04T08:00", "-2", "-1", "SCREENING",
            ],
            [
                "S2", "1", "EPISTAXIS", "Y", "Y", "N", "N", "N", "N", "N", "FATAL", "5", "2023-03-05", "2023-03-05", "55", "55",
                "FOLLOW-UP",
            ],
        ])

    static let ds = dataset(
        "DS", ["USUBJID", "DSSEQ", "DSDECOD", "DSSTDTC", "DSSTDY", "EPOCH"],
        [
            ["S1", "1", "INFORMED CONSENT OBTAINED", "2023-01-01", "-4", "SCREENING"],
            ["S2", "1", "INFORMED CONSENT OBTAINED", "2023-01-02", "-8", "SCREENING"],
            ["S2", "2", "DEATH", "2023-03-05", "55", "FOLLOW-UP"],
            ["S3", "1", "SCREEN FAILURE", "2023-01-04", "", "SCREENING"],
        ])

    static let tu = dataset(
        "TU", ["USUBJID", "TUSEQ", "TULNKID", "TUDTC", "TUDY"],
        [
            ["S1", "1", "T01", "2023-01-02", "-3"],
            ["S1", "2", "NT01", "2023-01-02", "-3"],
        ])

    static let tr = dataset(
        "TR", ["USUBJID", "TRSEQ", "TRLNKID", "TRTESTCD", "TRDTC", "TRDY"],
        [
            ["S1", "1", "T01", "LDIAM", "2023-01-02", "-3"],
            ["S1", "2", "", "SUMDIAM", "2023-01-02", "-3"],
            ["S1", "3", "NT01", "TUMSTATE", "2023-02-16", "43"],
        ])

    static let rs = dataset(
        "RS", ["USUBJID", "RSSEQ", "RSTESTCD", "RSDTC", "RSDY"],
        [
            ["S1", "1", "OVRLRESP", "2023-02-16", "43"]
        ])

    static let ie = dataset("IE", ["USUBJID", "IESEQ", "IETESTCD"], [["S3", "1", "INCL01"]])
    static let ti = dataset("TI", ["IETESTCD"], [["INCL01"], ["INCL02"], ["EXCL01"]])
    static let ta = dataset(
        "TA", ["ARMCD", "ETCD", "EPOCH"],
        [
            ["A+B", "SCRN", "SCREENING"], ["A+B", "AB", "TREATMENT"], ["A+B", "FU", "FOLLOW-UP"],
            ["B", "SCRN", "SCREENING"], ["B", "B", "TREATMENT"], ["B", "FU", "FOLLOW-UP"],
        ])
    static let ts = dataset("TS", ["TSPARMCD", "TSVAL"], [["PLANSUB", "84"]])
    static let suppae = dataset(
        "SUPPAE", ["USUBJID", "RDOMAIN", "IDVAR", "IDVARVAL", "QNAM", "QVAL"],
        [
            ["S1", "AE", "AESEQ", "1", "AETRTEM", "Y"],
            ["S1", "AE", "AESEQ", "1", "AEREL1", "RELATED"],
        ])

    /// Sets one value: `row` counts from 0 within the dataset named `dataset`.
    mutating func set(_ dataset: String, _ row: Int, _ variable: String, _ value: String) {
        let i = datasets.firstIndex { $0.name == dataset }!
        precondition(datasets[i].index(of: variable) != nil, "\(dataset) has no \(variable)")
        datasets[i].set(variable, row: row, to: value)
    }

    /// Appends a row given by variable; unnamed variables are null.
    mutating func append(_ dataset: String, _ values: [String: String]) {
        let i = datasets.firstIndex { $0.name == dataset }!
        datasets[i].append(row: datasets[i].columns.map { values[$0] ?? "" })
    }

    mutating func remove(_ dataset: String) { datasets.removeAll { $0.name == dataset } }

    /// Runs the checks and returns what they found.
    func run() -> [Finding] {
        let collector = FindingCollector()
        CrossDomainChecks(study: TrialDesignFixtures.study(), findings: collector).run(datasets)
        return collector.findings
    }
}
