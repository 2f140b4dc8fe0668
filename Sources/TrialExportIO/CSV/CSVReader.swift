import CLibCSV
import Foundation
import TrialExportCore

/// Streams an RFC 4180 CSV file through libcsv, one record at a time, with exact line numbers.
///
/// The file is read in chunks and fed to the parser one physical line at a time, so each record
/// knows the line it starts on even when quoted fields span lines. A UTF-8 byte order mark is
/// dropped; CRLF and LF line ends are accepted; spaces are kept as written (RFC 4180); blank
/// lines (no fields, or every field empty) are skipped. This is the only file that parses
/// with libcsv.
public struct CSVReader {
    public let path: String
    /// Bytes read from the file per `fread`.
    public var chunkSize: Int = 64 * 1024

    public init(path: String) {
        self.path = path
    }

    /// Streams the file: header first, then each record with its starting line.
    public func read(header: ([String]) throws -> Void, record: (RawRow) throws -> Void) throws {
        guard let file = fopen(path, "rb") else {
            throw TrialExportError.fileNotFound(path: path, what: "CSV file")
        }
        defer { fclose(file) }
        let session = try CSVParseSession(path: path)
        defer { session.free() }
        var sawHeader = false
        func deliver(_ row: RawRow) throws {
            if sawHeader { try record(row) } else { sawHeader = true; try header(row.values) }
        }
        try readChunks(file) { bytes in
            try session.feed(bytes)
            try session.drain(deliver)
        }
        try session.finish()
        try session.drain(deliver)
        if !sawHeader { throw TrialExportError.emptyFile(path: path) }
    }

    /// Calls `body` with each chunk of the file, the UTF-8 byte order mark removed.
    private func readChunks(_ file: UnsafeMutablePointer<FILE>, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: max(chunkSize, 4))
        var first = true
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 {
                if ferror(file) != 0 {
                    throw TrialExportError.malformedCSV(path: path, line: 1, detail: "read error: \(String(cString: strerror(errno)))")
                }
                return
            }
            try buffer.withUnsafeBytes { raw in
                var chunk = UnsafeRawBufferPointer(rebasing: raw[0..<count])
                if first, count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF {
                    chunk = UnsafeRawBufferPointer(rebasing: chunk[3...])
                }
                first = false
                try body(chunk)
            }
        }
    }
}

/// One libcsv parser and the state its callbacks fill; fed one physical line at a time.
final class CSVParseSession {
    private var parser = csv_parser()
    private let state: CSVParseState
    private let path: String
    private var atLineStart = true

    init(path: String) throws {
        self.path = path
        self.state = CSVParseState(path: path)
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI)
        guard csv_init(&parser, options) == 0 else {
            throw TrialExportError.malformedCSV(path: path, line: 1, detail: "the CSV parser could not be initialised")
        }
        // Keep spaces and tabs as data, as RFC 4180 says; libcsv trims them by default.
        csv_set_space_func(&parser) { _ in 0 }
    }

    func free() { csv_free(&parser) }

    /// Feeds a chunk, split after each line feed so records know their lines.
    func feed(_ chunk: UnsafeRawBufferPointer) throws {
        var start = 0
        while start < chunk.count {
            let rest = UnsafeRawBufferPointer(rebasing: chunk[start...])
            let newline = memchr(rest.baseAddress!, 0x0A, rest.count)
            let end = newline.map { start + rest.baseAddress!.distance(to: UnsafeRawPointer($0)) + 1 } ?? chunk.count
            try parse(UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
            if newline != nil { state.line += 1 }
            atLineStart = newline != nil
            start = end
        }
    }

    /// Ends the input: submits a last record that has no line end, or reports an open quote.
    func finish() throws {
        let context = Unmanaged.passUnretained(state).toOpaque()
        if csv_fini(&parser, csvFieldCallback, csvRecordCallback, context) != 0 {
            throw TrialExportError.unterminatedQuote(path: path, line: state.fieldLine)
        }
        if let error = state.error { throw error }
    }

    /// Hands over the records completed so far, in order.
    func drain(_ body: (RawRow) throws -> Void) throws {
        let rows = state.completed
        state.completed.removeAll(keepingCapacity: true)
        for row in rows { try body(row) }
    }

    private func parse(_ segment: UnsafeRawBufferPointer) throws {
        if atLineStart { state.lineStarted(rowNotBegun: parser.pstate == 0, inQuotedField: parser.pstate == 2 && parser.quoted != 0) }
        let context = Unmanaged.passUnretained(state).toOpaque()
        let used = csv_parse(&parser, segment.baseAddress, segment.count, csvFieldCallback, csvRecordCallback, context)
        if let error = state.error { throw error }
        if used != segment.count {
            let status = csv_error(&parser)
            if status == CSV_EPARSE {
                throw TrialExportError.malformedCSV(
                    path: path, line: state.line,
                    detail: "a '\"' appears inside an unquoted field or right after a closing quote; double it (\"\") inside a quoted field")
            }
            throw TrialExportError.malformedCSV(path: path, line: state.line, detail: String(cString: csv_strerror(status)))
        }
    }
}

/// What the libcsv callbacks collect: the fields of the current record and finished records.
///
/// Hot properties skip the runtime exclusivity check: one parse runs on one thread and the
/// callbacks never overlap an access to them (they cost a fifth of the parse time otherwise).
final class CSVParseState {
    let path: String
    /// The physical line being parsed (1-based).
    @exclusivity(unchecked) var line = 1
    /// The line the current record started on.
    @exclusivity(unchecked) var recordLine = 1
    /// The line the current field started on.
    @exclusivity(unchecked) var fieldLine = 1
    @exclusivity(unchecked) var fields: [String] = []
    @exclusivity(unchecked) var completed: [RawRow] = []
    /// The first invalid field met; later input is ignored.
    @exclusivity(unchecked) var error: TrialExportError?

    init(path: String) {
        self.path = path
    }

    /// Notes where the next record or field starts, given the parser state at a line start.
    func lineStarted(rowNotBegun: Bool, inQuotedField: Bool) {
        if rowNotBegun { recordLine = line }
        if !inQuotedField { fieldLine = line }
    }

    func addField(_ bytes: UnsafeRawBufferPointer) {
        guard error == nil else { return }
        if let text = Self.decode(bytes.bindMemory(to: UInt8.self)) {
            fields.append(text)
        } else {
            error = .invalidUTF8(path: path, line: fieldLine, column: fields.count + 1)
        }
        fieldLine = line
    }

    func endRecord() {
        defer {
            fields.removeAll(keepingCapacity: true)
            recordLine = line
            fieldLine = line
        }
        guard error == nil, !CSVParseState.isBlank(fields) else { return }
        completed.append(RawRow(line: recordLine, values: fields))
    }

    /// The text of UTF-8 bytes, or nil when they are not valid UTF-8.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        // Decoding replaces invalid bytes with U+FFFD, so valid input is exactly the bytes back.
        if bytes.allSatisfy({ $0 < 0x80 }) || text.utf8.elementsEqual(bytes) { return text }
        return nil
    }

    /// True for a record with no data: every field empty or only spaces and tabs.
    static func isBlank(_ fields: [String]) -> Bool {
        fields.allSatisfy { $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }
}

private let csvFieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
    bytes, count, context in
    let state = Unmanaged<CSVParseState>.fromOpaque(context!).takeUnretainedValue()
    state.addField(UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : count))
}

private let csvRecordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
    Unmanaged<CSVParseState>.fromOpaque(context!).takeUnretainedValue().endRecord()
}
