/// Best overall response of the analysed subjects of one arm, as the investigator recorded it
/// (RS BESTRESP) and as derived from TU/TR, with ORR and DCR.
public struct EfficacySummary: Sendable, Equatable {
    /// The denominator: analysed subjects.
    public var subjects: Int
    /// Investigator BESTRESP per response category (subjects without one are not evaluated).
    public var investigator: [RecistResponse: Int]
    /// Derived best overall response per category.
    public var derived: [RecistResponse: Int]

    /// The categories in report order.
    public static let categories: [RecistResponse] = [.cr, .pr, .sd, .nonCRNonPD, .pd, .ne]

    /// Subjects without an investigator BESTRESP.
    public var investigatorNotEvaluated: Int { subjects - investigator.values.reduce(0, +) }
    /// Subjects without TU/TR records for a derivation.
    public var derivedNotEvaluated: Int { subjects - derived.values.reduce(0, +) }

    /// ORR = (CR + PR) / analysed, investigator.
    public var investigatorORR: Proportion { rate(investigator, \.isObjectiveResponse) }
    /// DCR = (CR + PR + SD + NON-CR/NON-PD) / analysed, investigator.
    public var investigatorDCR: Proportion { rate(investigator, \.isDiseaseControl) }
    public var derivedORR: Proportion { rate(derived, \.isObjectiveResponse) }
    public var derivedDCR: Proportion { rate(derived, \.isDiseaseControl) }

    private func rate(_ counts: [RecistResponse: Int], _ counted: (RecistResponse) -> Bool) -> Proportion {
        Proportion(count: counts.filter { counted($0.key) }.values.reduce(0, +), total: subjects)
    }

    static func summarise(
        _ subjects: [ReportSubject], recorded: [String: RecistResponse], derived: RecistDerivationResult
    ) -> EfficacySummary {
        var investigator: [RecistResponse: Int] = [:], derivedCounts: [RecistResponse: Int] = [:]
        for subject in subjects {
            if let response = recorded[subject.usubjid] { investigator[response, default: 0] += 1 }
            if let result = derived.subject(subject.usubjid) { derivedCounts[result.best.response, default: 0] += 1 }
        }
        return EfficacySummary(subjects: subjects.count, investigator: investigator, derived: derivedCounts)
    }

    /// The investigator's BESTRESP per subject (RSCAT RECIST 1.1, RSEVAL INVESTIGATOR or null).
    static func recordedBestResponses(in data: ReportDatasets) -> [String: RecistResponse] {
        var best: [String: RecistResponse] = [:]
        for row in data.select("RS", ["USUBJID", "RSTESTCD", "RSCAT", "RSEVAL", "RSSTRESC"])
        where row[1].uppercased() == "BESTRESP" && best[row[0]] == nil {
            let category = row[2].uppercased(), evaluator = row[3].trimmingSpaces.uppercased()
            guard category.isEmpty || category == "RECIST 1.1", evaluator.isEmpty || evaluator == "INVESTIGATOR" else { continue }
            if let response = RecistResponse(code: row[4]) { best[row[0]] = response }
        }
        return best
    }
}
