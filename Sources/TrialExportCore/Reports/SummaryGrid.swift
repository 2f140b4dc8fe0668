/// The arms side by side as numbers, with a total column: what the workbook's Summary sheet holds.
///
/// Each cell keeps what it was computed from (counts and their denominator, the sample of a
/// median), so the total is computed the same way over all arms, never added up from rounded text.
public struct SummaryGrid: Sendable, Equatable {
    /// One value of one arm (or of the total).
    public enum Cell: Sendable, Equatable {
        case blank
        /// `count` of `total` subjects: shown as the count and its percentage.
        case count(Int, of: Int)
        /// A count with no percentage (e.g. records).
        case number(Int)
        /// The median and range of a sample.
        case median([Int])
        /// A proportion with its exact 95% confidence interval.
        case rate(Proportion)

        /// The cell of all arms together.
        static func total(_ cells: [Cell]) -> Cell {
            guard let first = cells.first else { return .blank }
            switch first {
            case .blank: return .blank
            case .count:
                var n = 0, of = 0
                for case .count(let c, let t) in cells { n += c; of += t }
                return .count(n, of: of)
            case .number:
                var n = 0
                for case .number(let c) in cells { n += c }
                return .number(n)
            case .median:
                var all: [Int] = []
                for case .median(let values) in cells { all += values }
                return .median(all)
            case .rate:
                var n = 0, of = 0
                for case .rate(let p) in cells { n += p.count; of += p.total }
                return .rate(Proportion(count: n, total: of))
            }
        }
    }

    public struct Line: Sendable, Equatable {
        public var label: String
        /// 0 for a line, 1 for a category of the line above.
        public var level: Int
        /// One cell per arm, then the total.
        public var cells: [Cell]
    }

    /// Arm codes and names, in report order.
    public var arms: [(code: String, name: String)]
    public var lines: [Line]
    /// Best overall response (investigator) per category, subjects per arm: the stacked-bar chart's data.
    public var bestResponse: [(category: String, counts: [Int])]

    public static func == (a: SummaryGrid, b: SummaryGrid) -> Bool {
        a.arms.map(\.code) == b.arms.map(\.code) && a.arms.map(\.name) == b.arms.map(\.name) && a.lines == b.lines
            && a.bestResponse.map(\.category) == b.bestResponse.map(\.category)
            && a.bestResponse.map(\.counts) == b.bestResponse.map(\.counts)
    }
}

extension TrialReport {
    /// The Summary sheet's grid: the lines of ``comparisonTable`` as numbers, plus a total.
    public var summaryGrid: SummaryGrid {
        var lines: [SummaryGrid.Line] = []
        func line(_ label: String, level: Int = 0, _ cell: (ArmSummary) -> SummaryGrid.Cell) {
            let cells = arms.map(cell)
            lines.append(SummaryGrid.Line(label: label, level: level, cells: cells + [.total(cells)]))
        }
        line("Allocated (randomized)") { .number($0.flow.allocated) }
        line("Analysed (randomized and treated)") { .number($0.flow.analysed) }
        line("Age, median (range)") { .median($0.baseline.ages) }
        categories("Sex", \.baseline.sex, total: \.baseline.subjects, first: ["M", "F"], into: &lines)
        if hasRecist {
            categories("ECOG at baseline", \.baseline.ecog, total: \.baseline.subjects, first: ["M", "F"], into: &lines)
        }
        if hasCycles { line("Cycles started, median (range)") { .median($0.exposure.cyclesStarted) } }
        line("Treatment duration in days, median (range)") { .median($0.exposure.durationDays) }
        line("Dose reductions (records)") { .number($0.exposure.drugs.reduce(0) { $0 + $1.reductions.records }) }
        line("Dose interruptions (records)") { .number($0.exposure.drugs.reduce(0) { $0 + $1.interruptions.records }) }
        if hasRecist {
            line("Best overall response (investigator)") { _ in .blank }
            for category in EfficacySummary.categories {
                line(category.rawValue, level: 1) { .count($0.efficacy.investigator[category] ?? 0, of: $0.efficacy.subjects) }
            }
            line("Not evaluated", level: 1) { .count($0.efficacy.investigatorNotEvaluated, of: $0.efficacy.subjects) }
            line("ORR, investigator (95% CI)") { .rate($0.efficacy.investigatorORR) }
            line("DCR, investigator (95% CI)") { .rate($0.efficacy.investigatorDCR) }
            line("ORR, derived from TU/TR (95% CI)") { .rate($0.efficacy.derivedORR) }
            line("DCR, derived from TU/TR (95% CI)") { .rate($0.efficacy.derivedDCR) }
        }
        for (label, value) in safetyLines {
            line(label) { .count(value($0.safety), of: $0.safety.subjects) }
        }
        if hasRecist { line("RECIST disagreements (investigator vs derived)") { .number($0.disagreements.count) } }
        let response =
            !hasRecist
            ? []
            : EfficacySummary.categories.map { category in
                (category.rawValue, arms.map { $0.efficacy.investigator[category] ?? 0 })
            } + [("Not evaluated", arms.map(\.efficacy.investigatorNotEvaluated))]
        return SummaryGrid(arms: arms.map { ($0.code, $0.name) }, lines: lines, bestResponse: response)
    }

    /// A heading line and one line per category seen in any arm, as counts of the arm's subjects.
    private func categories(
        _ heading: String, _ list: (ArmSummary) -> [ReasonCount], total: (ArmSummary) -> Int, first: [String],
        into lines: inout [SummaryGrid.Line]
    ) {
        lines.append(SummaryGrid.Line(label: heading, level: 0, cells: Array(repeating: .blank, count: arms.count + 1)))
        var seen: [String] = []
        for arm in arms { for item in list(arm) where !seen.contains(item.reason) { seen.append(item.reason) } }
        let ordered = BaselineSummary.ordered(seen.map { ReasonCount(reason: $0, count: 0) }, first: first).map(\.reason)
        for category in ordered {
            let cells: [SummaryGrid.Cell] = arms.map { arm in
                .count(list(arm).first { $0.reason == category }?.count ?? 0, of: total(arm))
            }
            lines.append(SummaryGrid.Line(label: category, level: 1, cells: cells + [.total(cells)]))
        }
    }
}
