/// An SDTM dataset: its variables in SDTMIG order and its rows, values as text.
///
/// A null value is the empty string. Numeric variables hold their canonical text (`64`,
/// `12.5`); writers store them as numbers.
public struct Dataset: Sendable {
    public var name: String
    public var label: String
    public var keys: [String]
    public var variables: [VariableMetadata]
    public var rows: [[String]]
    /// Columns that are supplemental qualifiers (moved to SUPP-- once --SEQ is known), by name.
    public var supplemental: [String: SuppSpec] = [:]
    private var indexByName: [String: Int]

    public init(name: String, label: String, keys: [String], variables: [VariableMetadata], rows: [[String]] = []) {
        self.name = name
        self.label = label
        self.keys = keys
        self.variables = variables
        self.rows = rows
        var index: [String: Int] = [:]
        for (i, v) in variables.enumerated() { index[v.name] = i }
        self.indexByName = index
    }

    /// The variable names, in order.
    public var columns: [String] { variables.map(\.name) }

    /// The position of a variable, or nil when the dataset does not carry it.
    public func index(of variable: String) -> Int? { indexByName[variable] }

    /// The value of `variable` in row `row` ("" when null or absent).
    public func value(_ variable: String, row: Int) -> String {
        guard let i = indexByName[variable] else { return "" }
        return rows[row][i]
    }

    public mutating func set(_ variable: String, row: Int, to value: String) {
        guard let i = indexByName[variable] else { return }
        rows[row][i] = value
    }

    /// Removes the named columns.
    public mutating func removeColumns(_ names: Set<String>) {
        let keep = variables.indices.filter { !names.contains(variables[$0].name) }
        variables = keep.map { variables[$0] }
        rows = rows.map { row in keep.map { row[$0] } }
        indexByName = Dictionary(uniqueKeysWithValues: variables.enumerated().map { ($1.name, $0) })
    }

    /// Sort rows by the natural keys, comparing numeric variables as numbers; stable.
    public mutating func sortByKeys() {
        let keyIndexes: [(Int, Bool)] = keys.compactMap { key in
            indexByName[key].map { ($0, variables[$0].type == .num) }
        }
        rows = rows.enumerated().sorted { a, b in
            for (i, numeric) in keyIndexes {
                let l = a.element[i], r = b.element[i]
                if l == r { continue }
                if numeric, let ln = Double(l), let rn = Double(r) { return ln < rn }
                if l.isEmpty != r.isEmpty { return l.isEmpty }  // nulls first
                return l < r
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}
