/// A dataset's cells, stored by column with dictionary encoding.
///
/// Each column keeps one code per row (1, 2 or 4 bytes, as its number of distinct values needs)
/// and its distinct values once, so a cell costs at most four bytes however long its text.
/// Values are matched by their exact UTF-8 bytes: every cell reads back byte for byte as it
/// was written.
public struct DatasetColumns: Sendable {
    /// The columns, in variable order.
    @usableFromInline var columns: [DatasetColumn]
    /// The number of rows.
    public private(set) var rowCount = 0

    /// An empty table of `width` columns.
    public init(width: Int) {
        columns = Array(repeating: DatasetColumn(), count: width)
    }

    /// A table holding `rows` (each of `width` values), releasing each source row once it is stored.
    public init(rows: consuming [[String]], width: Int) {
        self.init(width: width)
        reserveCapacity(rows.count)
        var rows = rows
        for r in rows.indices {
            append(row: rows[r])
            rows[r] = []
        }
    }

    /// The number of columns.
    public var width: Int { columns.count }

    /// The value at `row`, `column`.
    @inlinable
    public subscript(row: Int, column: Int) -> String { columns[column][row] }

    /// Makes room for `rows` rows in every column.
    public mutating func reserveCapacity(_ rows: Int) {
        for c in columns.indices { columns[c].codes.reserveCapacity(rows) }
    }

    /// Appends a row of exactly ``width`` values.
    public mutating func append(row: some Collection<String>) {
        precondition(row.count == width, "a row of \(row.count) values for \(width) columns")
        for (c, value) in zip(columns.indices, row) {
            let code = columns[c].code(for: value)
            columns[c].codes.append(code)
        }
        rowCount += 1
    }

    /// Appends a row whose value in each column `value(column)` gives, without building an array.
    public mutating func appendRow(_ value: (_ column: Int) -> String) {
        for c in columns.indices {
            let code = columns[c].code(for: value(c))
            columns[c].codes.append(code)
        }
        rowCount += 1
    }

    /// Sets the value at `row`, `column`.
    public mutating func set(row: Int, column: Int, to value: String) {
        precondition(row >= 0 && row < rowCount, "row \(row) of \(rowCount)")
        let code = columns[column].code(for: value)
        columns[column].codes[row] = code
    }

    /// Keeps only the columns at `positions`, in that order.
    public mutating func keepColumns(_ positions: [Int]) {
        columns = positions.map { columns[$0] }
    }

    /// Rearranges the columns: column `i` becomes the one at `positions[i]`, or all null when nil.
    public mutating func selectColumns(_ positions: [Int?]) {
        var null = DatasetColumn()
        null.codes = CodeArray(repeating: 0, count: rowCount)
        columns = positions.map { $0.map { columns[$0] } ?? null }
    }

    /// Whether every row is null in `column`.
    public func isNull(column: Int) -> Bool {
        columns[column].values.count == 1 || columns[column].codes.allSatisfy { $0 == 0 }
    }

    /// Puts the rows in the order `order` gives (a permutation of the row positions).
    public mutating func reorderRows(_ order: [Int]) {
        precondition(order.count == rowCount, "an order of \(order.count) rows for \(rowCount)")
        for c in columns.indices { columns[c].codes = columns[c].codes.reordered(order) }
    }

    /// Frees what only adding values needs (value-to-code maps) and values no row uses any more;
    /// adding values later still works, a little slower the first time per column.
    public mutating func compact() {
        for c in columns.indices {
            columns[c].dropUnusedValues()
            columns[c].releaseLookup()
        }
    }

    /// The distinct values stored for `column` ("" first), including ones unused since the last ``compact()``.
    func storedValues(column: Int) -> [String] { columns[column].values }
}
