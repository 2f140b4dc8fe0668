/// Whether the raw data fits the data cut-off: data ending long before it (an old raw folder, or
/// a weekly cut exported with the study's default cut-off) or records dated after it are said.
public enum CutoffCoverage {
    /// Days between the latest date mapped and the cut-off above which the data is called stale.
    public static let staleAfterDays = 90

    /// The reason ``DomainMapper`` gives a record it leaves out for being dated after the cut-off.
    public static let afterCutoffReason = "dated after the data cut-off"

    /// The cut-off, written `YYYY-MM-DD`, and where it came from (e.g. "--cutoff").
    public struct Cutoff: Sendable {
        public var date: PartialDate
        public var source: String

        public init(date: PartialDate, source: String) {
            self.date = date
            self.source = source
        }
    }

    /// USE0001 when the latest date of the mapped datasets is more than ``staleAfterDays`` before
    /// the cut-off; USE0002 per form whose records were left out for being dated after it.
    public static func findings(_ result: ExportResult, cutoff: Cutoff) -> [Finding] {
        var findings: [Finding] = []
        if let latest = latestDate(result), let cut = cutoff.date.dayNumber,
            cut - latest.day > staleAfterDays
        {
            findings.append(
                .dataEndsBeforeCutoff(
                    domain: latest.dataset, variable: latest.variable, value: latest.value,
                    days: cut - latest.day, cutoff: cutoff))
        }
        for name in result.reconciliation.forms.keys.sorted() {
            guard let account = result.reconciliation.forms[name],
                let count = account.excluded[afterCutoffReason], count > 0
            else { continue }
            findings.append(.recordsAfterCutoff(file: account.file, count: count, cutoff: cutoff))
        }
        return findings
    }

    /// The latest date (its first possible day) of any --DTC variable of a subject-level dataset.
    static func latestDate(_ result: ExportResult) -> (day: Int, dataset: String, variable: String, value: String)? {
        var latest: (day: Int, dataset: String, variable: String, value: String)?
        for dataset in result.datasets where !result.reconciliation.fromStudyDefinition.contains(dataset.name) {
            for (column, variable) in dataset.columns.enumerated() where variable.hasSuffix("DTC") {
                for value in dataset.cells.storedValues(column: column) {
                    guard let date = ISO8601Value.date(of: value) else { continue }
                    let day = date.dayRange.lowerBound
                    if day > latest?.day ?? Int.min { latest = (day, dataset.name, variable, value) }
                }
            }
        }
        return latest
    }
}
