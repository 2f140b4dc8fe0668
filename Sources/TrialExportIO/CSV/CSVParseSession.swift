import CLibCSV
import Foundation
import TrialExportCore

/// One libcsv parser and the state its callbacks fill; fed one physical line at a time.
///
/// A line ends at LF, CRLF or a lone CR, so line numbers are right whatever the file's style;
/// line ends between records are counted per style (``lineEnds``).
final class CSVParseSession {
    /// Heap-allocated so its address stays fixed for every libcsv call.
    private let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
    private let state: CSVParseState
    private let path: String
    private var atLineStart = true
    /// The last chunk ended with a CR: whether it is a CRLF depends on the next chunk's first byte.
    private var pendingCR: (line: Int, betweenRecords: Bool)?
    private(set) var lineEnds = CSVLineEnds()

    init(path: String, delimiter: UInt8 = UInt8(ascii: ","), encoding: TextEncoding = .utf8, headerRow: Int = 1) throws {
        self.path = path
        self.state = CSVParseState(path: path, encoding: encoding)
        state.headerRow = headerRow
        parser.initialize(to: csv_parser())
        let options = UInt8(CSV_STRICT | CSV_STRICT_FINI)
        guard csv_init(parser, options) == 0 else {
            parser.deallocate()
            throw TrialExportError.malformedCSV(path: path, line: 1, detail: "the CSV parser could not be initialised")
        }
        // Keep spaces and tabs as data, as RFC 4180 says; libcsv trims them by default.
        csv_set_space_func(parser) { _ in 0 }
        csv_set_delim(parser, delimiter)
    }

    /// Releases the parser's buffer; the session is unusable afterwards.
    func free() {
        csv_free(parser)
        parser.deallocate()
    }

    /// Feeds a chunk, split after each line end (LF, CRLF or CR) so records know their lines.
    func feed(_ chunk: UnsafeRawBufferPointer) throws {
        guard let base = chunk.baseAddress, !chunk.isEmpty else { return }
        var start = 0
        if let cr = pendingCR {
            pendingCR = nil
            let isCRLF = base.load(as: UInt8.self) == 0x0A
            if cr.betweenRecords { lineEnds.add(isCRLF ? .crlf : .cr, line: cr.line) }
            if isCRLF {
                // The LF of a CRLF split between chunks: its line was counted at the CR.
                try parse(UnsafeRawBufferPointer(rebasing: chunk[0..<1]))
                start = 1
            }
        }
        while start < chunk.count {
            let rest = chunk.count - start
            let lf = memchr(base + start, 0x0A, rest).map { base.distance(to: UnsafeRawPointer($0)) }
            let cr = memchr(base + start, 0x0D, (lf ?? chunk.count) - start).map { base.distance(to: UnsafeRawPointer($0)) }
            guard let stop = cr ?? lf else {
                try parse(UnsafeRawBufferPointer(rebasing: chunk[start...]))
                atLineStart = false
                return
            }
            var end = stop + 1
            var style: CSVLineEnds.Style? = .lf
            if cr != nil {
                if end < chunk.count {
                    style = base.load(fromByteOffset: end, as: UInt8.self) == 0x0A ? .crlf : .cr
                    if style == .crlf { end += 1 }
                } else {
                    style = nil
                }
            }
            try parse(UnsafeRawBufferPointer(rebasing: chunk[start..<end]))
            let betweenRecords = parser.pointee.pstate == 0
            if let style {
                if betweenRecords { lineEnds.add(style, line: state.line) }
            } else {
                pendingCR = (state.line, betweenRecords)
            }
            state.line += 1
            atLineStart = true
            start = end
        }
    }

    /// Ends the input: submits a last record that has no line end, or reports an open quote.
    func finish() throws {
        if let cr = pendingCR, cr.betweenRecords { lineEnds.add(.cr, line: cr.line) }
        pendingCR = nil
        let context = Unmanaged.passUnretained(state).toOpaque()
        if csv_fini(parser, csvFieldCallback, csvRecordCallback, context) != 0 {
            throw TrialExportError.unterminatedQuote(path: path, line: state.fieldLine)
        }
        if let error = state.error { throw error }
    }

    /// Hands over the records completed so far, in order, then what was noticed in them.
    func drain(_ body: (RawRow) throws -> Void, notice: (CSVNotice) throws -> Void) throws {
        let rows = state.completed
        let notices = state.notices
        state.completed.removeAll(keepingCapacity: true)
        state.notices.removeAll(keepingCapacity: true)
        for row in rows { try body(row) }
        for item in notices { try notice(item) }
    }

    private func parse(_ whole: UnsafeRawBufferPointer) throws {
        var segment = whole
        // pstate 0 (ROW_NOT_BEGUN): no record is open, so the next one starts on this line.
        if atLineStart, parser.pointee.pstate == 0 {
            state.recordMayStart()
            // A byte-order mark starting a line (e.g. files joined together) goes before any quote.
            if segment.count >= 3, segment[0] == 0xEF, segment[1] == 0xBB, segment[2] == 0xBF {
                state.lineStartsWithBOM = true
                segment = UnsafeRawBufferPointer(rebasing: segment[3...])
            }
        }
        let context = Unmanaged.passUnretained(state).toOpaque()
        let used = csv_parse(parser, segment.baseAddress, segment.count, csvFieldCallback, csvRecordCallback, context)
        if let error = state.error { throw error }
        if used != segment.count {
            let status = csv_error(parser)
            if status == CSV_EPARSE {
                throw TrialExportError.malformedCSV(
                    path: path, line: state.line,
                    detail:
                        "a '\"' appears inside an unquoted field or right after a closing quote; double it (\"\") inside a quoted field"
                )
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
