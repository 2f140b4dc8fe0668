import CLibCSV
import Foundation
import TrialExportCore

/// Streams an RFC 4180 CSV file through libcsv, one record at a time, with exact line numbers.
///
/// The file is read in chunks and fed to the parser one physical line at a time, so each record
/// knows the line it starts on even when quoted fields span lines. A UTF-8 byte order mark is
/// dropped (one inside the file is removed and noticed); CRLF, LF and CR line ends are accepted
/// and counted as lines; spaces are kept as written (RFC 4180); blank lines (no fields, or every
/// field empty) are skipped. Control characters are kept and noticed (``CSVNotice``). With
/// ``CSVParseSession``, the only code that parses with libcsv.
public struct CSVReader: Sendable {
    public let path: String
    /// Bytes read from the file per `fread`.
    public var chunkSize: Int = 64 * 1024
    /// The field delimiter (one byte).
    public var delimiter: UInt8 = UInt8(ascii: ",")
    public var encoding: TextEncoding = .utf8
    /// The 1-based line of the header row: records starting above it are passed over.
    public var headerRow: Int = 1
    /// Records right after the header that are passed over (not data).
    public var skipRows: Int = 0

    public init(path: String) {
        self.path = path
    }

    /// A reader of a file in the given layout (delimiter, encoding, header and skipped rows).
    public init(path: String, layout: ResolvedFormLayout) {
        self.path = path
        delimiter = layout.delimiter
        encoding = layout.encoding
        headerRow = layout.headerRow
        skipRows = layout.skipRows
    }

    /// Streams the file: header first, then each record with its starting line; `notice` hears
    /// what was met in a record's fields (after the record). Returns how the file's lines end.
    @discardableResult
    public func read(
        header: ([String]) throws -> Void, record: (RawRow) throws -> Void, notice: (CSVNotice) throws -> Void = { _ in }
    ) throws -> CSVLineEnds {
        guard let file = fopen(path, "rb") else {
            throw TrialExportError.fileNotFound(path: path, what: "CSV file")
        }
        defer { fclose(file) }
        let session = try CSVParseSession(path: path, delimiter: delimiter, encoding: encoding, headerRow: headerRow)
        defer { session.free() }
        var sawHeader = false
        var skipped = 0
        func deliver(_ row: RawRow) throws {
            if sawHeader {
                if skipped < skipRows {
                    skipped += 1
                } else {
                    try record(row)
                }
            } else if row.line >= headerRow {
                sawHeader = true
                try header(row.values)
            }
        }
        try readChunks(file) { bytes in
            try session.feed(bytes)
            try session.drain(deliver, notice: notice)
        }
        try session.finish()
        try session.drain(deliver, notice: notice)
        if !sawHeader { throw TrialExportError.emptyFile(path: path) }
        return session.lineEnds
    }

    /// Calls `body` with each chunk of the file, the UTF-8 byte order mark removed.
    private func readChunks(_ file: UnsafeMutablePointer<FILE>, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: max(chunkSize, 4))
        var first = true
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 {
                if ferror(file) != 0 {
                    throw TrialExportError.malformedCSV(
                        path: path, line: 1, detail: "read error: \(String(cString: strerror(errno)))")
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
