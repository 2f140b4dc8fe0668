/// The records of a ``RawTable`` seen so far, by a digest of their codes, to find exact copies.
///
/// Memory is a digest and a position per record (about 20 bytes), whatever the record's width;
/// a digest match is confirmed by comparing the codes, so two different records are never taken
/// for copies, whatever the digests.
public struct RecordDigests: Sendable {
    fileprivate var first: [Int: Int32] = [:]
    /// Further records whose digest equals an earlier, different record's (rare).
    fileprivate var more: [Int: [Int32]] = [:]

    public init() {}
}

extension RawTable {
    /// Appends `row` unless it repeats an earlier record of the table byte for byte, field for
    /// field; then the copy is not kept and the earlier record's position is returned.
    public mutating func appendUnlessCopy(_ row: RawRow, digests: inout RecordDigests) -> Int? {
        append(row)
        let last = rowCount - 1
        var hasher = Hasher()
        for column in columns { hasher.combine(column.column.codes[last]) }
        let digest = hasher.finalize()
        guard let first = digests.first[digest] else {
            digests.first[digest] = Int32(last)
            return nil
        }
        for candidate in [first] + (digests.more[digest] ?? []) where sameCodes(Int(candidate), last) {
            removeLastRecord()
            return Int(candidate)
        }
        digests.more[digest, default: []].append(Int32(last))
        return nil
    }

    /// True when records `a` and `b` hold the same bytes in every field (equal codes).
    private func sameCodes(_ a: Int, _ b: Int) -> Bool {
        columns.allSatisfy { $0.column.codes[a] == $0.column.codes[b] }
    }

    /// Drops the last record; its values stay among the distinct values (they are an earlier record's).
    private mutating func removeLastRecord() {
        lines.removeLast()
        for i in columns.indices { columns[i].column.codes.removeLast() }
    }
}
