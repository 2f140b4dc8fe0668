import Foundation
import TrialExportCore

/// Writes the review workbook: a Study sheet, one sheet per dataset, then the extra sheets.
public enum XLSXWorkbookWriter {
    /// Most rows an Excel sheet holds, the header included.
    public static let excelRowLimit = WorkbookLayout.excelRowLimit

    /// Writes `content` to `path` through libxlsxwriter in constant-memory mode.
    ///
    /// Data sheets have a bold, frozen header with labels as comments, an autofilter and fitted
    /// column widths; numeric columns hold numbers. A table longer than `rowLimit` rows (header
    /// included) continues on `NAME (2)`, `NAME (3)`..., noted on the Study sheet. The file's
    /// creation date is `content.created`, so the bytes do not depend on the clock or locale.
    public static func write(
        _ content: WorkbookContent, to path: String, tmpdir: String? = nil, rowLimit: Int = excelRowLimit
    ) throws {
        let tables = content.datasets.map { dataset -> SheetTable in
            var table = SheetTable(dataset)
            table.rowMarks = content.rowMarks[dataset.name] ?? [:]
            return table
        } + content.extraSheets
        let limit = WorkbookLayout.excelColumnLimit
        if let wide = tables.first(where: { $0.columns.count > limit }) {
            throw TrialExportError.writeFailed(
                path: path, detail: "\(wide.name) has \(wide.columns.count) columns, more than a sheet holds (\(limit))")
        }
        let layout = WorkbookLayout(tables: tables, rowLimit: rowLimit)
        let workbook = try XLSXWorkbook(path: path, tmpdir: tmpdir, created: content.created, title: content.title)
        try writeStudySheet(content, layout: layout, to: try workbook.addSheet("Study"))
        for sheet in layout.sheets {
            try writeTable(sheet.table, rows: sheet.rows, to: try workbook.addSheet(sheet.name))
        }
        try workbook.close()
    }

    /// Writes a table's header and the given slice of its rows on one sheet.
    static func writeTable(_ table: SheetTable, rows: Range<Int>, to sheet: XLSXSheet) throws {
        guard !table.columns.isEmpty else { return }
        let widths = WorkbookLayout.columnWidths(columns: table.columns, rows: table.rows[rows])
        for (column, width) in widths.enumerated() { try sheet.setWidth(width, column: column) }
        for (column, name) in table.columns.enumerated() {
            try sheet.write(name, row: 0, column: column, bold: true)
            if let labels = table.labels, column < labels.count { try sheet.comment(labels[column], row: 0, column: column) }
        }
        sheet.freeze(rows: 1)
        try sheet.autofilter(lastRow: rows.count, lastColumn: table.columns.count - 1)
        for (offset, values) in table.rows[rows].enumerated() {
            try writeRow(values, of: table, row: offset + 1, mark: table.rowMarks[rows.lowerBound + offset], to: sheet)
        }
    }

    private static func writeRow(_ values: [String], of table: SheetTable, row: Int, mark: RowMark?, to sheet: XLSXSheet) throws {
        for (column, value) in values.prefix(table.columns.count).enumerated() {
            if table.numericColumns.contains(column), let number = WorkbookLayout.number(value) {
                try sheet.write(number, row: row, column: column, mark: mark)
            } else {
                try sheet.write(value, row: row, column: column, mark: mark)
            }
        }
    }

    /// Study id, title and cut-off; the datasets with label, rows and sheets; facts; notes.
    static func writeStudySheet(_ content: WorkbookContent, layout: WorkbookLayout, to sheet: XLSXSheet) throws {
        let study = StudySheet(content, layout: layout)
        for (column, width) in study.columnWidths.enumerated() { try sheet.setWidth(width, column: column) }
        for (row, line) in study.lines.enumerated() {
            for (column, value) in line.values.enumerated() {
                if StudySheet.isNumber(line.style, column: column), let number = Double(value) {
                    try sheet.write(number, row: row, column: column)
                } else {
                    try sheet.write(value, row: row, column: column, bold: StudySheet.isBold(line.style, column: column))
                }
            }
        }
    }
}
