import TrialExportCore

/// Small hand-made TU/TR/RS datasets for the RECIST tests: one subject, assessments by study day.
struct TumorCase {
    static let reference = "2023-01-01"
    static let tuColumns = [
        "STUDYID", "DOMAIN", "USUBJID", "TULNKID", "TUTESTCD", "TUSTRESC", "TULOC", "TUEVAL", "VISITNUM", "VISIT", "TUDTC",
    ]
    static let trColumns = [
        "STUDYID", "DOMAIN", "USUBJID", "TRGRPID", "TRLNKID", "TRTESTCD", "TRSTRESC", "TRSTRESN", "TRSTAT", "TREVAL", "VISITNUM",
        "VISIT", "TRDTC",
    ]
    static let rsColumns = ["STUDYID", "DOMAIN", "USUBJID", "RSTESTCD", "RSSTRESC", "RSEVAL", "VISITNUM", "VISIT", "RSDTC"]

    var subject = "STUDY-01-001"
    var nodes: Set<String> = []
    var tuRows: [[String]] = []
    var trRows: [[String]] = []

    /// The ISO date `day` days after the reference date (day 0 = the reference date).
    static func date(_ day: Int) -> String {
        PartialDate.fromDayNumber(PartialDate(year: 2023, month: 1, day: 1)!.dayNumber! + day).description
    }

    static func visitName(_ visit: Int) -> String { visit == 1 ? "SCREENING" : "V\(visit)" }

    /// Adds a baseline lesion: role TARGET / NON-TARGET, a location containing LYMPH NODE for a node.
    mutating func lesion(_ id: String, _ role: String = "TARGET", location: String = "LIVER") {
        if location.contains("LYMPH NODE") { nodes.insert(id) }
        tuRows.append(["S", "TU", subject, id, "TUMIDENT", role, location, "INVESTIGATOR", "1", "SCREENING", Self.date(-7)])
    }

    /// Adds target lesions with their baseline sizes (study day -7, VISITNUM 1).
    mutating func targets(_ sizes: [String: Double], nodes nodeIDs: Set<String> = []) {
        for id in sizes.keys.sorted() { lesion(id, location: nodeIDs.contains(id) ? "CERVICAL LYMPH NODE" : "LIVER") }
        measure(visit: 1, day: -7, sizes)
    }

    /// TR sizes at one assessment: LPERP for nodes, LDIAM otherwise; a nil size is NOT DONE.
    mutating func measure(visit: Int, day: Int, _ sizes: [String: Double?], evaluator: String = "INVESTIGATOR") {
        for id in sizes.keys.sorted() {
            let test = nodes.contains(id) ? "LPERP" : "LDIAM"
            let text = sizes[id]!.map { "\($0)" } ?? ""
            trRows.append([
                "S", "TR", subject, "TARGET", id, test, text, text, text.isEmpty ? "NOT DONE" : "", evaluator,
                "\(visit)", Self.visitName(visit), Self.date(day),
            ])
        }
    }

    /// TR TUMSTATE results at one assessment (PRESENT, ABSENT, UNEQUIVOCAL, NE).
    mutating func states(visit: Int, day: Int, _ states: [String: String], group: String = "NON-TARGET") {
        for id in states.keys.sorted() {
            trRows.append([
                "S", "TR", subject, group, id, "TUMSTATE", states[id]!, "", "", "INVESTIGATOR",
                "\(visit)", Self.visitName(visit), Self.date(day),
            ])
        }
    }

    /// A NEW lesion identified in TU at one assessment.
    mutating func newLesion(_ id: String, visit: Int, day: Int) {
        tuRows.append([
            "S", "TU", subject, id, "TUMIDENT", "NEW", "LUNG", "INVESTIGATOR", "\(visit)", Self.visitName(visit), Self.date(day),
        ])
    }

    var tu: Dataset { Self.dataset("TU", Self.tuColumns, tuRows) }
    var tr: Dataset { Self.dataset("TR", Self.trColumns, trRows) }

    func derive(reference: String = TumorCase.reference, derivation: RecistDerivation = RecistDerivation())
        -> RecistDerivationResult
    {
        derivation.derive(tu: tu, tr: tr, referenceDates: [subject: reference])
    }

    /// The single subject's result (an empty NE result when nothing was derived).
    func result(reference: String = TumorCase.reference) -> RecistSubjectResult {
        derive(reference: reference).subject(subject)
            ?? RecistSubjectResult(
                usubjid: subject, baselineVisitNumber: nil, baselineSum: nil, assessments: [],
                best: RecistBestResponse(response: .ne, visitNumber: nil, rationale: "nothing derived"))
    }

    /// The derived assessment at `visit`.
    func assessment(_ visit: Int) -> RecistAssessment? {
        result().assessments.first { $0.visitNumber == Double(visit) }
    }

    static func dataset(_ name: String, _ columns: [String], _ rows: [[String]]) -> Dataset {
        let variables = columns.enumerated().map { index, column in
            VariableMetadata(
                dataset: name, order: index + 1, name: column, label: column,
                type: column.hasSuffix("STRESN") || column == "VISITNUM" ? .num : .char, core: .perm)
        }
        return Dataset(name: name, label: name, keys: ["USUBJID"], variables: variables, rows: rows)
    }

    /// An RS dataset from (subject, test, value, evaluator, visit) rows; visit 0 means none (BESTRESP).
    static func rs(_ rows: [(String, String, String, String, Int)]) -> Dataset {
        dataset(
            "RS", rsColumns,
            rows.map { subject, test, value, evaluator, visit in
                [
                    "S", "RS", subject, test, value, evaluator, visit == 0 ? "" : "\(visit)", visit == 0 ? "" : visitName(visit),
                    "",
                ]
            })
    }
}
