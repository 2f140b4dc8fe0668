import Foundation

/// The machine-readable form of an ``ExportDiff`` (schema version 1), encoded with sorted keys.
///
/// ```
/// { "schemaVersion": 1, "old": "...", "new": "...", "identical": false,
///   "datasetsAdded": [{"name", "records"}], "datasetsRemoved": [{"name", "records"}],
///   "datasets": [{ "name", "identical", "matching": "naturalKeys"|"wholeRecord", "keys": [...],
///     "sequenceVariable", "sequenceRenumbered", "oldRecords", "newRecords", "columnsAdded",
///     "columnsRemoved", "columnOrderChanged", "duplicateKeys", "notes",
///     "changed": [{"key": {VAR: value}, "oldLine", "newLine", "changes": [{"variable", "old", "new"}]}],
///     "added"/"removed": [{"key": {VAR: value}, "line", "values": {VAR: value}}] }] }
/// ```
/// Lists keep the diff's order (datasets by name, records by key); null values are "".
public struct DiffJSON: Encodable, Sendable {
    struct Presence: Encodable {
        var name: String
        var records: Int
    }

    struct Change: Encodable {
        var key: [String: String]
        var oldLine: Int
        var newLine: Int
        var changes: [Value]
    }

    struct Value: Encodable {
        var variable: String
        var old: String
        var new: String
    }

    struct Record: Encodable {
        var key: [String: String]
        var line: Int
        var values: [String: String]
    }

    struct Dataset: Encodable {
        var name: String
        var identical: Bool
        var matching: String
        var keys: [String]
        var sequenceVariable: String?
        var sequenceRenumbered: Int
        var oldRecords: Int
        var newRecords: Int
        var columnsAdded: [String]
        var columnsRemoved: [String]
        var columnOrderChanged: Bool
        var duplicateKeys: Int
        var notes: [String]
        var changed: [Change]
        var added: [Record]
        var removed: [Record]
    }

    var schemaVersion = 1
    var old: String
    var new: String
    var identical: Bool
    var datasetsAdded: [Presence]
    var datasetsRemoved: [Presence]
    var datasets: [Dataset]

    public init(_ diff: ExportDiff) {
        old = diff.old
        new = diff.new
        identical = diff.isIdentical
        datasetsAdded = diff.datasetsAdded.map { Presence(name: $0.name, records: $0.records) }
        datasetsRemoved = diff.datasetsRemoved.map { Presence(name: $0.name, records: $0.records) }
        datasets = diff.datasets.map(Self.dataset)
    }

    /// The JSON text: pretty-printed, keys sorted, ending in a line feed.
    public static func render(_ diff: ExportDiff) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(DiffJSON(diff)) + Data("\n".utf8)
    }

    private static func dataset(_ d: DatasetDiff) -> Dataset {
        func key(_ values: [String]) -> [String: String] {
            Dictionary(zip(d.keys, values), uniquingKeysWith: { first, _ in first })
        }
        func record(_ r: DiffRecord) -> Record {
            Record(
                key: key(r.key), line: r.line,
                values: Dictionary(r.values.map { ($0.variable, $0.value) }, uniquingKeysWith: { first, _ in first }))
        }
        return Dataset(
            name: d.name, identical: d.isIdentical, matching: d.matching.rawValue, keys: d.keys,
            sequenceVariable: d.sequenceVariable, sequenceRenumbered: d.sequenceRenumbered,
            oldRecords: d.oldRecords, newRecords: d.newRecords, columnsAdded: d.columnsAdded,
            columnsRemoved: d.columnsRemoved, columnOrderChanged: d.columnOrderChanged,
            duplicateKeys: d.duplicateKeys, notes: DiffTextRenderer.notes(d),
            changed: d.changed.map { c in
                Change(
                    key: key(c.key), oldLine: c.oldLine, newLine: c.newLine,
                    changes: c.changes.map { Value(variable: $0.variable, old: $0.old, new: $0.new) })
            },
            added: d.added.map(record), removed: d.removed.map(record))
    }
}
