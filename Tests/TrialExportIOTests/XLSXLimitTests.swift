import Foundation
import TestSupport
import Testing
import TrialExportCore

@testable import TrialExportIO

/// Values longer than an XLSX cell holds (32,767 characters) leave their cell empty; nothing else changes.
struct XLSXLimitTests {
    static let cutoff = Date(timeIntervalSince1970: 1_738_281_600)  // 2025-01-31T00:00:00Z
    static let full = String(repeating: "x", count: ValueLengthChecks.cellCharacterLimit)
    static let over = String(repeating: "y", count: ValueLengthChecks.cellCharacterLimit + 1)
    /// 32,768 UTF-16 code units but only 16,384 code points: over Excel's limit, under libxlsxwriter's own count.
    static let emojiOver = String(repeating: "😀", count: 16_384)

    /// A CO dataset: COVAL text, COSEQ numeric, one row per value.
    static func co(_ values: [String], seq: [String]? = nil) -> Dataset {
        let variables = ["USUBJID", "COSEQ", "COVAL", "COREF"].enumerated().map { i, name in
            VariableMetadata(
                dataset: "CO", order: i + 1, name: name, label: name, type: name == "COSEQ" ? .num : .char, core: .exp)
        }
        let rows = values.enumerated().map { i, value in ["S\(i + 1)", seq?[i] ?? String(i + 1), value, "after"] }
        return Dataset(name: "CO", label: "Comments", keys: ["USUBJID", "COSEQ"], variables: variables, rows: rows)
    }

    /// Writes a workbook with `dataset` and `extra` and reads it back.
    func write(_ dataset: Dataset, extra: [SheetTable] = [], marks: [Int: RowMark] = [:]) throws -> XLSXReader {
        let file = TestPaths.temporaryDirectory("xlsx-limit").appendingPathComponent("review.xlsx").path
        var content = WorkbookContent(
            studyId: "ST-01", title: "Limits", cutoff: "2025-01-31", created: Self.cutoff,
            datasets: [dataset], extraSheets: extra)
        content.rowMarks = [dataset.name: marks]
        try XLSXWorkbookWriter.write(content, to: file)
        return try XLSXReader(path: file)
    }

    func writeSheet(_ dataset: Dataset) throws -> XLSXSheetContent {
        try #require(try write(dataset).sheet(dataset.name))
    }

    static func cell(_ row: Int, _ column: Int) -> XLSXPosition { XLSXPosition(row: row, column: column) }

    @Test func overlongTextLeavesItsCellEmptyAndTheRowWhole() throws {
        let sheet = try writeSheet(Self.co(["short", Self.full, Self.over, Self.emojiOver]))
        #expect(sheet.cells[Self.cell(1, 2)] == .string("short"))
        #expect(sheet.cells[Self.cell(2, 2)] == .string(Self.full))
        #expect(sheet.cells[Self.cell(3, 2)] == nil)
        #expect(sheet.cells[Self.cell(4, 2)] == nil)
        for row in 1...4 {
            #expect(sheet.cells[Self.cell(row, 0)] == .string("S\(row)"))
            #expect(sheet.cells[Self.cell(row, 1)] == .number(Double(row)))
            #expect(sheet.cells[Self.cell(row, 3)] == .string("after"))
        }
        #expect(sheet.autofilter == "A1:D5")
    }

    @Test func overlongTextInANumericColumnLeavesItsCellEmpty() throws {
        let sheet = try writeSheet(Self.co(["a", "b"], seq: [Self.over, "2"]))
        #expect(sheet.cells[Self.cell(1, 1)] == nil)
        #expect(sheet.cells[Self.cell(2, 1)] == .number(2))
        #expect(sheet.cells[Self.cell(1, 2)] == .string("a"))
    }

    @Test func overlongTextInAMarkedRowAndAnExtraSheet() throws {
        let extra = SheetTable(name: "Findings", columns: ["Message", "Code"], rows: [[Self.over, "CHK0031"]])
        let book = try write(Self.co([Self.over, "b"]), extra: [extra], marks: [0: .changed])
        let sheet = try #require(book.sheet("CO"))
        #expect(sheet.cells[Self.cell(1, 2)] == nil)
        #expect(sheet.cells[Self.cell(1, 3)] == .string("after"))
        let findings = try #require(book.sheet("Findings"))
        #expect(findings.grid == [[.string("Message"), .string("Code")], [nil, .string("CHK0031")]])
    }
}
