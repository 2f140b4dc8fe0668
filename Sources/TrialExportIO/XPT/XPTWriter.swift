import CReadStat
import Foundation
import TrialExportCore

/// One SAS XPORT version 5 file written with ReadStat; the only code that calls ReadStat.
///
/// Every ReadStat return code goes through ``check(_:_:)``, which throws ``XPTError/readStat``
/// with the library's message. Bytes go through a ``BufferedFileOutput``; the writer is freed by
/// ``close()`` or, when writing stopped early, by `deinit`.
final class XPTWriter {
    /// A character or numeric variable of the file.
    struct Variable {
        var name: String
        var label: String
        var numeric: Bool
        /// Bytes of a character variable (1 to 200); numeric variables take 8.
        var length: Int
    }

    let path: String
    private var writer: OpaquePointer?
    private var handles: [OpaquePointer] = []
    private let output: Output

    /// Starts `path` for `rows` rows: member `table` labelled `label`, dated `created`.
    init(path: String, table: String, label: String, created: Date, variables: [Variable], rows: Int) throws {
        self.path = path
        output = Output(file: try BufferedFileOutput(path: path))
        guard let writer = readstat_writer_init() else { throw XPTError.readStat(path: path, code: "init", detail: "no memory") }
        self.writer = OpaquePointer(writer)
        try check(readstat_set_data_writer(writer, xptDataWriter), "setting the output")
        try check(readstat_writer_set_file_format_version(writer, 5), "choosing XPORT version 5")
        try check(readstat_writer_set_table_name(writer, table), "member name \(table)")
        try check(readstat_writer_set_file_label(writer, label), "dataset label")
        try check(readstat_writer_set_file_timestamp(writer, Self.localTimestamp(created)), "file date")
        for variable in variables {
            let type = variable.numeric ? READSTAT_TYPE_DOUBLE : READSTAT_TYPE_STRING
            guard let handle = readstat_add_variable(writer, variable.name, type, variable.numeric ? 8 : variable.length) else {
                throw XPTError.readStat(path: path, code: "add variable", detail: "variable \(variable.name) not added")
            }
            readstat_variable_set_label(handle, variable.label)
            handles.append(OpaquePointer(handle))
        }
        let context = Unmanaged.passUnretained(output).toOpaque()
        try check(readstat_begin_writing_xport(writer, context, rows), "starting the file")
        try check(readstat_validate_metadata(writer), "names and labels")
    }

    deinit {
        if let writer { readstat_writer_free(UnsafeMutablePointer(writer)) }
    }

    /// ReadStat prints the file date in local time: the time whose local date and time are those of
    /// `date` in UTC, so the bytes do not depend on the time zone.
    static func localTimestamp(_ date: Date) -> time_t {
        var utc = time_t(date.timeIntervalSince1970)
        var fields = tm()
        gmtime_r(&utc, &fields)
        fields.tm_isdst = -1
        return mktime(&fields)
    }

    /// Writes one row: for each variable its text (character) or number (nil: missing).
    func writeRow(_ cell: (_ column: Int) -> XPTCell) throws {
        let writer = try open()
        try check(readstat_begin_row(writer), "starting a row")
        for (column, handle) in handles.enumerated() {
            let variable = UnsafePointer<readstat_variable_t>(handle)
            switch cell(column) {
            case .text(let text): try check(readstat_insert_string_value(writer, variable, text), "a character value")
            case .number(let number): try check(readstat_insert_double_value(writer, variable, number), "a numeric value")
            case .missing: try check(readstat_insert_missing_value(writer, variable), "a missing value")
            }
        }
        try check(readstat_end_row(writer), "ending a row")
    }

    /// Ends the file, frees the writer and closes the file.
    func close() throws {
        let writer = try open()
        try check(readstat_end_writing(writer), "ending the file")
        readstat_writer_free(writer)
        self.writer = nil
        try output.file.close()
    }

    private func open() throws -> UnsafeMutablePointer<readstat_writer_t> {
        guard let writer else { throw XPTError.readStat(path: path, code: "closed", detail: "the file is already closed") }
        return UnsafeMutablePointer(writer)
    }

    /// Throws the library's message (or the write error behind it) for any code other than success.
    private func check(_ code: readstat_error_t, _ context: @autoclosure () -> String) throws {
        guard code != READSTAT_OK else { return }
        if let failure = output.failure { throw failure }
        throw XPTError.readStat(
            path: path, code: "\(code.rawValue)", detail: "\(String(cString: readstat_error_message(code))) (\(context()))")
    }

    /// The file the data writer appends to, and the first error it met.
    final class Output {
        let file: BufferedFileOutput
        var failure: Error?
        init(file: BufferedFileOutput) { self.file = file }
    }
}

/// A value for ``XPTWriter/writeRow(_:)``.
enum XPTCell {
    case text(String)
    case number(Double)
    case missing
}

/// ReadStat's data writer: appends to the ``XPTWriter/Output`` given as context; -1 on failure.
private func xptDataWriter(_ data: UnsafeRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return -1 }
    let output = Unmanaged<XPTWriter.Output>.fromOpaque(context).takeUnretainedValue()
    do {
        try output.file.append(UnsafeRawBufferPointer(start: data, count: length))
        return length
    } catch {
        output.failure = error
        return -1
    }
}
