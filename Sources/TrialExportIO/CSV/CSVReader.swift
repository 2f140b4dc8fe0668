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
public struct CSVReader: Sendable {
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
    /// Heap-allocated so its address stays fixed for every libcsv call.
    private let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
    private let state: CSVParseState
    private let path: String
    private var atLineStart = true

    init(path: String) throws {
        self.path = path
        self.state = CSVParseState(path: path)
        parser.initialize(to: csv_parser())
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI)
        guard csv_init(parser, options) == 0 else {
            parser.deallocate()
            throw TrialExportError.malformedCSV(path: path, line: 1, detail: "the CSV parser could not be initialised")
        }
        // Keep spaces and tabs as data, as RFC 4180 says; libcsv trims them by default.
        csv_set_space_func(parser) { _ in 0 }
    }

    /// Releases the parser's buffer; the session is unusable afterwards.
    func free() {
        csv_free(parser)
        parser.deallocate()
    }

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
        if csv_fini(parser, csvFieldCallback, csvRecordCallback, context) != 0 {
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
        // pstate 0 (ROW_NOT_BEGUN): no record is open, so the next one starts on this line.
        if atLineStart, parser.pointee.pstate == 0 { state.recordMayStart() }
        let context = Unmanaged.passUnretained(state).toOpaque()
        let used = csv_parse(parser, segment.baseAddress, segment.count, csvFieldCallback, csvRecordCallback, context)
        if let error = state.error { throw error }
        if used != segment.count {
            let status = csv_error(parser)
            if status == CSV_EPARSE {
                throw TrialExportError.malformedCSV(
                    path: path, line: state.line,
                    detail: "a '\"' appears inside an unquoted field or right after a closing quote; double it (\"\") inside a quoted field")
            }
            throw TrialExportError.malformedCSV(path: path, line: state.line, detail: String(cString: csv_strerror(status)))
        }
    }
}

// The context is a `CSVParseState` passed unretained: the session owns it for longer than any
// `csv_parse` or `csv_fini` call that can invoke these callbacks.
private let csvFieldCallback: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
    bytes, count, context in
    let state = Unmanaged<CSVParseState>.fromOpaque(context!).takeUnretainedValue()
    state.addField(UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : count))
}

private let csvRecordCallback: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
    Unmanaged<CSVParseState>.fromOpaque(context!).takeUnretainedValue().endRecord()
}
