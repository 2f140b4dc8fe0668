import Foundation
import TrialExportCore

/// Where each table goes: sheets split at the row limit, names, column widths, Study sheet notes.
struct WorkbookLayout {
    /// One worksheet: a slice of a table's rows under the repeated header.
    struct Sheet {
        var name: String
        var table: SheetTable
        var rows: Range<Int>
    }

    /// Most rows a sheet holds in Excel, the header included.
    static let excelRowLimit = 1_048_576
    /// Widest column, in characters.
    static let maxColumnWidth = 60.0
    static let maxSheetName = 31
    /// Most columns a sheet holds in Excel.
    static let excelColumnLimit = 16_384

    var sheets: [Sheet] = []
    /// Sheet names per table name, for the Study sheet.
    var sheetNames: [String: [String]] = [:]
    /// Sentences about tables split over several sheets.
    var notes: [String] = []

    /// Plans the sheets of `tables`, each sheet holding at most `rowLimit` rows with its header.
    init(tables: [SheetTable], rowLimit: Int) {
        let perSheet = max(rowLimit - 1, 1)
        for table in tables {
            // The first sheet also holds the lines above the header.
            var ranges: [Range<Int>] = []
            var start = 0
            repeat {
                let room = max(perSheet - (ranges.isEmpty ? Self.preambleRows(table) : 0), 1)
                ranges.append(start..<min(start + room, table.rows.count))
                start += room
            } while start < table.rows.count
            let parts = ranges.count
            var names: [String] = []
            for (part, range) in ranges.enumerated() {
                let name = Self.sheetName(table.name, part: part + 1)
                sheets.append(Sheet(name: name, table: table, rows: range))
                names.append(name)
            }
            sheetNames[table.name] = names
            if parts > 1 {
                notes.append(
                    "\(table.name) has \(table.rows.count) rows, more than one sheet holds "
                        + "(\(perSheet) data rows); it continues on \(names.dropFirst().joined(separator: ", ")).")
            }
        }
    }

    /// Rows above the header of a table's first sheet: its preamble and a blank line.
    static func preambleRows(_ table: SheetTable) -> Int { table.preamble.isEmpty ? 0 : table.preamble.count + 1 }

    /// The sheet and row (0-based, as libxlsxwriter counts) of record `index` of a table with no
    /// preamble, written with `rowLimit`.
    static func place(record index: Int, of table: String, rowLimit: Int) -> (sheet: String, row: Int) {
        let perSheet = max(rowLimit - 1, 1)
        return (sheetName(table, part: index / perSheet + 1), index % perSheet + 1)
    }

    /// `DM` for the first part, `DM (2)`, `DM (3)`... after, shortened to fit 31 characters.
    static func sheetName(_ base: String, part: Int) -> String {
        let suffix = part == 1 ? "" : " (\(part))"
        return String(base.prefix(maxSheetName - suffix.count)) + suffix
    }

    /// Column widths in characters: the longest value plus a margin, capped.
    ///
    /// A header counts two characters more, for the autofilter button beside it.
    static func columnWidths<Rows: Collection>(columns: [String], rows: Rows) -> [Double] where Rows.Element: Collection<String> {
        longestValues(columns: columns, rows: rows).map(width)
    }

    /// The width of a column whose longest value has `longest` characters.
    static func width(_ longest: Int) -> Double { min(Double(longest) + 2, maxColumnWidth) }

    /// Lines a value takes in a wrapped column of the widest width (an estimate: characters
    /// per line of that width, a word may push a line further), at most 15.
    static func lines(_ value: String) -> Int {
        let perLine = Int(maxColumnWidth) - 4
        let count = value.utf8.count <= perLine ? value.utf8.count : value.count
        return min(max(1, (count + perLine - 1) / perLine), 15)
    }

    /// The height in points of a row of `lines` lines of the default 11-point font.
    static func rowHeight(lines: Int) -> Double { Double(lines) * 15 }

    /// True when such a column's values do not fit its width: its cells wrap.
    static func wraps(_ longest: Int) -> Bool { Double(longest) + 2 > maxColumnWidth }

    /// The longest value of each column, in characters (a header counts two more).
    static func longestValues<Rows: Collection>(columns: [String], rows: Rows) -> [Int] where Rows.Element: Collection<String> {
        var longest = columns.map { $0.isEmpty ? 0 : $0.count + 2 }
        for row in rows {
            for (i, value) in row.enumerated() where i < longest.count {
                let length = value.utf8.count <= longest[i] ? 0 : value.count
                if length > longest[i] { longest[i] = length }
            }
        }
        return longest
    }

    /// The number in a value of a numeric column, or nil to write it as text.
    ///
    /// Only decimal notation counts (`64`, `-1.5`, `2E-3`), not `0x10`, `inf` or ` 5`.
    static func number(_ value: String) -> Double? {
        guard
            value.utf8.allSatisfy({
                (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2B || $0 == 0x2D || $0 == 0x45 || $0 == 0x65
            }),
            let number = Double(value), number.isFinite
        else { return nil }
        return number
    }
}
