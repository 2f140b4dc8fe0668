/// The rows of a dataset as a read-only collection; reading a row allocates nothing.
public struct DatasetRows: RandomAccessCollection, Sendable {
    /// The cells, by column.
    public let storage: DatasetColumns

    /// The rows of `storage`.
    @inlinable public init(_ storage: DatasetColumns) { self.storage = storage }

    /// Rows given as arrays of values, each as long as the first.
    public init(_ rows: [[String]]) {
        self.init(DatasetColumns(rows: rows, width: rows.first?.count ?? 0))
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { storage.rowCount }

    /// The row at `position`.
    @inlinable public subscript(position: Int) -> DatasetRow {
        precondition(position >= 0 && position < storage.rowCount, "row \(position) of \(storage.rowCount)")
        return DatasetRow(columns: storage.columns, position: position)
    }
}

extension DatasetRows: Hashable, ExpressibleByArrayLiteral {
    public init(arrayLiteral rows: DatasetRow...) { self.init(rows.map(Array.init)) }

    public static func == (a: DatasetRows, b: DatasetRows) -> Bool { a.elementsEqual(b) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for row in self { hasher.combine(row) }
    }
}

/// One row of a dataset: its values by column position.
public struct DatasetRow: RandomAccessCollection, Sendable {
    @usableFromInline let columns: [DatasetColumn]
    /// The row's position in its dataset.
    public let position: Int

    @usableFromInline init(columns: [DatasetColumn], position: Int) {
        self.columns = columns
        self.position = position
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { columns.count }

    /// The value in column `column` ("" when null).
    @inlinable public subscript(column: Int) -> String { columns[column][position] }
}

extension DatasetRow: Hashable, ExpressibleByArrayLiteral {
    /// A stand-alone row holding `values` (for tests and literals).
    public init(arrayLiteral values: String...) {
        self.init(columns: DatasetColumns(rows: [values], width: values.count).columns, position: 0)
    }

    public static func == (a: DatasetRow, b: DatasetRow) -> Bool { a.elementsEqual(b) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for value in self { hasher.combine(value) }
    }
}
