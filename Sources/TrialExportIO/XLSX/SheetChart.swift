/// A chart on a sheet, drawn from a block of another table's cells (its sheet written with no
/// preamble, so record `r` is on row `r + 1` under the header).
public struct SheetChart: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Bars stacked per category.
        case stackedColumn
        case line
    }

    public var kind: Kind
    public var title: String
    public var xTitle: String
    public var yTitle: String
    /// The table (sheet) holding the data.
    public var dataSheet: String
    /// Records (0-based) of the data block; column 0 holds their labels.
    public var records: Range<Int>
    /// The value columns of the block.
    public var columns: Range<Int>
    /// True: each record is a series named by its label, over the column headers; false: each
    /// column is a series named by its header, over the records' labels.
    public var seriesPerRecord: Bool

    public init(
        kind: Kind, title: String, xTitle: String, yTitle: String, dataSheet: String, records: Range<Int>,
        columns: Range<Int>, seriesPerRecord: Bool
    ) {
        self.kind = kind
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.dataSheet = dataSheet
        self.records = records
        self.columns = columns
        self.seriesPerRecord = seriesPerRecord
    }

    /// The cell ranges of each series: (name row, name column, categories, values), rows and
    /// columns 0-based on the data sheet.
    var series: [(nameRow: Int, nameColumn: Int, categories: CellRange, values: CellRange)] {
        let first = records.lowerBound + 1, last = records.upperBound
        if seriesPerRecord {
            return (first...last).map { row in
                (row, 0, CellRange(row: 0...0, column: columns), CellRange(row: row...row, column: columns))
            }
        }
        return columns.map { column in
            (0, column, CellRange(row: first...last, column: 0..<1), CellRange(row: first...last, column: column..<(column + 1)))
        }
    }

    struct CellRange {
        var row: ClosedRange<Int>
        var column: Range<Int>
    }
}
