extension Dataset {
    /// Sort rows by the natural keys, comparing numeric variables as numbers, nulls first; stable.
    public mutating func sortByKeys() {
        let keyColumns = keys.compactMap { key in
            index(of: key).map { SortKey(column: cells.columns[$0], numeric: variables[$0].type == .num) }
        }
        guard !keyColumns.isEmpty, rows.count > 1 else { return }
        let order = Array(rows.indices).sorted { a, b in
            for key in keyColumns {
                let l = key.codes[a], r = key.codes[b]
                if l == r { continue }
                let lv = key.values[Int(l)], rv = key.values[Int(r)]
                if lv == rv { continue }  // canonically equivalent texts
                if let ln = key.numbers[Int(l)], let rn = key.numbers[Int(r)] { return ln < rn }
                if lv.isEmpty != rv.isEmpty { return lv.isEmpty }
                return lv < rv
            }
            return a < b
        }
        cells.reorderRows(order)
        if sources.count == order.count { sources = sources.reordered(order) }
    }
}

/// One sort key: a column's codes and values, and for a numeric variable each value as a number.
private struct SortKey {
    let codes: CodeArray
    let values: [String]
    /// Per distinct value, its number when the variable is numeric and the value parses (else nil).
    let numbers: [Double?]

    init(column: DatasetColumn, numeric: Bool) {
        codes = column.codes
        values = column.values
        numbers = numeric ? values.map { Double($0) } : Array(repeating: nil, count: values.count)
    }
}
