import Foundation
import TrialExportCore

/// The lines of the Study sheet, the workbook's contents page: a title, the export's identity,
/// every sheet with its label, row count and a link to it, extra facts and notes.
struct StudySheet {
    /// How a line is styled.
    enum Style { case title, fact, tableHeader, datasetRow, sheetRow, plain, heading }

    struct Line {
        var values: [String]
        var style: Style
        /// The sheet the name in column 0 (or the sheet names in column 3) links to.
        var target: String?
    }

    private(set) var lines: [Line] = []

    init(_ content: WorkbookContent, layout: WorkbookLayout) {
        add([content.title], .title)
        add(["Study ID", content.studyId], .fact)
        add(["Data cut-off", content.cutoff], .fact)
        for (key, value) in content.identity { add([key, value], .fact) }
        add([], .plain)
        add(["Contents"], .heading)
        add(["Sheet", "Label", "Rows", "Sheets"], .tableHeader)
        for dataset in content.datasets {
            let sheets = layout.sheetNames[dataset.name, default: []]
            add(
                [dataset.name, dataset.label, String(dataset.rows.count), sheets.joined(separator: ", ")], .datasetRow,
                target: sheets.first)
        }
        for table in content.extraSheets {
            let sheets = layout.sheetNames[table.name, default: []]
            add(
                [table.name, table.caption, String(table.rows.count), sheets.joined(separator: ", ")], .sheetRow,
                target: sheets.first)
        }
        if !content.studyFacts.isEmpty { add([], .plain) }
        for (key, value) in content.studyFacts { add([key, value], .fact) }
        if !layout.notes.isEmpty {
            add([], .plain)
            add(["Notes"], .heading)
            for note in layout.notes { add([note], .plain) }
        }
    }

    private mutating func add(_ values: [String], _ style: Style, target: String? = nil) {
        lines.append(Line(values: values, style: style, target: target))
    }

    /// Column widths from the lines with two or more values (the title and notes may overflow their cell).
    var columnWidths: [Double] {
        WorkbookLayout.columnWidths(columns: ["", "", "", ""], rows: lines.map(\.values).filter { $0.count > 1 })
    }

    /// The look of a cell: the title, bold fact names and headings, a styled table header.
    static func style(_ style: Style, column: Int) -> CellStyle {
        switch style {
        case .title: return CellStyle(title: true)
        case .tableHeader: return CellStyle(header: true)
        case .heading: return CellStyle(bold: true)
        case .fact: return CellStyle(bold: column == 0)
        case .datasetRow, .sheetRow, .plain: return CellStyle()
        }
    }

    /// The sheet a cell links to: a table row's name.
    static func link(_ line: Line, column: Int) -> String? {
        column == 0 ? line.target : nil
    }

    /// True when the cell holds a number: the row count of a sheet.
    static func isNumber(_ style: Style, column: Int) -> Bool {
        (style == .datasetRow || style == .sheetRow) && column == 2
    }
}
