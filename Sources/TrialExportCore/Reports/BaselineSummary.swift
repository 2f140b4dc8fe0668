/// Baseline characteristics of the subjects allocated to one arm: age, sex and ECOG.
public struct BaselineSummary: Sendable, Equatable {
    /// Subjects summarised (allocated to the arm).
    public var subjects: Int
    /// Ages known (DM.AGE), for the median and range.
    public var ages: [Int]
    /// DM.SEX counts: M, F, then other values sorted; "missing" for null.
    public var sex: [ReasonCount]
    /// ECOG at baseline (RS RSCAT = ECOG at VISITNUM 1, RSSTRESC) counts in score order; "missing" last.
    public var ecog: [ReasonCount]

    public var medianAge: Double? { SummaryStatistics.median(ages) }
    public var ageRange: ClosedRange<Int>? { SummaryStatistics.range(ages) }

    static let missing = "missing"

    static func summarise(_ subjects: [ReportSubject], ecog: [String: String]) -> BaselineSummary {
        let sex = subjects.map { $0.sex.isEmpty ? missing : $0.sex.uppercased() }
        let scores = subjects.map { ecog[$0.usubjid].flatMap { $0.isEmpty ? nil : $0 } ?? missing }
        return BaselineSummary(
            subjects: subjects.count, ages: subjects.compactMap(\.age),
            sex: ordered(ReasonCount.tally(sex), first: ["M", "F"]), ecog: ordered(ReasonCount.tally(scores), first: []))
    }

    /// Baseline ECOG score per subject: the first RS record of the ECOG category at the baseline visit.
    static func baselineECOG(in data: ReportDatasets, definitions: ReportDefinitions = ReportDefinitions()) -> [String: String] {
        var scores: [String: String] = [:]
        let category = definitions.ecog.uppercased(), visit = definitions.baselineVisit
        for row in data.select("RS", ["USUBJID", "RSCAT", "VISITNUM", "RSSTRESC"])
        where row[1].uppercased() == category && Double(row[2]) == visit && scores[row[0]] == nil {
            scores[row[0]] = row[3].trimmingSpaces
        }
        return scores
    }

    /// `first` values in that order, then the rest by value (numbers numerically), "missing" last.
    static func ordered(_ counts: [ReasonCount], first: [String]) -> [ReasonCount] {
        func rank(_ reason: String) -> (Int, Double, String) {
            if let i = first.firstIndex(of: reason) { return (0, Double(i), "") }
            if reason == missing { return (2, 0, "") }
            return (1, Double(reason) ?? .infinity, reason)
        }
        return counts.sorted { rank($0.reason) < rank($1.reason) }
    }
}
