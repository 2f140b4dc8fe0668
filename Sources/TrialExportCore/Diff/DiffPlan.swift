/// What to compare in two versions of a dataset: the keys, the shared columns and their positions.
///
/// Values are compared by code, not by text: each shared column maps the old version's codes
/// into the new version's (``Column/oldToNew``), so two cells hold the same bytes exactly when
/// their codes are equal, and each distinct value is looked up once rather than once a record.
struct DiffPlan {
    /// A shared column, where it is in each version and how the old version's codes translate.
    struct Column {
        let name: String
        let old: Int
        let new: Int
        /// Per old code, the new version's code of the same bytes, or a code past the new
        /// version's values when only the old version has that value.
        let oldToNew: [UInt32]
        /// How many codes the two versions use together: every code is below it.
        let codeCount: UInt32

        init(name: String, old: Int, new: Int, tables: (old: RawTable, new: RawTable)) {
            self.name = name
            self.old = old
            self.new = new
            (oldToNew, codeCount) = Self.translation(old: tables.old.encoded(old), new: tables.new.encoded(new))
        }

        private static func translation(old: DatasetColumn, new: DatasetColumn) -> ([UInt32], UInt32) {
            let codes = new.codesByValue()
            var next = UInt32(new.values.count)
            let translated = old.values.indices.map { code -> UInt32 in
                if code == 0 { return 0 }
                if let shared = codes[ExactText(old.values[code])] { return shared }
                next += 1
                return next - 1
            }
            return (translated, next)
        }

        /// The code of a record's value, in the new version's codes.
        @inline(__always)
        func code(_ table: RawTable, _ row: Int, old isOld: Bool) -> UInt32 {
            isOld ? oldToNew[Int(table.code(row, old))] : table.code(row, new)
        }
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
    /// Per key column its code count, when the product fits in 64 bits so that a record's key
    /// codes pack into one number (``packedKey(_:_:old:radices:)``); nil otherwise.
    let keyRadices: [UInt64]?

    init(old: RawTable, new: RawTable, metadata: DatasetMetadata?, options: DiffOptions) {
        let name = new.form.uppercased()
        let shared = new.header.compactMap { column in
            old.columnIndex[column].map { Column(name: column, old: $0, new: new.columnIndex[column]!, tables: (old, new)) }
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
        self.keyRadices = Self.radices(keys)
    }

    /// The key columns' code counts, or nil when their product does not fit in 64 bits.
    private static func radices(_ keys: [Column]) -> [UInt64]? {
        let radices = keys.map { UInt64($0.codeCount) }
        var product: UInt64 = 1
        for radix in radices {
            let (next, overflow) = product.multipliedReportingOverflow(by: radix)
            if overflow { return nil }
            product = next
        }
        return radices
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
    func key(_ table: RawTable, _ row: Int, old: Bool) -> [String] {
        keys.map { table.value(row, old ? $0.old : $0.new) }
    }

    /// The key of a record as codes, comparable between the versions.
    func keyCodes(_ table: RawTable, _ row: Int, old: Bool) -> [UInt32] {
        keys.map { $0.code(table, row, old: old) }
    }

    /// The key codes as one number in mixed radix (``keyRadices``): one-to-one, since every code
    /// is below its column's count and the product fits, so equal numbers are equal keys.
    @inline(__always)
    func packedKey(_ table: RawTable, _ row: Int, old: Bool, radices: [UInt64]) -> UInt64 {
        var packed: UInt64 = 0
        for (key, radix) in zip(keys, radices) { packed = packed &* radix &+ UInt64(key.code(table, row, old: old)) }
        return packed
    }

    /// The compared values of a record as codes, for pairing duplicates that did not change.
    func contentCodes(_ table: RawTable, _ row: Int, old: Bool) -> [UInt32] {
        compared.map { $0.code(table, row, old: old) }
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
