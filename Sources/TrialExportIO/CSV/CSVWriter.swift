import CLibCSV
import Foundation
import TrialExportCore

/// Writes RFC 4180 CSV: UTF-8, fields quoted by libcsv only when they need it, buffered output.
public final class CSVWriter {
    /// Line ending and byte order mark of the file written.
    public struct Options: Sendable {
        /// `"\n"` (SDTM outputs) or `"\r\n"` (what EDC systems export).
        public var lineEnding: String = "\n"
        /// Starts the file with the UTF-8 byte order mark.
        public var byteOrderMark = false

        public init(lineEnding: String = "\n", byteOrderMark: Bool = false) {
            self.lineEnding = lineEnding
            self.byteOrderMark = byteOrderMark
        }
    }

    private let output: BufferedFileOutput
    private let lineEnding: [UInt8]
    /// Reused destination of `csv_write`.
    private var scratch = [UInt8](repeating: 0, count: 256)
    private var closed = false

    /// Creates (or truncates) the file at `path`.
    public init(path: String, options: Options = .init()) throws {
        output = try BufferedFileOutput(path: path)
        lineEnding = Array(options.lineEnding.utf8)
        if options.byteOrderMark { try output.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    /// Writes one record.
    public func writeRow(_ fields: [String]) throws {
        for (i, field) in fields.enumerated() {
            if i > 0 { try output.append(contentsOf: CollectionOfOne(UInt8(ascii: ","))) }
            var field = field
            try field.withUTF8 { try writeField($0) }
        }
        try output.append(contentsOf: lineEnding)
    }

    /// Flushes and closes the file; errors (disk full) are thrown, never ignored.
    public func close() throws {
        guard !closed else { return }
        closed = true
        try output.close()
    }

    private func writeField(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard Self.needsQuoting(bytes) else { return try output.append(UnsafeRawBufferPointer(bytes)) }
        var size = csv_write(&scratch, scratch.count, bytes.baseAddress, bytes.count)
        if size > scratch.count {
            scratch = [UInt8](repeating: 0, count: size * 2)
            size = csv_write(&scratch, scratch.count, bytes.baseAddress, bytes.count)
        }
        try scratch.withUnsafeBytes { try output.append(UnsafeRawBufferPointer(rebasing: $0[0..<size])) }
    }

    /// True when a field holds a comma, quote, CR or LF, or starts or ends with a space or tab.
    static func needsQuoting(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return true }
        return bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
    }
}
