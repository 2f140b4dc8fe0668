/// What to compare in two versions of a dataset: the keys, the shared columns and their positions.
struct DiffPlan {
    /// A shared column and where it is in each version.
    struct Column {
        let name: String
        let old: Int
        let new: Int
    }

    let name: String
    let matching: DatasetDiff.Matching
    let keys: [Column]
    /// Whether each key sorts as a number (SDTMIG type `Num`).
    let numericKeys: [Bool]
    /// Shared columns compared on matched records: not keys; `--SEQ` only when asked.
    let compared: [Column]
    /// The `--SEQ` column when both versions carry it and it is not compared: renumbering is counted.
    let sequence: Column?
    let sequenceName: String?
    let columnsAdded: [String]
    let columnsRemoved: [String]
    let columnOrderChanged: Bool
    let notes: [String]

    init(old: RawTable, new: RawTable, metadata: DatasetMetadata?, options: DiffOptions) {
        let name = new.form.uppercased()
        let shared = new.header.compactMap { column in
            old.columnIndex[column].map { Column(name: column, old: $0, new: new.columnIndex[column]!) }
        }
        let seqName = name + "SEQ"
        let hasSeq = old.columnIndex[seqName] != nil || new.columnIndex[seqName] != nil
        var notes: [String] = []
        var keys = Self.keys(metadata, shared: shared, sequence: seqName, name: name, notes: &notes)
        let matching: DatasetDiff.Matching = keys.isEmpty ? .wholeRecord : .naturalKeys
        if keys.isEmpty { keys = shared.filter { $0.name != seqName } }
        let keyNames = Set(keys.map(\.name))
        self.name = name
        self.matching = matching
        self.keys = keys
        self.numericKeys = keys.map { metadata?.variable($0.name)?.type == .num }
        self.sequenceName = hasSeq ? seqName : nil
        self.sequence = options.compareSequence ? nil : shared.first { $0.name == seqName }
        self.compared = shared.filter { !keyNames.contains($0.name) && (options.compareSequence || $0.name != seqName) }
        self.columnsAdded = new.header.filter { old.columnIndex[$0] == nil }
        self.columnsRemoved = old.header.filter { new.columnIndex[$0] == nil }
        self.columnOrderChanged = columnsAdded.isEmpty && columnsRemoved.isEmpty && old.header != new.header
        self.notes = notes
    }

    /// The natural keys both versions carry, `--SEQ` left out; empty when none can be used.
    private static func keys(
        _ metadata: DatasetMetadata?, shared: [Column], sequence: String, name: String,
        notes: inout [String]
    ) -> [Column] {
        guard let metadata else {
            notes.append(
                "no SDTMIG metadata for \(name): records matched on all their values, so a changed record shows as removed and added"
            )
            return []
        }
        let wanted = metadata.keys.filter { $0 != sequence }
        let keys = wanted.compactMap { key in shared.first { $0.name == key } }
        let missing = wanted.filter { key in !keys.contains { $0.name == key } }
        if !missing.isEmpty {
            notes.append("key \(missing.joined(separator: ", ")) not in both versions: matched on the other keys")
        }
        if keys.isEmpty, !wanted.isEmpty {
            notes.append("no natural key in both versions: records matched on all their values")
        }
        return keys
    }

    /// The key values of a record.
    func key(_ row: RawRow, old: Bool) -> [String] {
        keys.map { Self.value(row, at: old ? $0.old : $0.new) }
    }

    /// The compared values of a record, for pairing duplicates that did not change.
    func content(_ row: RawRow, old: Bool) -> [String] {
        compared.map { Self.value(row, at: old ? $0.old : $0.new) }
    }

    static func value(_ row: RawRow, at index: Int) -> String {
        index < row.values.count ? row.values[index] : ""
    }

    /// Orders key tuples: numeric keys as numbers, nulls first, then text; ties keep their order.
    func precedes(_ a: [String], _ b: [String]) -> Bool {
        for (i, numeric) in numericKeys.enumerated() where a[i] != b[i] {
            if numeric, let l = Double(a[i]), let r = Double(b[i]), l != r { return l < r }
            if a[i].isEmpty != b[i].isEmpty { return a[i].isEmpty }
            return a[i] < b[i]
        }
        return false
    }
}
