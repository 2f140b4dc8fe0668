import Foundation

/// One column of a dataset, dictionary-encoded: per row a code into the column's distinct values
/// (1, 2 or 4 bytes a row, see ``CodeArray``).
///
/// Code 0 is always "" (null). `lookup` maps every other value to its code; it may be emptied to
/// save memory once the dataset is complete and is rebuilt on the next new value.
@usableFromInline
struct DatasetColumn: Sendable {
    /// One code per row, as narrow as the number of distinct values allows.
    @usableFromInline var codes = CodeArray()
    /// The distinct values, each once; `values[0]` is "".
    @usableFromInline var values: [String] = [""]
    /// The code of each value but "", or empty after ``releaseLookup()``.
    private var lookup: [ExactText: UInt32] = [:]
    /// The code last asked for: columns repeat a value over many rows in a row (a study, a
    /// subject, a visit), and one comparison costs less than hashing the value.
    private var lastCode: UInt32 = 0

    @usableFromInline init() {}

    /// A column already encoded: its distinct values (`values[0]` is "") and a code per row.
    init(values: [String], codes: [UInt32]) {
        precondition(values.first == "", "code 0 must be the empty value")
        self.values = values
        self.codes = CodeArray(codes, largest: UInt32(values.count - 1))
    }

    /// The value of row `row`.
    @inlinable
    subscript(row: Int) -> String { values[Int(codes[row])] }

    /// The code of `value`, adding it to the distinct values when new.
    @inline(__always)
    mutating func code(for value: String) -> UInt32 {
        if value.isEmpty { return 0 }
        let key = ExactText(value)
        if lastCode != 0, key == ExactText(values[Int(lastCode)]) { return lastCode }
        if lookup.count != values.count - 1 { rebuildLookup() }
        if let code = lookup[key] {
            lastCode = code
            return code
        }
        let code = UInt32(values.count)
        values.append(value)
        lookup[key] = code
        lastCode = code
        return code
    }

    /// Drops the value-to-code map (rebuilt when a value is next added).
    mutating func releaseLookup() { lookup = [:] }

    /// Drops the distinct values no row uses any more and renumbers the codes (keeps "" at 0).
    mutating func dropUnusedValues() {
        var used = [Bool](repeating: false, count: values.count)
        for code in codes { used[Int(code)] = true }
        guard used.dropFirst().contains(false) else { return }
        var renumbered = [UInt32](repeating: 0, count: values.count)
        var kept: [String] = [""]
        for code in values.indices.dropFirst() where used[code] {
            renumbered[code] = UInt32(kept.count)
            kept.append(values[code])
        }
        for r in codes.indices { codes[r] = renumbered[Int(codes[r])] }
        codes = codes.narrowed(largest: UInt32(kept.count - 1))
        values = kept
        lookup = [:]
        lastCode = 0
    }

    /// The code of each value but "" (which is 0), without changing the column.
    func codesByValue() -> [ExactText: UInt32] {
        var codes: [ExactText: UInt32] = Dictionary(minimumCapacity: values.count)
        for code in values.indices.dropFirst() { codes[ExactText(values[code])] = UInt32(code) }
        return codes
    }

    private mutating func rebuildLookup() { lookup = codesByValue() }
}

/// Text compared and hashed by its exact UTF-8 bytes (String's own `==` treats canonically
/// equivalent texts as equal, which would merge, e.g., composed and decomposed accents).
struct ExactText: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: ExactText, b: ExactText) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        // One memcmp over contiguous UTF-8 (every native string); byte by byte otherwise.
        let same = a.text.utf8.withContiguousStorageIfAvailable { x in
            b.text.utf8.withContiguousStorageIfAvailable { y in
                x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
            }
        }
        return (same ?? nil) ?? a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = self.text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
