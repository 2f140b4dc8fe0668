/// The columns of one form's items by ItemOID, looked up from the attribute's bytes (no String,
/// through an ``ODMValueInterner`` of the OIDs).
struct ODMItemIndex {
    private var oids = ODMValueInterner()
    /// The column of each OID's code (a repeated OID keeps its first column).
    private var columns: [Int] = [-1]
    /// The code found last: items mostly come in metadata order, so the next code is tried first
    /// (one comparison instead of a hash).
    private var last: UInt32 = 0

    /// `oids[c]` is the OID of column `c`.
    init(_ oids: [String]) {
        for (column, oid) in oids.enumerated() where self.oids.code(oid) == columns.count {
            columns.append(column)
        }
    }

    /// The column of the item with this OID, if the form has it.
    mutating func column(_ oid: UnsafeBufferPointer<UInt8>) -> Int? {
        let next = last + 1
        if Int(next) < columns.count, oids.holds(next, oid) {
            last = next
            return columns[Int(next)]
        }
        guard let code = oids.existingCode(oid) else { return nil }
        last = code
        return columns[Int(code)]
    }
}
