import TrialExportCore

/// The workbook's "Summary" sheet: the arms side by side as numbers with a total, and its charts
/// (drawn from the "Chart data" sheet, which holds their numbers in plain view).
public enum SummarySheet {
    public static let name = "Summary"
    public static let chartDataName = "Chart data"

    /// The Summary sheet and its Chart data sheet.
    ///
    /// Three columns per arm and for the total: a count (or median), its percentage of the arm's
    /// subjects (or the rate), and a range or 95% confidence interval as text. Arms are named in
    /// the lines above the table, with their codes, which head the columns.
    public static func tables(for report: TrialReport, dm: Dataset?) -> (summary: SheetTable, chartData: SheetTable) {
        let grid = report.summaryGrid
        let groups = grid.arms.map(\.code) + ["Total"]
        var columns = ["Characteristic"]
        for code in groups { columns += [code, "\(code) %", "\(code) range / 95% CI"] }
        let rows = grid.lines.map { line in
            [String(repeating: "  ", count: line.level) + line.label] + line.cells.flatMap(cells)
        }
        var summary = SheetTable(name: name, columns: columns, rows: rows)
        summary.numericColumns = Set(groups.indices.flatMap { [1 + 3 * $0, 2 + 3 * $0] })
        summary.percentColumns = Set(groups.indices.map { 2 + 3 * $0 })
        summary.caption = "The arms side by side as numbers, with a total and charts"
        summary.preamble =
            ["\(report.studyId): the arms side by side (data cut-off \(report.cutoff))"]
            + grid.arms.map { "\($0.code): \($0.name)" }
            + ["Counts with the percentage of the arm's subjects; medians with their range; rates with their exact 95% CI."]
        summary.autofilter = false
        summary.onePage = true

        let data = chartData(grid, dm: dm)
        summary.charts = data.charts
        return (summary, data.table)
    }

    /// A cell as its three columns: value, percentage, range or interval.
    static func cells(_ cell: SummaryGrid.Cell) -> [String] {
        switch cell {
        case .blank: return ["", "", ""]
        case .count(let n, let total):
            return [String(n), total > 0 ? fraction(Double(n) / Double(total)) : "", ""]
        case .number(let n): return [String(n), "", ""]
        case .median(let values):
            guard let median = SummaryStatistics.median(values), let range = SummaryStatistics.range(values) else {
                return ["", "", "n/a"]
            }
            return [ReportText.decimal(median, places: 1), "", "\(range.lowerBound) to \(range.upperBound)"]
        case .rate(let p):
            guard let estimate = p.estimate, let ci = p.interval else { return [String(p.count), "", "n/a"] }
            return [
                String(p.count), fraction(estimate), "\(ReportText.percent(ci.lower)) to \(ReportText.percent(ci.upper))",
            ]
        }
    }

    /// A fraction with enough digits for a percentage with one decimal (0.381 shows as 38.1%).
    static func fraction(_ value: Double) -> String { ReportText.decimal(value, places: 6) }

    /// The numbers behind the charts, by arm: best overall response, then enrollment by month.
    static func chartData(_ grid: SummaryGrid, dm: Dataset?) -> (table: SheetTable, charts: [SheetChart]) {
        let codes = grid.arms.map(\.code)
        var rows: [[String]] = []
        var charts: [SheetChart] = []
        let values = 1..<(codes.count + 1)
        if !grid.bestResponse.isEmpty {
            rows += grid.bestResponse.map { [$0.category] + $0.counts.map(String.init) }
            charts.append(
                SheetChart(
                    kind: .stackedColumn, title: "Best overall response (investigator) by arm", xTitle: "Arm",
                    yTitle: "Subjects", dataSheet: chartDataName, records: 0..<rows.count, columns: values,
                    seriesPerRecord: true))
        }
        if let dm {
            let curve = EnrollmentCurve(dm: dm, arms: codes)
            if !curve.months.isEmpty {
                // After the responses, a block of its own: a heading record naming the arms, then the months.
                if !rows.isEmpty {
                    rows.append([""] + codes.map { _ in "" })
                    rows.append(["Month of informed consent"] + codes)
                }
                let start = rows.count
                rows += curve.months.map { [$0.month] + $0.counts.map(String.init) }
                charts.append(
                    SheetChart(
                        kind: .line, title: "Subjects enrolled by arm (cumulative)", xTitle: "Month of informed consent",
                        yTitle: "Subjects", dataSheet: chartDataName, records: start..<rows.count, columns: values,
                        seriesPerRecord: false))
            }
        }
        // Without responses (no RECIST module) the enrollment block heads the sheet.
        let heading = grid.bestResponse.isEmpty ? "Month of informed consent" : "Best overall response, subjects"
        var table = SheetTable(name: chartDataName, columns: [heading] + codes, rows: rows)
        table.numericColumns = Set(values)
        table.caption = "The numbers the Summary sheet's charts are drawn from"
        table.autofilter = false
        return (table, charts)
    }
}
