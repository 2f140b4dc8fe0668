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
    private let boldFormat: UnsafeMutablePointer<lxw_format>
    /// Fills of rows new (green) or changed (yellow) since the previous transfer.
    private var markFormats: [RowMark: UnsafeMutablePointer<lxw_format>] = [:]

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
        guard let bold = workbook_add_format(handle) else {
            lxw_workbook_free(handle)
            throw TrialExportError.writeFailed(path: path, detail: "libxlsxwriter could not add a format")
        }
        format_set_bold(bold)
        boldFormat = bold
        for (mark, colour) in [(RowMark.added, 0xE2EFDA), (.changed, 0xFFF2CC)] {
            guard let format = workbook_add_format(handle) else { continue }
            format_set_bg_color(format, lxw_color_t(colour))
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            markFormats[mark] = format
        }
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

    fileprivate var bold: UnsafeMutablePointer<lxw_format> { boldFormat }
    fileprivate func format(for mark: RowMark) -> UnsafeMutablePointer<lxw_format>? { markFormats[mark] }

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
    func write(_ text: String, row: Int, column: Int, bold: Bool = false, mark: RowMark? = nil) throws {
        let format = mark.flatMap { workbook.format(for: $0) } ?? (bold ? workbook.bold : nil)
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

    func write(_ number: Double, row: Int, column: Int, mark: RowMark? = nil) throws {
        let format = mark.flatMap { workbook.format(for: $0) }
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

    /// Keeps the first `rows` rows in view when scrolling.
    func freeze(rows: Int) {
        worksheet_freeze_panes(sheet, lxw_row_t(rows), 0)
    }

    func autofilter(lastRow: Int, lastColumn: Int) throws {
        try workbook.check(worksheet_autofilter(sheet, 0, 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)), "autofilter")
    }
}
