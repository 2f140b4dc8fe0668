import CXLSXWriter
import Foundation
import TrialExportCore

/// A libxlsxwriter workbook in constant-memory mode; the only code that calls libxlsxwriter.
///
/// Every call that returns an `lxw_error` goes through ``check(_:_:)``. The workbook is freed
/// by ``close()`` (which writes the file) or, when writing stopped early, by `deinit` without
/// writing anything.
final class XLSXWorkbook {
    let path: String
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    /// One libxlsxwriter format per cell style used, made on first use.
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]

    /// Starts a workbook for `path`; temporary files go to `tmpdir` (the system's when nil).
    init(path: String, tmpdir: String?, created: Date, title: String) throws {
        self.path = path
        // Checked here because libxlsxwriter prints its own message to stderr when it fails to create the file.
        try Self.checkDestination(path)
        if let tmpdir { try Self.checkFolder(tmpdir, what: "the temporary folder") }
        var options = lxw_workbook_options()
        options.constant_memory = UInt8(LXW_TRUE.rawValue)
        let handle: UnsafeMutablePointer<lxw_workbook>? = Self.withOptionalCString(tmpdir) { dir in
            options.tmpdir = dir
            return workbook_new_opt(path, &options)
        }
        guard let handle else {
            throw TrialExportError.writeFailed(path: path, detail: "libxlsxwriter could not start a workbook")
        }
        workbook = handle
        try setProperties(created: created, title: title)
    }

    deinit {
        if let workbook { lxw_workbook_free(workbook) }
    }

    /// Adds a worksheet after the others.
    func addSheet(_ name: String) throws -> XLSXSheet {
        let handle = try open()
        try check(workbook_validate_sheet_name(handle, name), "sheet name \"\(name)\"")
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw TrialExportError.writeFailed(
                path: path, detail: "libxlsxwriter could not add sheet \"\(name)\" (check the temporary folder)")
        }
        worksheet_set_comments_author(sheet, "trialexport")
        return XLSXSheet(sheet: sheet, workbook: self)
    }

    /// A new chart, to be inserted on one sheet.
    func addChart(_ kind: SheetChart.Kind) throws -> UnsafeMutablePointer<lxw_chart> {
        let type = kind == .line ? LXW_CHART_LINE : LXW_CHART_COLUMN_STACKED
        guard let chart = workbook_add_chart(try open(), UInt8(type.rawValue)) else {
            throw TrialExportError.writeFailed(path: path, detail: "libxlsxwriter could not add a chart")
        }
        return chart
    }

    /// Writes the file and frees the workbook.
    func close() throws {
        let handle = try open()
        workbook = nil
        try check(workbook_close(handle), "writing the file")
    }

    /// Throws the library's message for any code other than success.
    func check(_ error: lxw_error, _ context: @autoclosure () -> String) throws {
        guard error != LXW_NO_ERROR else { return }
        let message = String(cString: lxw_strerror(error))
        throw TrialExportError.writeFailed(path: path, detail: "\(message) (\(context()))")
    }

    /// The format of `style`; nil for the default look.
    fileprivate func format(_ style: CellStyle) throws -> UnsafeMutablePointer<lxw_format>? {
        guard style != CellStyle() else { return nil }
        if let format = formats[style] { return format }
        guard let format = workbook_add_format(try open()) else {
            throw TrialExportError.writeFailed(path: path, detail: "libxlsxwriter could not add a format")
        }
        style.apply(to: format)
        formats[style] = format
        return format
    }

    private func open() throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let workbook else { throw TrialExportError.writeFailed(path: path, detail: "the workbook is already closed") }
        return workbook
    }

    /// Sets the creation date (never the clock) and title, so two runs give the same bytes.
    private func setProperties(created: Date, title: String) throws {
        let handle = try open()
        try title.withCString { titleText in
            try "trialexport".withCString { author in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: titleText)
                properties.author = UnsafeMutablePointer(mutating: author)
                // libxlsxwriter reads 0 as "now": keep a fixed non-zero time.
                properties.created = max(time_t(created.timeIntervalSince1970.rounded(.down)), 1)
                try check(workbook_set_properties(handle, &properties), "document properties")
            }
        }
    }

    /// Throws unless `folder` is an existing, writable folder (libxlsxwriter ignores a bad tmpdir).
    private static func checkFolder(_ folder: String, what: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw TrialExportError.writeFailed(path: folder, detail: "\(what) does not exist")
        }
        guard access(folder, W_OK) == 0 else {
            throw TrialExportError.writeFailed(path: folder, detail: "\(what) is not writable")
        }
    }

    /// Throws when the file cannot be created: its folder is missing or read-only, or it is a folder.
    private static func checkDestination(_ path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try checkFolder(folder.isEmpty ? "." : folder, what: "the output folder")
        } catch TrialExportError.writeFailed(_, let detail) {
            throw TrialExportError.writeFailed(path: path, detail: detail)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw TrialExportError.writeFailed(path: path, detail: "a folder has this name")
        }
    }

    private static func withOptionalCString<R>(_ text: String?, _ body: (UnsafeMutablePointer<CChar>?) -> R) -> R {
        guard let text else { return body(nil) }
        return text.withCString { body(UnsafeMutablePointer(mutating: $0)) }
    }
}

/// One worksheet of an ``XLSXWorkbook``; rows must be written in order (constant-memory mode).
struct XLSXSheet {
    fileprivate let sheet: UnsafeMutablePointer<lxw_worksheet>
    fileprivate unowned let workbook: XLSXWorkbook

    /// Writes text; an empty value leaves the cell blank (filled when the row is marked).
    ///
    /// So does a value longer than a cell holds, which libxlsxwriter refuses: the CSV keeps it whole and
    /// ``ValueLengthChecks`` reports it (CHK0031). The text goes through ``XLSXCellText``, so a NUL
    /// does not cut it short.
    func write(_ text: String, row: Int, column: Int, bold: Bool = false) throws {
        try write(text, row: row, column: column, style: CellStyle(bold: bold))
    }

    /// Writes text in a given style (see ``write(_:row:column:bold:)``).
    func write(_ text: String, row: Int, column: Int, style: CellStyle) throws {
        let format = try workbook.format(style)
        guard !text.isEmpty, ValueLengthChecks.fitsWorkbookCell(text) else {
            if let format {
                try workbook.check(
                    worksheet_write_blank(sheet, lxw_row_t(row), lxw_col_t(column), format), "cell \(row + 1),\(column + 1)")
            }
            return
        }
        try workbook.check(
            worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), XLSXCellText.encoded(text), format),
            "cell \(row + 1),\(column + 1)")
    }

    func write(_ number: Double, row: Int, column: Int, style: CellStyle = CellStyle()) throws {
        let format = try workbook.format(style)
        try workbook.check(
            worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, format), "cell \(row + 1),\(column + 1)")
    }

    func comment(_ text: String, row: Int, column: Int) throws {
        guard !text.isEmpty else { return }
        try workbook.check(
            worksheet_write_comment(sheet, lxw_row_t(row), lxw_col_t(column), XLSXCellText.encoded(text)),
            "comment \(row + 1),\(column + 1)")
    }

    func setWidth(_ width: Double, column: Int) throws {
        try workbook.check(worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), width, nil), "column width")
    }

    /// Keeps the first `rows` rows (and `columns` columns) in view when scrolling.
    func freeze(rows: Int, columns: Int = 0) {
        worksheet_freeze_panes(sheet, lxw_row_t(rows), lxw_col_t(columns))
    }

    /// A link to a cell of column A (A1 unless `cellRow` is given, 0-based) of another sheet, shown as `text`.
    func link(_ text: String, toSheet name: String, cellRow: Int = 0, row: Int, column: Int) throws {
        let target = "internal:'\(name.replacingOccurrences(of: "'", with: "''"))'!A\(cellRow + 1)"
        let format = try workbook.format(CellStyle(link: true))
        try workbook.check(
            worksheet_write_url_opt(sheet, lxw_row_t(row), lxw_col_t(column), target, format, text, nil),
            "link \(row + 1),\(column + 1)")
    }

    /// Page setup for printing: landscape, fitted to one page wide (and one page tall with
    /// `onePage`), the rows `repeatRows` on every page, header and footer texts (Excel's `&`
    /// codes), narrow margins.
    func printSetup(
        header: String, footer: String, repeatRows: Range<Int>?, landscape: Bool = true, onePage: Bool = false
    ) throws {
        if landscape { worksheet_set_landscape(sheet) }
        worksheet_set_paper(sheet, 9)  // A4
        worksheet_set_margins(sheet, 0.4, 0.4, 0.75, 0.75)
        worksheet_fit_to_pages(sheet, 1, onePage ? 1 : 0)
        if let rows = repeatRows, !rows.isEmpty {
            try workbook.check(
                worksheet_repeat_rows(sheet, lxw_row_t(rows.lowerBound), lxw_row_t(rows.upperBound - 1)), "print titles")
        }
        try workbook.check(worksheet_set_header(sheet, header), "page header")
        try workbook.check(worksheet_set_footer(sheet, footer), "page footer")
    }

    /// Prints exactly the cells up to `lastRow` and `lastColumn`, not the comment boxes beside the header.
    func printArea(lastRow: Int, lastColumn: Int) throws {
        try workbook.check(worksheet_print_area(sheet, 0, 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)), "print area")
    }

    /// Silences Excel's "number stored as text" marker on every cell (Char variables may hold digits).
    func ignoreNumbersStoredAsText() throws {
        try workbook.check(
            worksheet_ignore_errors(sheet, UInt8(LXW_IGNORE_NUMBER_STORED_AS_TEXT.rawValue), "A1:XFD1048576"), "ignored errors")
    }

    /// Sets a row's height in points (e.g. for a title row).
    func setHeight(_ height: Double, row: Int) throws {
        try workbook.check(worksheet_set_row(sheet, lxw_row_t(row), height, nil), "row height")
    }

    /// Draws `chart` with its top-left corner at the cell `row`, `column`, `width` by `height` pixels.
    func insert(_ chart: SheetChart, row: Int, column: Int, width: Double = 720, height: Double = 320) throws {
        let handle = try workbook.addChart(chart.kind)
        for series in chart.series {
            guard let added = chart_add_series(handle, nil, nil) else { continue }
            chart_series_set_categories(
                added, chart.dataSheet, lxw_row_t(series.categories.row.lowerBound),
                lxw_col_t(series.categories.column.lowerBound),
                lxw_row_t(series.categories.row.upperBound), lxw_col_t(series.categories.column.upperBound - 1))
            chart_series_set_values(
                added, chart.dataSheet, lxw_row_t(series.values.row.lowerBound), lxw_col_t(series.values.column.lowerBound),
                lxw_row_t(series.values.row.upperBound), lxw_col_t(series.values.column.upperBound - 1))
            chart_series_set_name_range(added, chart.dataSheet, lxw_row_t(series.nameRow), lxw_col_t(series.nameColumn))
        }
        chart_title_set_name(handle, chart.title)
        chart_axis_set_name(handle.pointee.x_axis, chart.xTitle)
        chart_axis_set_name(handle.pointee.y_axis, chart.yTitle)
        chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
        var options = lxw_chart_options()
        options.x_scale = width / 480
        options.y_scale = height / 288
        try workbook.check(
            worksheet_insert_chart_opt(sheet, lxw_row_t(row), lxw_col_t(column), handle, &options), "chart \(chart.title)")
    }

    func autofilter(firstRow: Int = 0, lastRow: Int, lastColumn: Int) throws {
        try workbook.check(
            worksheet_autofilter(sheet, lxw_row_t(firstRow), 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)), "autofilter")
    }
}
