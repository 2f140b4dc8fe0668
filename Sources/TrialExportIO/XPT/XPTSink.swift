import Foundation
import TrialExportCore

/// Writes each dataset as SAS XPORT v5: `xpt/<dataset>.xpt`, or `<dataset>1.xpt`, `<dataset>2.xpt`...
/// when one file would pass ``fileByteLimit``.
///
/// Character variables are as long as their longest value in bytes (at least 1); `Num` variables
/// are 8-byte numbers (a value that does not parse as one stops the export: ``XPTError/notANumber``).
/// Values are written byte for byte: a non-ASCII value stays UTF-8 (``ValueLengthChecks`` reports
/// it, CHK0037), none is replaced; only a NUL byte (an error already, RAW0003) is written as `\u{0}`.
public final class XPTSink: DatasetSink {
    /// The FDA's limit for one transport file (5 GB).
    public static let fdaFileByteLimit = 5_000_000_000

    private let folder: URL
    private let created: Date
    private let fileByteLimit: Int
    private var header: DatasetHeader?
    /// The files written so far, by dataset name, in order.
    public private(set) var files: [String: [String]] = [:]

    public var needsLengths: Bool { true }

    /// Writes into `folder`, dating each file `created` (the data cut-off, never the clock).
    public init(folder: URL, created: Date, fileByteLimit: Int = XPTSink.fdaFileByteLimit) {
        self.folder = folder
        self.created = created
        self.fileByteLimit = fileByteLimit
    }

    public func begin(_ header: DatasetHeader) throws { self.header = header }

    public func add(_ rows: DatasetRows) throws {
        guard let header else { return }
        var variables = header.variables.enumerated().map { i, v in
            XPTWriter.Variable(name: v.name, label: v.label, numeric: v.type == .num, length: header.longestBytes[i])
        }
        variables = Self.lengthsWithNUL(rows, variables)
        for variable in variables where !variable.numeric && variable.length > ValueLengthChecks.valueByteLimit {
            throw XPTError.valueTooLong(
                path: folder.appendingPathComponent("\(header.name.lowercased()).xpt").path,
                dataset: header.name, variable: variable.name, bytes: variable.length)
        }
        let parts = Self.parts(rows: rows.count, variables: variables, limit: fileByteLimit)
        var names: [String] = []
        for (part, range) in parts.enumerated() {
            let stem = parts.count == 1 ? header.name.lowercased() : "\(header.name.lowercased())\(part + 1)"
            try writeFile(stem, rows: rows[range], header: header, variables: variables)
            names.append("\(stem).xpt")
        }
        files[header.name] = names
    }

    public func finish() throws { header = nil }

    private func writeFile(_ stem: String, rows: Slice<DatasetRows>, header: DatasetHeader, variables: [XPTWriter.Variable])
        throws
    {
        let path = folder.appendingPathComponent("\(stem).xpt").path
        try Self.checkValues(rows, variables: variables, header: header, path: path)
        let file = try XPTWriter(
            path: path, table: stem.uppercased(), label: header.label, created: created,
            variables: variables, rows: rows.count)
        for row in rows {
            try file.writeRow { column in
                let value = row[column]
                if value.isEmpty { return variables[column].numeric ? .missing : .text("") }
                guard variables[column].numeric else { return .text(Self.xptText(value)) }
                return WorkbookLayout.number(value).map(XPTCell.number) ?? .missing  // never: checked above
            }
        }
        try file.close()
    }

    /// Numeric values that are not numbers and character values holding NUL stop the file.
    private static func checkValues(
        _ rows: Slice<DatasetRows>, variables: [XPTWriter.Variable], header: DatasetHeader,
        path: String
    ) throws {
        for row in rows {
            for (column, variable) in variables.enumerated() {
                let value = row[column]
                if variable.numeric, !value.isEmpty, WorkbookLayout.number(value) == nil {
                    throw XPTError.notANumber(
                        path: path, dataset: header.name, variable: variable.name,
                        row: row.position + 1, value: value)
                }
            }
        }
    }

    /// A value as the XPT holds it: a NUL byte, which a ReadStat (C) string cannot carry and the raw
    /// data check reports as an error (RAW0003), as the text `\u{0}`; every other byte unchanged.
    static func xptText(_ value: String) -> String {
        value.utf8.contains(0) ? value.replacingOccurrences(of: "\u{0}", with: "\\u{0}") : value
    }

    /// The variables with character lengths that hold the ``xptText(_:)`` of values with a NUL.
    static func lengthsWithNUL(_ rows: DatasetRows, _ variables: [XPTWriter.Variable]) -> [XPTWriter.Variable] {
        var variables = variables
        for row in rows {
            for (column, value) in row.enumerated() where !variables[column].numeric && value.utf8.contains(0) {
                variables[column].length = max(variables[column].length, xptText(value).utf8.count)
            }
        }
        return variables
    }

    /// Row ranges of the files a dataset needs so that none passes `limit` bytes (one at least).
    static func parts(rows: Int, variables: [XPTWriter.Variable], limit: Int) -> [Range<Int>] {
        let rowBytes = max(1, variables.reduce(0) { $0 + ($1.numeric ? 8 : $1.length) })
        // Library, member and observation headers, one 140-byte descriptor per variable, padding.
        let headerBytes = 80 * 12 + ((140 * variables.count + 79) / 80) * 80
        let perFile = max(1, (limit - headerBytes - 80) / rowBytes)
        guard rows > perFile else { return [0..<rows] }
        return stride(from: 0, to: rows, by: perFile).map { $0..<min($0 + perFile, rows) }
    }
}
