/// One line of a diff's summary: a dataset, what happened to it and its counts.
public struct DiffSummaryRow: Sendable, Equatable {
    public enum Status: String, Sendable {
        case identical, differs, added, removed
    }

    public var name: String
    public var status: Status
    /// Records in the old export (0 for an added dataset).
    public var oldRecords: Int
    /// Records in the new export (0 for a removed dataset).
    public var newRecords: Int
    public var changed = 0
    public var added = 0
    public var removed = 0

    /// One row per dataset of either export, sorted by name.
    public static func rows(_ diff: ExportDiff) -> [DiffSummaryRow] {
        var rows = diff.datasets.map { d in
            DiffSummaryRow(
                name: d.name, status: d.isIdentical ? .identical : .differs, oldRecords: d.oldRecords,
                newRecords: d.newRecords, changed: d.changed.count, added: d.added.count, removed: d.removed.count)
        }
        rows += diff.datasetsAdded.map { DiffSummaryRow(name: $0.name, status: .added, oldRecords: 0, newRecords: $0.records) }
        rows += diff.datasetsRemoved.map {
            DiffSummaryRow(name: $0.name, status: .removed, oldRecords: $0.records, newRecords: 0)
        }
        return rows.sorted { $0.name < $1.name }
    }

    /// The closing line: how many datasets were compared and how many differ, were added or removed.
    public static func total(_ diff: ExportDiff) -> String {
        let verdict = diff.isIdentical ? "identical" : "different"
        return "\(verdict): \(Plural.count(diff.datasets.count, "dataset")) compared, \(diff.differing.count) "
            + (diff.differing.count == 1 ? "differs" : "differ")
            + ", \(diff.datasetsAdded.count) added, \(diff.datasetsRemoved.count) removed"
    }
}

extension DatasetDiff {
    /// The key as `VAR=value, ...` for people.
    public func describeKey(_ key: [String]) -> String {
        zip(keys, key).map { "\($0)=\(DiffText.display($1))" }.joined(separator: ", ")
    }

    /// How records were matched, in words.
    public var matchingDescription: String {
        switch matching {
        case .naturalKeys: return "matched by \(keys.joined(separator: ", "))"
        case .wholeRecord: return "matched on all values"
        }
    }
}

/// Text helpers shared by the renderers.
public enum DiffText {
    /// A value as shown to people: `""` for null, quoted and escaped when it could be misread.
    public static func display(_ value: String) -> String {
        guard needsQuotes(value) else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func needsQuotes(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return true }
        if first.properties.isWhitespace || last.properties.isWhitespace { return true }
        if value.hasPrefix("\"") || value.contains(" -> ") || value.contains(", ") { return true }
        return value.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
