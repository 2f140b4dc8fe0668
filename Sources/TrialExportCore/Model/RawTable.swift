/// One EDC form as loaded: its header and its records, each with the line it started on.
///
/// Values are stored dictionary-encoded per column, as datasets are (``DatasetColumn``): each
/// record holds a code per field (1 to 4 bytes), and each distinct value of a column is kept
/// once (as collected, byte for byte, and trimmed). A form of a large study repeats few distinct values
/// (sites, visits, terms, dates), so this holds a million records in a few tens of megabytes.
public struct RawTable: Sendable {
    /// The form name: the file name without `.csv`, e.g. `dm`.
    public let form: String
    /// The path as given to the loader, for messages.
    public let file: String
    public let header: [String]
    /// Column positions by header name, and by each other name a spec uses for a column (see
    /// ``addAlias(_:for:)``): resolved once at load, so mapping a record looks up one name.
    public private(set) var columnIndex: [String: Int]
    /// Records the loader could not accept (e.g. a ragged row); each also became a finding.
    public var rejected: [RejectedRecord] = []
    var lines: [Int] = []
    var columns: [RawColumn]

    public init(form: String, file: String, header: [String], rows: [RawRow] = []) {
        self.form = form
        self.file = file
        self.header = header
        self.columnIndex = Self.positions(header)
        self.columns = Array(repeating: RawColumn(), count: header.count)
        for row in rows { append(row) }
    }

    /// A dataset as a table, as read from its CSV file (`<name>.csv`, record `r` on line `r + 2`),
    /// sharing the dataset's encoded columns instead of copying its values.
    public init(dataset: Dataset) {
        form = dataset.name.lowercased()
        file = form + ".csv"
        header = dataset.columns
        columnIndex = Self.positions(header)
        lines = Array(2..<(dataset.cells.rowCount + 2))
        columns = dataset.cells.columns.map { column in
            RawColumn(column: column, cleaned: column.values.map(\.trimmingSpaces))
        }
    }

    /// A table from columns a loader has already dictionary-encoded: for each column its distinct
    /// values (`values[0]` is "", each other value once, distinct by exact bytes) and one code per
    /// record (an index into `values`); `lines` holds each record's line.
    public init(
        form: String, file: String, header: [String], lines: [Int], encoded: [(values: [String], codes: [UInt32])]
    ) {
        precondition(encoded.count == header.count && encoded.allSatisfy { $0.codes.count == lines.count })
        self.form = form
        self.file = file
        self.header = header
        self.columnIndex = Self.positions(header)
        self.lines = lines
        self.columns = encoded.map { column in
            RawColumn(
                column: DatasetColumn(values: column.values, codes: column.codes), cleaned: column.values.map(\.trimmingSpaces))
        }
    }

    private static func positions(_ header: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
        return index
    }

    /// Makes `name` (a spec's spelling of a column, e.g. other case) find column `index`.
    public mutating func addAlias(_ name: String, for index: Int) {
        if columnIndex[name] == nil { columnIndex[name] = index }
    }

    /// Adds a record; missing trailing fields are null, fields past the header's width are not kept.
    public mutating func append(_ row: RawRow) {
        lines.append(row.line)
        for i in columns.indices { columns[i].append(i < row.values.count ? row.values[i] : "") }
    }

    /// Appends the records (and rejected records) of `other`, a table of the same header, as if
    /// each had been appended in turn: each distinct value of `other` is coded here once, then its
    /// codes are translated (a table read in parts is joined without re-reading its values).
    public mutating func append(contentsOf other: RawTable) {
        precondition(header == other.header, "tables of different headers joined")
        lines.append(contentsOf: other.lines)
        rejected.append(contentsOf: other.rejected)
        for i in columns.indices { columns[i].append(contentsOf: other.columns[i]) }
    }

    /// Frees what only appending needs (the per-column lookup of codes); appending still works.
    public mutating func compact() {
        for i in columns.indices { columns[i].column.releaseLookup() }
    }

    /// The number of records held.
    public var rowCount: Int { lines.count }

    /// The physical line record `row` starts on.
    public func line(_ row: Int) -> Int { lines[row] }

    /// The value at record `row`, column position `column`, as collected.
    public func value(_ row: Int, _ column: Int) -> String {
        columns[column].column[row]
    }

    /// The value at record `row`, column position `column`, without surrounding white space.
    public func cleanValue(_ row: Int, _ column: Int) -> String {
        columns[column].cleaned[Int(columns[column].column.codes[row])]
    }

    /// The records, each materialised on access.
    public var rows: RawRows { RawRows(table: self) }

    /// Record `row` with all its values.
    public func record(_ row: Int) -> RawRow {
        RawRow(line: lines[row], values: columns.indices.map { value(row, $0) })
    }

    /// The code of the value at record `row`, column position `column`: equal codes, equal bytes
    /// (0 is null), within one column of this table.
    func code(_ row: Int, _ column: Int) -> UInt32 { columns[column].column.codes[row] }

    /// Column position `column`, dictionary-encoded (its codes per record and its distinct values).
    func encoded(_ column: Int) -> DatasetColumn { columns[column].column }

    /// This table with the values of column position `column` replaced by `value(row)`; the other
    /// columns are shared, not copied.
    func replacingValues(ofColumn column: Int, _ value: (_ row: Int) -> String) -> RawTable {
        var table = self
        var replaced = RawColumn()
        replaced.column.codes.reserveCapacity(rowCount)
        for row in 0..<rowCount { replaced.append(value(row)) }
        replaced.column.releaseLookup()
        table.columns[column] = replaced
        return table
    }

    /// This table with each value of column position `column` replaced by `transform` of it
    /// (worked out once per distinct value); the other columns are shared, not copied.
    public func mappingValues(ofColumn column: Int, _ transform: (String) -> String) -> RawTable {
        var table = self
        table.columns[column] = transformed(column, transform)
        return table
    }

    /// This table with one more column, `name`, holding `transform` of each value of column
    /// position `source` (worked out once per distinct value); the other columns are shared.
    public func addingColumn(_ name: String, from source: Int, _ transform: (String) -> String) -> RawTable {
        var table = RawTable(form: form, file: file, header: header + [name])
        table.rejected = rejected
        table.lines = lines
        for (alias, index) in columnIndex where table.columnIndex[alias] == nil { table.columnIndex[alias] = index }
        table.columns = columns + [transformed(source, transform)]
        return table
    }

    /// Column position `source` with `transform` applied to each distinct value, record by record.
    private func transformed(_ source: Int, _ transform: (String) -> String) -> RawColumn {
        var out = RawColumn()
        let from = columns[source].column
        var translated = [UInt32](repeating: 0, count: from.values.count)
        for code in from.values.indices.dropFirst() {
            let value = transform(from.values[code])
            let mine = out.column.code(for: value)
            if Int(mine) == out.cleaned.count { out.cleaned.append(value.trimmingSpaces) }
            translated[code] = mine
        }
        out.column.codes.append(translating: from.codes, through: translated)
        out.column.releaseLookup()
        return out
    }

    /// The value of `column` in `row`, or nil when the table has no such column.
    public func value(_ column: String, in row: RawRow) -> String? {
        guard let i = columnIndex[column], i < row.values.count else { return nil }
        return row.values[i]
    }
}

/// One raw column: its dictionary-encoded values and each distinct value trimmed.
struct RawColumn: Sendable {
    var column = DatasetColumn()
    /// The trimmed form of each distinct value, by code.
    var cleaned: [String] = [""]

    mutating func append(_ value: String) {
        let code = column.code(for: value)
        if Int(code) == cleaned.count { cleaned.append(value.trimmingSpaces) }
        column.codes.append(code)
    }

    /// Appends the values of `other` in order. New values get codes in the order `other` first
    /// met them, as appending them one by one would.
    mutating func append(contentsOf other: RawColumn) {
        var translated = [UInt32](repeating: 0, count: other.column.values.count)
        for code in other.column.values.indices.dropFirst() {
            let mine = column.code(for: other.column.values[code])
            if Int(mine) == cleaned.count { cleaned.append(other.cleaned[code]) }
            translated[code] = mine
        }
        column.codes.append(translating: other.column.codes, through: translated)
    }
}

/// The records of a ``RawTable`` as a collection.
public struct RawRows: RandomAccessCollection, Sendable {
    let table: RawTable
    public var startIndex: Int { 0 }
    public var endIndex: Int { table.rowCount }
    public subscript(position: Int) -> RawRow { table.record(position) }
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
