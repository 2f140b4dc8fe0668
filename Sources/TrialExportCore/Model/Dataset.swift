/// An SDTM dataset: its variables in SDTMIG order and its rows, values as text.
///
/// A null value is the empty string. Numeric variables hold their canonical text (`64`,
/// `12.5`); writers store them as numbers. Cells are stored by column (``DatasetColumns``);
/// ``rows`` reads them, the mutating methods change them.
public struct Dataset: Sendable {
    public var name: String
    public var label: String
    public var keys: [String]
    public private(set) var variables: [VariableMetadata]
    /// The cells, by column in variable order.
    public internal(set) var cells: DatasetColumns
    /// Columns that are supplemental qualifiers (moved to SUPP-- once --SEQ is known), by name.
    public var supplemental: [String: SuppSpec] = [:]
    /// The raw file and line(s) of each row, when known (empty otherwise); rows keep theirs when sorted.
    public var sources = RecordSources()
    private var indexByName: [String: Int]

    /// A dataset holding `rows` (each with one value per variable, in variable order).
    public init(name: String, label: String, keys: [String], variables: [VariableMetadata], rows: consuming [[String]] = []) {
        self.name = name
        self.label = label
        self.keys = keys
        self.variables = variables
        self.cells = DatasetColumns(rows: rows, width: variables.count)
        cells.compact()
        self.indexByName = Self.positions(variables)
    }

    /// A dataset over cells built elsewhere (e.g. row by row with ``DatasetColumns/appendRow(_:)``),
    /// one column per variable.
    public init(name: String, label: String, keys: [String], variables: [VariableMetadata], cells: DatasetColumns) {
        precondition(cells.width == variables.count, "\(cells.width) columns for \(variables.count) variables")
        self.name = name
        self.label = label
        self.keys = keys
        self.variables = variables
        self.cells = cells
        self.indexByName = Self.positions(variables)
    }

    /// The rows, each a collection of values by column position.
    @inlinable public var rows: DatasetRows { DatasetRows(cells) }

    /// The variable names, in order.
    public var columns: [String] { variables.map(\.name) }

    /// The position of a variable, or nil when the dataset does not carry it.
    public func index(of variable: String) -> Int? { indexByName[variable] }

    /// The value of `variable` in row `row` ("" when null or absent).
    public func value(_ variable: String, row: Int) -> String {
        guard let i = indexByName[variable] else { return "" }
        return cells[row, i]
    }

    /// Sets `variable` in row `row`; does nothing when the dataset does not carry the variable.
    public mutating func set(_ variable: String, row: Int, to value: String) {
        guard let i = indexByName[variable] else { return }
        cells.set(row: row, column: i, to: value)
    }

    /// Sets the value in column position `column` of row `row`.
    public mutating func setValue(_ value: String, row: Int, column: Int) {
        cells.set(row: row, column: column, to: value)
    }

    /// Appends a row of one value per variable, in variable order.
    public mutating func append(row: some Collection<String>) { cells.append(row: row) }

    /// Appends a row whose value for each column position `value(column)` gives, without building an array.
    public mutating func appendRow(_ value: (_ column: Int) -> String) { cells.appendRow(value) }

    /// Makes room for `rows` more rows.
    public mutating func reserveCapacity(_ rows: Int) { cells.reserveCapacity(cells.rowCount + rows) }

    /// Frees what only adding values needs; call once the dataset is complete (see ``DatasetColumns/compact()``).
    public mutating func compact() { cells.compact() }

    /// Removes the named columns.
    public mutating func removeColumns(_ names: Set<String>) {
        let keep = variables.indices.filter { !names.contains(variables[$0].name) }
        variables = keep.map { variables[$0] }
        cells.keepColumns(keep)
        indexByName = Self.positions(variables)
    }

    private static func positions(_ variables: [VariableMetadata]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, v) in variables.enumerated() { index[v.name] = i }
        return index
    }
}
