import TrialExportCore

/// A writer of SDTM datasets in one format (CSV, XLSX, XPT, Dataset-JSON): told when a dataset
/// begins, given its rows, told when it ends.
///
/// ``OutputWriter`` feeds each sink on its own background queue, datasets in workbook order, one
/// call at a time; a sink keeps no state shared with another. ``close()`` ends the last dataset's
/// file or the workbook.
public protocol DatasetSink: AnyObject {
    /// Whether ``DatasetHeader/longestBytes`` must be measured before ``begin(_:)`` (XPT lengths).
    var needsLengths: Bool { get }
    /// Starts a dataset: its name, label, variables, row count and (when asked) longest values.
    func begin(_ header: DatasetHeader) throws
    /// Adds rows of the current dataset, in order.
    func add(_ rows: DatasetRows) throws
    /// Ends the current dataset.
    func finish() throws
    /// Ends the output after the last dataset (the workbook is closed elsewhere).
    func close() throws
}

extension DatasetSink {
    public var needsLengths: Bool { false }
    public func close() throws {}

    /// Writes a whole dataset: begin, its rows, finish.
    public func write(_ dataset: Dataset, marks: [Int: RowMark] = [:]) throws {
        try begin(DatasetHeader(dataset, rowMarks: marks, measuring: needsLengths))
        try add(dataset.rows)
        try finish()
    }
}

/// What a sink learns when a dataset begins.
public struct DatasetHeader: Sendable {
    public let name: String
    public let label: String
    public let keys: [String]
    public let variables: [VariableMetadata]
    public let rowCount: Int
    /// Bytes (UTF-8) of the longest value of each variable, at least 1; empty when not measured.
    public let longestBytes: [Int]
    /// Rows the workbook highlights (new or changed since the previous transfer), by position.
    public let rowMarks: [Int: RowMark]

    public init(_ dataset: Dataset, rowMarks: [Int: RowMark] = [:], measuring: Bool = true) {
        name = dataset.name
        label = dataset.label
        keys = dataset.keys
        variables = dataset.variables
        rowCount = dataset.rows.count
        longestBytes = measuring ? Self.longestBytes(dataset.rows, width: dataset.variables.count) : []
        self.rowMarks = rowMarks
    }

    /// The most UTF-8 bytes of any value of each column, at least 1.
    public static func longestBytes(_ rows: DatasetRows, width: Int) -> [Int] {
        var longest = [Int](repeating: 1, count: width)
        for row in rows {
            for (i, value) in row.enumerated() where value.utf8.count > longest[i] { longest[i] = value.utf8.count }
        }
        return longest
    }
}
