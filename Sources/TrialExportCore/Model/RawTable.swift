/// One EDC form as loaded: its header and its records, each with the line it started on.
public struct RawTable: Sendable {
    /// The form name: the file name without `.csv`, e.g. `dm`.
    public let form: String
    /// The path as given to the loader, for messages.
    public let file: String
    public let header: [String]
    public let columnIndex: [String: Int]
    public private(set) var rows: [RawRow]
    /// Records the loader could not accept (e.g. a ragged row); each also became a finding.
    public var rejected: [RejectedRecord] = []

    public init(form: String, file: String, header: [String], rows: [RawRow] = []) {
        self.form = form
        self.file = file
        self.header = header
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
        self.columnIndex = index
        self.rows = rows
    }

    public mutating func append(_ row: RawRow) { rows.append(row) }

    /// The number of records held.
    public var rowCount: Int { rows.count }

    /// The physical line record `row` starts on.
    @inlinable
    public func line(_ row: Int) -> Int { rows[row].line }

    /// The value at record `row`, column position `column`, as collected.
    @inlinable
    public func value(_ row: Int, _ column: Int) -> String { rows[row].values[column] }

    /// The value at record `row`, column position `column`, without surrounding white space.
    @inlinable
    public func cleanValue(_ row: Int, _ column: Int) -> String { rows[row].values[column].trimmingSpaces }

    /// The value of `column` in `row`, or nil when the table has no such column.
    @inlinable
    public func value(_ column: String, in row: RawRow) -> String? {
        guard let i = columnIndex[column], i < row.values.count else { return nil }
        return row.values[i]
    }
}

/// One record of an EDC form.
public struct RawRow: Sendable, Hashable {
    /// The physical line the record starts on (the header is line 1).
    public let line: Int
    public let values: [String]

    public init(line: Int, values: [String]) {
        self.line = line
        self.values = values
    }
}

/// A raw record that could not be loaded or mapped, and why.
public struct RejectedRecord: Sendable, Hashable, Codable {
    public let form: String
    public let line: Int
    public let reason: String

    public init(form: String, line: Int, reason: String) {
        self.form = form
        self.line = line
        self.reason = reason
    }
}
