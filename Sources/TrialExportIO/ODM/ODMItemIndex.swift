/// The columns of one form's items by ItemOID, looked up from the attribute's bytes (no String,
/// through an ``ODMValueInterner`` of the OIDs).
struct ODMItemIndex {
    private var oids = ODMValueInterner()
    /// The column of each OID's code (a repeated OID keeps its first column).
    private var columns: [Int] = [-1]

    /// `oids[c]` is the OID of column `c`.
    init(_ oids: [String]) {
        for (column, oid) in oids.enumerated() where self.oids.code(oid) == columns.count {
            columns.append(column)
        }
    }

    /// The column of the item with this OID, if the form has it.
    func column(_ oid: UnsafeBufferPointer<UInt8>) -> Int? {
        oids.existingCode(oid).map { columns[Int($0)] }
    }
}
