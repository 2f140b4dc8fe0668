import TrialExportCore

/// The workbook's "Summary" sheet: the side-by-side table of the arms, as in consort.md.
public enum SummarySheet {
    public static let name = "Summary"

    /// One row per characteristic (categories indented by two spaces), one column per arm.
    public static func table(for report: TrialReport) -> SheetTable {
        let table = report.comparisonTable
        let rows = table.rows.map { row in [String(repeating: "  ", count: row.level) + row.label] + row.cells }
        var sheet = SheetTable(name: name, columns: table.columns, rows: rows)
        sheet.caption = "The arms side by side: flow, baseline, exposure, efficacy, safety"
        return sheet
    }
}
