import Foundation
import TrialExportCore

/// The lines of the Study sheet: study facts, the dataset table, extra facts and notes.
struct StudySheet {
    /// How a line is styled.
    enum Style { case fact, tableHeader, datasetRow, plain, heading }

    struct Line {
        var values: [String]
        var style: Style
    }

    private(set) var lines: [Line] = []

    init(_ content: WorkbookContent, layout: WorkbookLayout) {
        add(["Study ID", content.studyId], .fact)
        add(["Title", content.title], .fact)
        add(["Data cut-off", content.cutoff], .fact)
        add([], .plain)
        add(["Dataset", "Label", "Rows", "Sheets"], .tableHeader)
        for dataset in content.datasets {
            let sheets = layout.sheetNames[dataset.name, default: []].joined(separator: ", ")
            add([dataset.name, dataset.label, String(dataset.rows.count), sheets], .datasetRow)
        }
        if !content.studyFacts.isEmpty { add([], .plain) }
        for (key, value) in content.studyFacts { add([key, value], .fact) }
        if !layout.notes.isEmpty {
            add([], .plain)
            add(["Notes"], .heading)
            for note in layout.notes { add([note], .plain) }
        }
    }

    private mutating func add(_ values: [String], _ style: Style) {
        lines.append(Line(values: values, style: style))
    }

    /// Column widths from the lines with two or more values (notes may overflow their cell).
    var columnWidths: [Double] {
        WorkbookLayout.columnWidths(columns: ["", "", "", ""], rows: lines.map(\.values).filter { $0.count > 1 })
    }

    /// True when the cell is bold: fact names, the table header and the notes heading.
    static func isBold(_ style: Style, column: Int) -> Bool {
        switch style {
        case .tableHeader, .heading: return true
        case .fact: return column == 0
        case .datasetRow, .plain: return false
        }
    }

    /// True when the cell holds a number: the row count of a dataset.
    static func isNumber(_ style: Style, column: Int) -> Bool {
        style == .datasetRow && column == 2
    }
}
