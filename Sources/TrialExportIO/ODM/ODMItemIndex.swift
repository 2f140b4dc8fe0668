import Foundation

/// The columns of one form's items by ItemOID, looked up from the attribute's bytes.
///
/// Exports list a form's items in metadata order, leaving out the empty ones, so the lookup first
/// tries the few columns after the last one found (a byte comparison, no String, no hashing) and
/// only then the dictionary.
struct ODMItemIndex {
    /// The OIDs' bytes end to end; column `c`'s OID is `bytes[starts[c]..<starts[c + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var byOID: [String: Int] = [:]
    private var next = 0
    private static let lookahead = 4

    /// `oids[c]` is the OID of column `c`.
    init(_ oids: [String]) {
        for (column, oid) in oids.enumerated() {
            bytes.append(contentsOf: oid.utf8)
            starts.append(bytes.count)
            if byOID[oid] == nil { byOID[oid] = column }
        }
    }

    /// The next lookup starts again at the first column (a new form instance).
    mutating func rewind() { next = 0 }

    /// The column of the item with this OID, if the form has it.
    mutating func column(_ oid: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = starts.count - 1
        var column = next
        while column < min(next + Self.lookahead, count) {
            if same(column, oid) {
                next = column + 1
                return column
            }
            column += 1
        }
        guard let found = byOID[String(decoding: oid, as: UTF8.self)] else { return nil }
        next = found + 1
        return found
    }

    private func same(_ column: Int, _ oid: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[column]
        let length = starts[column + 1] - start
        guard length == oid.count else { return false }
        guard length > 0, let base = oid.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer {
            ODMValueInterner.equal(UnsafeRawPointer($0.baseAddress! + start), UnsafeRawPointer(base), length)
        }
    }
}
