import Foundation
import Testing

@testable import TrialExportIO

struct XLSXWorkbookLayoutTests {
    @Test(
        arguments: [
            ("64", 64.0), ("-1.5", -1.5), ("2E-3", 0.002), ("+7", 7.0), ("007", 7.0),
            ("", nil), ("NA", nil), ("0x10", nil), ("inf", nil), ("nan", nil), (" 5", nil), ("1e999", nil),
        ] as [(String, Double?)])
    func numbers(_ text: String, _ expected: Double?) {
        #expect(WorkbookLayout.number(text) == expected)
    }

    @Test(arguments: [
        ("DM", 1, "DM"), ("DM", 2, "DM (2)"), ("DM", 12, "DM (12)"),
        (String(repeating: "R", count: 31), 1, String(repeating: "R", count: 31)),
        (String(repeating: "R", count: 31), 3, String(repeating: "R", count: 27) + " (3)"),
    ])
    func sheetNames(_ base: String, _ part: Int, _ expected: String) {
        #expect(WorkbookLayout.sheetName(base, part: part) == expected)
    }

    @Test(arguments: [(0, 1), (1, 1), (2, 1), (3, 2), (4, 2), (5, 3)])
    func splitsAtTheRowLimit(_ rows: Int, _ sheets: Int) {
        let table = SheetTable(name: "AE", columns: ["A"], rows: (0..<rows).map { [String($0)] })
        let layout = WorkbookLayout(tables: [table], rowLimit: 3)
        #expect(layout.sheets.count == sheets)
        #expect(layout.sheets.flatMap { Array($0.rows) } == Array(0..<rows))
        #expect(layout.notes.count == (sheets > 1 ? 1 : 0))
    }

    @Test func widthsCountCharactersNotBytes() {
        let widths = WorkbookLayout.columnWidths(columns: ["", ""], rows: [["李李李", "ab"], ["é", "abcd"]])
        #expect(widths == [5, 6])
    }
}
