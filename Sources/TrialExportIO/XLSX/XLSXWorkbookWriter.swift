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
        let stream = try WorkbookStream(path: path, tmpdir: tmpdir, created: content.created, title: content.title,
                                        rowLimit: rowLimit)
        for table in datasetTables(content) { try stream.add(table) }
        try stream.finish(content)
    }

    /// The dataset sheets of `content`, with their row marks.
    static func datasetTables(_ content: WorkbookContent) -> [SheetTable] {
        content.datasets.map { SheetTable($0, rowMarks: content.rowMarks[$0.name] ?? [:]) }
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

    private static func writeRow(_ values: DatasetRow, of table: SheetTable, row: Int, mark: RowMark?, to sheet: XLSXSheet) throws {
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

/// A workbook written in steps: the dataset sheets as soon as the datasets exist (e.g. while the
/// checks run), then the extra sheets and the Study sheet, which sums everything up, at the end.
///
/// The Study sheet is added first (it is the first tab) and filled last; in constant-memory mode
/// each sheet streams to its own temporary file, so the bytes are those of writing in order.
public final class WorkbookStream {
    private let workbook: XLSXWorkbook
    private let study: XLSXSheet
    private let rowLimit: Int
    private let path: String
    private var written: [SheetTable] = []

    public init(path: String, tmpdir: String?, created: Date, title: String, rowLimit: Int = XLSXWorkbookWriter.excelRowLimit) throws {
        self.path = path
        self.rowLimit = rowLimit
        workbook = try XLSXWorkbook(path: path, tmpdir: tmpdir, created: created, title: title)
        study = try workbook.addSheet("Study")
    }

    /// Adds a table's sheet (or sheets, past the row limit) and writes its rows.
    public func add(_ table: SheetTable) throws {
        let limit = WorkbookLayout.excelColumnLimit
        guard table.columns.count <= limit else {
            throw TrialExportError.writeFailed(
                path: path, detail: "\(table.name) has \(table.columns.count) columns, more than a sheet holds (\(limit))")
        }
        for sheet in WorkbookLayout(tables: [table], rowLimit: rowLimit).sheets {
            try XLSXWorkbookWriter.writeTable(sheet.table, rows: sheet.rows, to: try workbook.addSheet(sheet.name))
        }
        written.append(table)
    }

    /// Adds `content.extraSheets`, fills the Study sheet and writes the file. The dataset sheets
    /// must already have been added, in the order of `content.datasets`.
    public func finish(_ content: WorkbookContent) throws {
        for table in content.extraSheets { try add(table) }
        let layout = WorkbookLayout(tables: written, rowLimit: rowLimit)
        try XLSXWorkbookWriter.writeStudySheet(content, layout: layout, to: study)
        try workbook.close()
    }
}
