import Foundation
import TrialExportCore

/// Writes each dataset as CDISC Dataset-JSON 1.1: `json/<dataset>.json`, or, past
/// ``ndjsonRowThreshold`` rows, `json/<dataset>.ndjson` (the metadata on the first line, then
/// one row array per line).
///
/// Streamed through a buffer, never held whole. Every date in the file is the data cut-off
/// (`<cutoff>T00:00:00`), so the bytes never depend on the clock. OIDs match `define.xml`
/// (``DefineOID``). A `Num` variable is `integer` when every value is a whole number written
/// without a point, `double` otherwise; its values are JSON numbers, nulls when missing.
public final class DatasetJSONSink: DatasetSink {
    /// Datasets with more rows than this are written as NDJSON.
    public static let defaultNDJSONRowThreshold = 1_000_000

    private let folder: URL
    private let study: String
    private let cutoff: String
    private let ndjsonRowThreshold: Int
    private var header: DatasetHeader?

    public var needsLengths: Bool { true }

    public init(folder: URL, study: String, cutoff: String, ndjsonRowThreshold: Int = defaultNDJSONRowThreshold) {
        self.folder = folder
        self.study = study
        self.cutoff = cutoff
        self.ndjsonRowThreshold = ndjsonRowThreshold
    }

    public func begin(_ header: DatasetHeader) throws { self.header = header }

    public func add(_ rows: DatasetRows) throws {
        guard let header else { return }
        let lines = header.rowCount > ndjsonRowThreshold
        let path = folder.appendingPathComponent("\(header.name.lowercased()).\(lines ? "ndjson" : "json")").path
        let integer = Self.integerColumns(rows, header: header)
        let numeric = header.variables.map { $0.type == .num }
        for (i, variable) in header.variables.enumerated() where variable.type == .num {
            if let bad = rows.first(where: { !$0[i].isEmpty && JSONText.number($0[i]) == nil }) {
                throw DatasetJSONError.notANumber(
                    path: path, dataset: header.name, variable: variable.name,
                    row: bad.position + 1, value: bad[i])
            }
        }
        let output = try BufferedFileOutput(path: path)
        try output.append(contentsOf: metadata(header, integer: integer, lines: lines).utf8)
        // Bytes, not String concatenation: one reused buffer per row.
        var line: [UInt8] = []
        for (n, row) in rows.enumerated() {
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: (lines || n == 0 ? "\n[" : ",\n[").utf8)
            for (i, value) in row.enumerated() {
                if i > 0 { line.append(UInt8(ascii: ",")) }
                if !numeric[i] {
                    JSONText.appendQuoted(value, to: &line)
                } else {
                    line.append(contentsOf: (value.isEmpty ? "null" : JSONText.number(value)!).utf8)
                }
            }
            line.append(UInt8(ascii: "]"))
            try output.append(contentsOf: line)
        }
        try output.append(contentsOf: (lines ? "\n" : (rows.isEmpty ? "]}\n" : "\n]}\n")).utf8)
        try output.close()
    }

    public func finish() throws { header = nil }

    /// The metadata object, up to `"rows":[` (JSON) or whole (NDJSON's first line).
    private func metadata(_ header: DatasetHeader, integer: [Bool], lines: Bool) -> String {
        let created = JSONText.quoted("\(cutoff)T00:00:00")
        var text = "{\"datasetJSONCreationDateTime\":\(created),\"datasetJSONVersion\":\"1.1.0\","
        text += "\"fileOID\":\(JSONText.quoted("\(DefineOID.study(study)).\(header.name)")),"
        text += "\"dbLastModifiedDateTime\":\(created),\"originator\":\"trialexport\","
        text += "\"sourceSystem\":{\"name\":\"trialexport\",\"version\":\"1\"},"
        text += "\"studyOID\":\(JSONText.quoted(DefineOID.study(study))),"
        text += "\"metaDataVersionOID\":\(JSONText.quoted(DefineOID.metaDataVersion(study))),"
        text += "\"itemGroupOID\":\(JSONText.quoted(DefineOID.itemGroup(header.name))),"
        text += "\"records\":\(header.rowCount),\"name\":\(JSONText.quoted(header.name)),"
        text += "\"label\":\(JSONText.quoted(header.label)),\"columns\":["
        text += header.variables.enumerated().map { i, v in column(v, header: header, index: i, integer: integer[i]) }
            .joined(separator: ",")
        return text + (lines ? "]}" : "],\"rows\":[")
    }

    private func column(_ variable: VariableMetadata, header: DatasetHeader, index: Int, integer: Bool) -> String {
        var text = "{\"itemOID\":\(JSONText.quoted(DefineOID.item(header.name, variable.name))),"
        text += "\"name\":\(JSONText.quoted(variable.name)),\"label\":\(JSONText.quoted(variable.label)),"
        if variable.type == .num {
            text += "\"dataType\":\(integer ? "\"integer\"" : "\"double\"")"
        } else {
            text += "\"dataType\":\"string\",\"length\":\(header.longestBytes[index])"
        }
        if let key = header.keys.firstIndex(of: variable.name) { text += ",\"keySequence\":\(key + 1)" }
        return text + "}"
    }

    /// For each variable: `Num` with only whole numbers written as digits (an optional minus first).
    static func integerColumns(_ rows: DatasetRows, header: DatasetHeader) -> [Bool] {
        header.variables.indices.map { i in
            header.variables[i].type == .num
                && rows.allSatisfy { row in
                    let bytes = row[i].utf8.drop { $0 == UInt8(ascii: "-") }
                    return bytes.allSatisfy { (0x30...0x39).contains($0) }
                }
        }
    }
}
