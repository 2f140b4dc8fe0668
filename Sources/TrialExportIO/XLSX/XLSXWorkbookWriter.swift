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
        let stream = try WorkbookStream(
            path: path, tmpdir: tmpdir, created: content.created, title: content.title,
            page: PageLabels(studyId: content.studyId, cutoff: content.cutoff), rowLimit: rowLimit)
        for table in datasetTables(content) { try stream.add(table) }
        try stream.finish(content)
    }

    /// The dataset sheets of `content`, with their row marks.
    static func datasetTables(_ content: WorkbookContent) -> [SheetTable] {
        content.datasets.map { SheetTable($0, rowMarks: content.rowMarks[$0.name] ?? [:]) }
    }

    /// Writes a table's header and the given slice of its rows on one sheet, set up for printing.
    ///
    /// The header row is styled, frozen with the identifier columns and repeated on every printed
    /// page; a column too long for the widest width wraps its text.
    static func writeTable(
        _ table: SheetTable, rows: Range<Int>, to sheet: XLSXSheet, page: PageLabels, link: RowLinker? = nil
    ) throws {
        guard !table.columns.isEmpty else { return }
        let top = rows.lowerBound == 0 ? WorkbookLayout.preambleRows(table) : 0
        let longest = WorkbookLayout.longestValues(columns: table.columns, rows: table.rows[rows])
        for (column, length) in longest.enumerated() { try sheet.setWidth(WorkbookLayout.width(length), column: column) }
        let wrapped = Set(longest.indices.filter { WorkbookLayout.wraps(longest[$0]) })
        for (line, text) in table.preamble.enumerated() where top > 0 {
            try sheet.write(text, row: line, column: 0, style: CellStyle(bold: true, title: line == 0))
        }
        for (column, name) in table.columns.enumerated() {
            try sheet.write(name, row: top, column: column, style: CellStyle(header: true))
            if let labels = table.labels, column < labels.count { try sheet.comment(labels[column], row: top, column: column) }
        }
        sheet.freeze(rows: top + 1, columns: table.frozenColumns)
        let last = top + rows.count
        if table.autofilter { try sheet.autofilter(firstRow: top, lastRow: last, lastColumn: table.columns.count - 1) }
        try sheet.printSetup(header: page.header, footer: page.footer, repeatRows: top..<(top + 1), onePage: table.onePage)
        let chartRows = rows.lowerBound == 0 ? table.charts.count * (chartHeight + 1) : 0
        try sheet.printArea(lastRow: last + chartRows, lastColumn: table.columns.count - 1)
        try sheet.ignoreNumbersStoredAsText()
        var linked = 0
        for (offset, values) in table.rows[rows].enumerated() {
            let mark = table.rowMarks[rows.lowerBound + offset]
            try writeRow(values, of: table, row: top + offset + 1, mark: mark, wrapped: wrapped, to: sheet)
            if let links = table.rowLinks, let link, linked < maxLinksPerSheet,
                let target = link(values[links.sheetColumn], Int(values[links.rowColumn]) ?? 0)
            {
                try sheet.link(
                    values[links.rowColumn], toSheet: target.sheet, cellRow: target.row, row: top + offset + 1,
                    column: links.rowColumn)
                linked += 1
            }
        }
        for (i, chart) in table.charts.enumerated() where rows.lowerBound == 0 {
            try sheet.insert(chart, row: last + 2 + i * (chartHeight + 1), column: 0)
        }
    }

    /// Rows a chart takes (320 pixels at 20 a row).
    static let chartHeight = 16

    /// Excel keeps at most 65,530 links a sheet; rows past this many show the row number unlinked.
    static let maxLinksPerSheet = 65_000

    /// The sheet and row (0-based) of a table's record (1 is its first), or nil when the table has no sheet.
    typealias RowLinker = (_ table: String, _ record: Int) -> (sheet: String, row: Int)?

    private static func writeRow(
        _ values: DatasetRow, of table: SheetTable, row: Int, mark: RowMark?, wrapped: Set<Int>, to sheet: XLSXSheet
    ) throws {
        // A wrapped cell needs its row tall enough for its lines (readers do not all grow it on opening).
        if !wrapped.isEmpty {
            let lines = wrapped.map { $0 < values.count ? WorkbookLayout.lines(values[$0]) : 1 }.max() ?? 1
            if lines > 1 { try sheet.setHeight(WorkbookLayout.rowHeight(lines: lines), row: row) }
        }
        for (column, value) in values.prefix(table.columns.count).enumerated() {
            let fill = CellStyle.fill(mark, column: column)
            if table.numericColumns.contains(column), let number = WorkbookLayout.number(value) {
                let style = CellStyle(mark: fill, percent: table.percentColumns.contains(column))
                try sheet.write(number, row: row, column: column, style: style)
            } else {
                try sheet.write(value, row: row, column: column, style: CellStyle(wrap: wrapped.contains(column), mark: fill))
            }
            if case .changed(let previous) = mark, let old = previous[column] {
                try sheet.comment("Previous transfer: " + (old.isEmpty ? "(null)" : old), row: row, column: column)
            }
        }
    }

    /// Study id, title and cut-off; the datasets with label, rows and sheets; facts; notes.
    ///
    /// The sheet is the workbook's contents page: each sheet name links to its sheet, and it prints on one page.
    static func writeStudySheet(_ content: WorkbookContent, layout: WorkbookLayout, to sheet: XLSXSheet, page: PageLabels) throws
    {
        let study = StudySheet(content, layout: layout)
        for (column, width) in study.columnWidths.enumerated() { try sheet.setWidth(width, column: column) }
        for (row, line) in study.lines.enumerated() {
            if line.style == .title { try sheet.setHeight(22, row: row) }
            for (column, value) in line.values.enumerated() {
                if StudySheet.isNumber(line.style, column: column), let number = Double(value) {
                    try sheet.write(number, row: row, column: column)
                } else if let target = StudySheet.link(line, column: column) {
                    try sheet.link(value, toSheet: target, row: row, column: column)
                } else {
                    try sheet.write(value, row: row, column: column, style: StudySheet.style(line.style, column: column))
                }
            }
        }
        try sheet.printSetup(header: page.header, footer: page.footer, repeatRows: nil, onePage: true)
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
    private let page: PageLabels
    private var written: [SheetTable] = []

    public init(
        path: String, tmpdir: String?, created: Date, title: String, page: PageLabels = PageLabels(),
        rowLimit: Int = XLSXWorkbookWriter.excelRowLimit
    ) throws {
        self.path = path
        self.rowLimit = rowLimit
        self.page = page
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
            try XLSXWorkbookWriter.writeTable(
                sheet.table, rows: sheet.rows, to: try workbook.addSheet(sheet.name), page: page, link: linker)
        }
        written.append(table)
    }

    /// Links to records of the tables already written (datasets have no preamble).
    private var linker: XLSXWorkbookWriter.RowLinker {
        let names = Set(written.map(\.name))
        let rowLimit = self.rowLimit
        return { table, record in
            guard names.contains(table), record > 0 else { return nil }
            return WorkbookLayout.place(record: record - 1, of: table, rowLimit: rowLimit)
        }
    }

    /// Adds `content.extraSheets`, fills the Study sheet and writes the file. The dataset sheets
    /// must already have been added, in the order of `content.datasets`.
    public func finish(_ content: WorkbookContent) throws {
        for table in content.extraSheets { try add(table) }
        let layout = WorkbookLayout(tables: written, rowLimit: rowLimit)
        try XLSXWorkbookWriter.writeStudySheet(content, layout: layout, to: study, page: page)
        try workbook.close()
    }
}
