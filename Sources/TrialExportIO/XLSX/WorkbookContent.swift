import Foundation
import TrialExportCore

/// What one review workbook holds: the study facts, the SDTM datasets and extra tables.
public struct WorkbookContent: Sendable {
    public var studyId: String
    public var title: String
    /// The data cut-off as shown, `YYYY-MM-DD`.
    public var cutoff: String
    /// The creation date stored in the file's properties (the cut-off), so output is reproducible.
    public var created: Date
    /// The export's identity under the title of the Study sheet (previous transfer, tool, standards).
    public var identity: [(String, String)] = []
    /// Extra key/value lines on the Study sheet, after the contents.
    public var studyFacts: [(String, String)]
    /// One sheet each, in this order, after the Study sheet.
    public var datasets: [Dataset]
    /// Sheets after the datasets, e.g. Findings or Reconciliation.
    public var extraSheets: [SheetTable]
    /// Rows to highlight per dataset (by row position): new or changed since the previous transfer.
    public var rowMarks: [String: [Int: RowMark]] = [:]

    public init(
        studyId: String, title: String, cutoff: String, created: Date,
        studyFacts: [(String, String)] = [], datasets: [Dataset] = [], extraSheets: [SheetTable] = []
    ) {
        self.studyId = studyId
        self.title = title
        self.cutoff = cutoff
        self.created = created
        self.studyFacts = studyFacts
        self.datasets = datasets
        self.extraSheets = extraSheets
    }
}

/// How a row differs from the previous transfer: an added row is filled; a changed row's changed
/// cells are filled and carry their previous value as a comment.
public enum RowMark: Sendable, Hashable {
    case added
    /// The previous value of each changed cell, by column position ("" was null).
    case changed(previous: [Int: String])

    /// A changed row whose changed cells are not known (every cell is marked).
    public static let changed = RowMark.changed(previous: [:])
}

/// A plain table for one sheet: named columns, optional labels, rows of text.
public struct SheetTable: Sendable, Hashable {
    /// The sheet name (at most 31 characters, none of `[]:*?/\`).
    public var name: String
    /// What the sheet holds, for the contents on the Study sheet.
    public var caption = ""
    public var columns: [String]
    /// One per column, shown as a comment on the header cell; nil for none.
    public var labels: [String]?
    /// Positions of the columns whose values are written as numbers when they parse as one.
    public var numericColumns: Set<Int>
    /// Values as text; "" is a blank cell. A dataset's sheet shares the dataset's cells.
    public var rows: DatasetRows
    /// Rows to highlight, by position in `rows`.
    public var rowMarks: [Int: RowMark] = [:]
    /// Columns kept in view when scrolling right (a dataset's identifiers up to USUBJID).
    public var frozenColumns = 0
    /// Values of these columns written as percentages (0.381 shows as 38.1%).
    public var percentColumns: Set<Int> = []
    /// Lines above the header on the table's first sheet, the first one as its title.
    public var preamble: [String] = []
    /// Cells linking to a row of another table's sheet.
    public var rowLinks: RowLinks?
    /// Charts drawn under the table, one below the other.
    public var charts: [SheetChart] = []
    /// An autofilter on the header (not for a summary read as a whole).
    public var autofilter = true
    /// Printed on one page (not only one page wide).
    public var onePage = false

    /// The columns of a row that name another table (a sheet) and a row of it (1 is its first
    /// record): the row cell links there.
    public struct RowLinks: Sendable, Hashable {
        public var sheetColumn: Int
        public var rowColumn: Int

        public init(sheetColumn: Int, rowColumn: Int) {
            self.sheetColumn = sheetColumn
            self.rowColumn = rowColumn
        }
    }

    public init(name: String, columns: [String], labels: [String]? = nil, numericColumns: Set<Int> = [], rows: [[String]]) {
        self.init(name: name, columns: columns, labels: labels, numericColumns: numericColumns, rows: DatasetRows(rows))
    }

    /// A table over rows already stored by column (no copy).
    public init(name: String, columns: [String], labels: [String]? = nil, numericColumns: Set<Int> = [], rows: DatasetRows) {
        self.name = name
        self.columns = columns
        self.labels = labels
        self.numericColumns = numericColumns
        self.rows = rows
    }

    /// The sheet of an SDTM dataset: variable names, labels as comments, `Num` variables as numbers.
    public init(_ dataset: Dataset, rowMarks: [Int: RowMark] = [:]) {
        let numeric = dataset.variables.indices.filter { dataset.variables[$0].type == .num }
        self.init(
            name: dataset.name, columns: dataset.columns, labels: dataset.variables.map(\.label),
            numericColumns: Set(numeric), rows: dataset.rows)
        self.rowMarks = rowMarks
        frozenColumns = dataset.index(of: "USUBJID").map { $0 + 1 } ?? 0
    }
}
