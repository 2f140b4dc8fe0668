import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// One cell as stored: text or a number.
public enum XLSXCell: Hashable, Sendable, CustomStringConvertible {
    case string(String)
    case number(Double)

    public var description: String {
        switch self {
        case let .string(text): return "\"\(text)\""
        case let .number(value): return "\(value)"
        }
    }
}

/// One worksheet read back: cells by position, header comments, panes, filter and widths.
public struct XLSXSheetContent: Sendable {
    public var name: String
    /// Cells by zero-based (row, column).
    public var cells: [XLSXPosition: XLSXCell] = [:]
    /// Cells whose style is bold.
    public var boldCells: Set<XLSXPosition> = []
    /// Comment text by zero-based (row, column).
    public var comments: [XLSXPosition: String] = [:]
    /// Rows frozen at the top (the pane's `ySplit`), 0 when none.
    public var frozenRows = 0
    /// The autofilter range, e.g. `A1:C3`.
    public var autofilter: String?
    /// Column widths by zero-based column.
    public var columnWidths: [Int: Double] = [:]

    /// The used rows as a dense grid; nil for a blank cell.
    public var grid: [[XLSXCell?]] {
        let rows = (cells.keys.map(\.row).max() ?? -1) + 1
        let columns = (cells.keys.map(\.column).max() ?? -1) + 1
        return (0..<rows).map { r in (0..<columns).map { c in cells[XLSXPosition(row: r, column: c)] } }
    }
}

/// A zero-based cell position.
public struct XLSXPosition: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses an `A1`-style reference.
    public init?(reference: String) {
        let letters = reference.prefix { $0.isLetter }
        guard !letters.isEmpty, let row = Int(reference.dropFirst(letters.count)) else { return nil }
        self.column = letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        self.row = row - 1
    }

    public var description: String { "R\(row + 1)C\(column + 1)" }
}

/// Reads an XLSX file back for tests: sheet names in order and every cell, string or number.
public struct XLSXReader {
    public let sheetNames: [String]
    public let sheets: [XLSXSheetContent]

    public init(path: String) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let files = XLSXArchiveFiles(archive: archive)
        let strings = try files.sharedStrings()
        let bold = try files.boldStyles()
        var names: [String] = []
        var sheets: [XLSXSheetContent] = []
        for (name, target) in try files.sheetTargets() {
            names.append(name)
            sheets.append(try files.sheet(name: name, target: target, sharedStrings: strings, boldStyles: bold))
        }
        self.sheetNames = names
        self.sheets = sheets
    }

    public func sheet(_ name: String) -> XLSXSheetContent? { sheets.first { $0.name == name } }
}

/// Raw access to the parts of an XLSX package, for checks on the XML itself.
public struct XLSXPackage {
    let files: XLSXArchiveFiles

    public init(path: String) throws {
        files = XLSXArchiveFiles(archive: try Archive(url: URL(fileURLWithPath: path), accessMode: .read))
    }

    /// The text of one part, e.g. `docProps/core.xml`; empty when absent.
    public func text(_ part: String) throws -> String {
        try files.data(part).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
