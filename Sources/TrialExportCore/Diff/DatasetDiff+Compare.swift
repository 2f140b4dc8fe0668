extension DatasetDiff {
    /// Compares two versions of one dataset (the name is the new table's `form`, upper-cased).
    ///
    /// Records are matched by the natural keys of `metadata` that both versions carry, leaving out
    /// `--SEQ`; without metadata or keys, by all shared values. When a key is held by several
    /// records, identical records are paired first, then the rest in order of occurrence, and
    /// ``duplicateKeys`` counts such keys. Hashed lookups: time and memory grow linearly.
    public static func compare(
        old: RawTable, new: RawTable, metadata: DatasetMetadata?,
        options: DiffOptions = DiffOptions()
    ) -> DatasetDiff {
        let plan = DiffPlan(old: old, new: new, metadata: metadata, options: options)
        var diff = DatasetDiff(
            name: plan.name, matching: plan.matching, keys: plan.keys.map(\.name),
            sequenceVariable: plan.sequenceName, oldRecords: old.rowCount, newRecords: new.rowCount)
        diff.columnsAdded = plan.columnsAdded
        diff.columnsRemoved = plan.columnsRemoved
        diff.columnOrderChanged = plan.columnOrderChanged
        diff.notes = plan.notes
        let pairing = RecordPairing(old: old, new: new, plan: plan)
        diff.duplicateKeys = pairing.duplicateKeys
        if pairing.duplicateKeys > 0 {
            diff.notes.append(
                "\(pairing.duplicateKeys) key(s) held by more than one record: identical records paired first, then in order of occurrence"
            )
        }
        diff.record(pairing, old: old, new: new, plan: plan)
        return diff
    }

    /// Fills the added, removed and changed records from a pairing, sorted by key then line.
    private mutating func record(_ pairing: RecordPairing, old: RawTable, new: RawTable, plan: DiffPlan) {
        for (o, n) in pairing.pairs {
            if let seq = plan.sequence, seq.code(old, o, old: true) != seq.code(new, n, old: false) {
                sequenceRenumbered += 1
            }
            let changes = plan.compared.compactMap { column -> ValueChange? in
                guard column.code(old, o, old: true) != column.code(new, n, old: false) else { return nil }
                return ValueChange(variable: column.name, old: old.value(o, column.old), new: new.value(n, column.new))
            }
            guard !changes.isEmpty else { continue }
            changed.append(
                RecordChange(key: plan.key(new, n, old: false), oldLine: old.line(o), newLine: new.line(n), changes: changes))
        }
        added = pairing.added.map { Self.record(new, $0, key: plan.key(new, $0, old: false)) }
        removed = pairing.removed.map { Self.record(old, $0, key: plan.key(old, $0, old: true)) }
        changed.sort { plan.precedes($0.key, $1.key) || (!plan.precedes($1.key, $0.key) && $0.newLine < $1.newLine) }
        added.sort { plan.precedes($0.key, $1.key) || (!plan.precedes($1.key, $0.key) && $0.line < $1.line) }
        removed.sort { plan.precedes($0.key, $1.key) || (!plan.precedes($1.key, $0.key) && $0.line < $1.line) }
    }

    private static func record(_ table: RawTable, _ row: Int, key: [String]) -> DiffRecord {
        DiffRecord(key: key, line: table.line(row), values: table.header.indices.map { (table.header[$0], table.value(row, $0)) })
    }
}

/// Pairs the records of two versions by key: hashed groups, duplicates paired deterministically.
struct RecordPairing {
    /// Matched (old row, new row) indexes, in the new version's order.
    private(set) var pairs: [(Int, Int)] = []
    /// New rows without a partner, in order.
    private(set) var added: [Int] = []
    /// Old rows without a partner, in order.
    private(set) var removed: [Int] = []
    private(set) var duplicateKeys = 0

    init(old: RawTable, new: RawTable, plan: DiffPlan) {
        if let radices = plan.keyRadices {
            self.init(old: old, new: new, plan: plan) { plan.packedKey($0, $1, old: $2, radices: radices) }
        } else {
            self.init(old: old, new: new, plan: plan) { plan.keyCodes($0, $1, old: $2) }
        }
    }

    private init<Key: Hashable>(old: RawTable, new: RawTable, plan: DiffPlan, key: (RawTable, Int, Bool) -> Key) {
        let oldIndex = KeyChains(count: old.rowCount) { key(old, $0, true) }
        let newIndex = KeyChains(count: new.rowCount) { key(new, $0, false) }
        var oldMatched = [Bool](repeating: false, count: old.rowCount)
        var isHead = [Bool](repeating: false, count: new.rowCount)
        for head in newIndex.heads.values { isHead[head] = true }
        for n in 0..<new.rowCount where isHead[n] {
            let oldHead = oldIndex.heads[key(new, n, false)]
            if let o = oldHead, oldIndex.next[o] < 0, newIndex.next[n] < 0 {  // one record on each side
                pairs.append((o, n))
                oldMatched[o] = true
                continue
            }
            let news = newIndex.chain(from: n), olds = oldHead.map(oldIndex.chain) ?? []
            if olds.count > 1 || news.count > 1 { duplicateKeys += 1 }
            pair(olds, news, old: old, new: new, plan: plan, matched: &oldMatched)
        }
        for head in oldIndex.heads.values where !oldMatched[head] && oldIndex.next[head] >= 0 {
            duplicateKeys += oldIndex.chain(from: head).allSatisfy { !oldMatched[$0] } ? 1 : 0
        }
        removed = oldMatched.indices.filter { !oldMatched[$0] }
    }

    /// Pairs one key's records (a lone pair is taken before): identical records first, then in order.
    private mutating func pair(
        _ olds: [Int], _ news: [Int], old: RawTable, new: RawTable, plan: DiffPlan,
        matched: inout [Bool]
    ) {
        var byContent: [[UInt32]: [Int]] = [:]
        for o in olds { byContent[plan.contentCodes(old, o, old: true), default: []].append(o) }
        var restNew: [Int] = []
        for n in news {
            let content = plan.contentCodes(new, n, old: false)
            if let o = byContent[content]?.first {
                byContent[content]!.removeFirst()
                pairs.append((o, n))
                matched[o] = true
            } else {
                restNew.append(n)
            }
        }
        let restOld = olds.filter { !matched[$0] }
        for (o, n) in zip(restOld, restNew) {
            pairs.append((o, n))
            matched[o] = true
        }
        added += restNew.dropFirst(restOld.count)
    }
}

/// The rows of a table grouped by key without an array per group: the first row of each key and,
/// per row, the next row with the same key (-1 at the end), so groups keep their order.
struct KeyChains<Key: Hashable> {
    /// Keyed by the key's codes (packed or not), so both versions' keys compare.
    private(set) var heads: [Key: Int] = [:]
    private(set) var next: [Int]

    /// The chains of `count` rows, row `i` having key `key(i)`.
    init(count: Int, key: (Int) -> Key) {
        next = [Int](repeating: -1, count: count)
        heads.reserveCapacity(count)
        for i in (0..<count).reversed() {
            if let later = heads.updateValue(i, forKey: key(i)) { next[i] = later }
        }
    }

    /// The rows of one key in order, starting at its first row.
    func chain(from head: Int) -> [Int] {
        var rows = [head]
        while let last = rows.last, next[last] >= 0 { rows.append(next[last]) }
        return rows
    }
}
