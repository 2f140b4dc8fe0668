import Foundation
import TestSupport
import Testing
import TrialExportCore

@testable import TrialExportIO

struct XLSXWorkbookWriterTests {
    static let cutoff = Date(timeIntervalSince1970: 1_738_281_600)  // 2025-01-31T00:00:00Z

    static func variable(_ name: String, _ label: String, _ type: VariableMetadata.DataType, order: Int) -> VariableMetadata {
        VariableMetadata(dataset: "DM", order: order, name: name, label: label, type: type, core: .exp)
    }

    static let dm = Dataset(
        name: "DM", label: "Demographics", keys: ["USUBJID"],
        variables: [
            variable("STUDYID", "Study Identifier", .char, order: 1),
            variable("USUBJID", "Unique Subject Identifier", .char, order: 2),
            variable("AGE", "Age", .num, order: 3),
            variable("RACE", "Race", .char, order: 4),
        ],
        rows: [
            ["ST-01", "ST-01-001", "64", "ASIAN"],
            ["ST-01", "ST-01-002", "", "WHITE"],
            ["ST-01", "ST-01-003", "12.5", "José 李, \"quoted\"\nsecond line"],
            ["ST-01", "ST-01-004", "NA", "0042"],
        ])

    static let findings = SheetTable(
        name: "Findings", columns: ["Severity", "Code", "Line", "Message"],
        numericColumns: [2],
        rows: [["error", "RAW0001", "12", "record has 3 fields, the header has 4"], ["note", "CT0001", "", " padded "]])

    static func content(datasets: [Dataset] = [dm]) -> WorkbookContent {
        WorkbookContent(
            studyId: "ST-01", title: "A Phase 2 Study", cutoff: "2025-01-31", created: cutoff,
            studyFacts: [("Sponsor", "Acme Pharma"), ("Phase", "Phase 2")],
            datasets: datasets, extraSheets: [findings])
    }

    func path(_ name: String = "review.xlsx") -> String {
        TestPaths.temporaryDirectory("xlsx").appendingPathComponent(name).path
    }

    /// The expected cells of a data sheet: header strings, then numbers in numeric columns, blanks for "".
    static func expectedGrid(_ table: SheetTable, rows: Range<Int>) -> [[XLSXCell?]] {
        let header = table.columns.map { XLSXCell.string($0) }
        let body = table.rows[rows].map { values in
            values.enumerated().map { column, value -> XLSXCell? in
                if value.isEmpty { return nil }
                if table.numericColumns.contains(column), let number = Double(value) { return .number(number) }
                return .string(value)
            }
        }
        return [header] + body
    }

    @Test func everyCellReadsBack() throws {
        let file = path()
        try XLSXWorkbookWriter.write(Self.content(), to: file)
        let book = try XLSXReader(path: file)
        #expect(book.sheetNames == ["Study", "DM", "Findings"])
        for table in [SheetTable(Self.dm), Self.findings] {
            let sheet = try #require(book.sheet(table.name))
            #expect(sheet.grid == Self.expectedGrid(table, rows: table.rows.indices), "\(table.name)")
            #expect(sheet.frozenRows == 1)
            #expect(sheet.autofilter == "A1:D\(table.rows.count + 1)")
            #expect(sheet.boldCells == Set((0..<4).map { XLSXPosition(row: 0, column: $0) }))
        }
        let dm = try #require(book.sheet("DM"))
        #expect(dm.cells[XLSXPosition(row: 1, column: 2)] == .number(64))
        #expect(dm.cells[XLSXPosition(row: 4, column: 2)] == .string("NA"))
        #expect(dm.cells[XLSXPosition(row: 4, column: 3)] == .string("0042"))
    }

    @Test func controlCharactersAndEscapeLookalikesReadBackUnchanged() throws {
        let values = ["Head\0ache", "bell\u{7}tab\tend\u{1F}", "_x0041_ is not A", "a_x00_b_", "\0"]
        let dataset = Dataset(
            name: "DM", label: "Demographics", keys: [], variables: [Self.variable("RACE", "Race", .char, order: 1)],
            rows: values.map { [$0] })
        let file = path()
        try XLSXWorkbookWriter.write(Self.content(datasets: [dataset]), to: file)
        let sheet = try #require(try XLSXReader(path: file).sheet("DM"))
        #expect(sheet.grid.dropFirst().map { $0.first! } == values.map { XLSXCell.string($0) })
    }

    @Test(arguments: [
        ("Head\0ache", "Head_x0000_ache"), ("_x0041_", "_x005F_x0041_"), ("_x12G4_", "_x12G4_"), ("plain_x", "plain_x"),
    ])
    func cellTextEscapesNULAndLookalikes(_ text: String, _ encoded: String) {
        #expect(XLSXCellText.encoded(text) == encoded)
    }

    @Test func labelsAreHeaderComments() throws {
        let file = path()
        try XLSXWorkbookWriter.write(Self.content(), to: file)
        let book = try XLSXReader(path: file)
        let dm = try #require(book.sheet("DM"))
        let expected = Dictionary(
            uniqueKeysWithValues: Self.dm.variables.enumerated().map {
                (XLSXPosition(row: 0, column: $0.offset), $0.element.label)
            })
        #expect(dm.comments == expected)
        #expect(try #require(book.sheet("Findings")).comments.isEmpty)
    }

    @Test func columnWidthsFitTheLongestValue() throws {
        let long = String(repeating: "x", count: 200)
        var dm = Self.dm
        dm.append(row: ["ST-01", "ST-01-005", "1", long])
        let file = path()
        try XLSXWorkbookWriter.write(Self.content(datasets: [dm]), to: file)
        let widths = try #require(XLSXReader(path: file).sheet("DM")).columnWidths
        // Header STUDYID (7 characters, + 2 for the filter button) + 2; USUBJID values (9) + 2;
        // AGE header (3 + 2) + 2; the long RACE value is capped at 60.
        #expect(widths[0].map { abs($0 - 11) < 1 } == true, "\(widths)")
        #expect(widths[2].map { abs($0 - 7) < 1 } == true, "\(widths)")
        #expect(widths[1].map { abs($0 - 11) < 1 } == true, "\(widths)")
        #expect(widths[3].map { abs($0 - 60) < 1 } == true, "\(widths)")
    }

    @Test func studySheetIsAContentsPageWithLinksToEverySheet() throws {
        let file = path()
        var content = Self.content()
        content.identity = [("Standards", "SDTMIG 3.4, SDTM 2.0")]
        content.extraSheets[0].caption = "Every problem found"
        try XLSXWorkbookWriter.write(content, to: file)
        let study = try #require(XLSXReader(path: file).sheet("Study"))
        #expect(
            study.grid == [
                [.string("A Phase 2 Study"), nil, nil, nil],
                [.string("Study ID"), .string("ST-01"), nil, nil],
                [.string("Data cut-off"), .string("2025-01-31"), nil, nil],
                [.string("Standards"), .string("SDTMIG 3.4, SDTM 2.0"), nil, nil],
                [nil, nil, nil, nil],
                [.string("Contents"), nil, nil, nil],
                [.string("Sheet"), .string("Label"), .string("Rows"), .string("Sheets")],
                [.string("DM"), .string("Demographics"), .number(4), .string("DM")],
                [.string("Findings"), .string("Every problem found"), .number(2), .string("Findings")],
                [nil, nil, nil, nil],
                [.string("Sponsor"), .string("Acme Pharma"), nil, nil],
                [.string("Phase"), .string("Phase 2"), nil, nil],
            ])
        let bold = [(0, 0), (1, 0), (2, 0), (3, 0), (5, 0), (6, 0), (6, 1), (6, 2), (6, 3), (10, 0), (11, 0)]
        #expect(study.boldCells == Set(bold.map { XLSXPosition(row: $0.0, column: $0.1) }))
        let xml = try XLSXPackage(path: file).text("xl/worksheets/sheet1.xml")
        #expect(xml.contains("<hyperlink ref=\"A8\" location=\"'DM'!A1\""), "\(xml)")
        #expect(xml.contains("<hyperlink ref=\"A9\" location=\"'Findings'!A1\""))
        // The contents page prints on one landscape page like the rest (1 x 1 is the default, so not written).
        #expect(
            xml.contains("<pageSetUpPr fitToPage=\"1\"/>")
                && xml.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\"/>"), "\(xml)")
    }

    @Test func datasetSheetsPrintOnePageWideWithTheirHeaderOnEveryPage() throws {
        let file = path()
        try XLSXWorkbookWriter.write(Self.content(), to: file)
        let package = try XLSXPackage(path: file)
        let dm = try package.text("xl/worksheets/sheet2.xml")
        #expect(dm.contains("<pageSetUpPr fitToPage=\"1\"/>"), "\(dm)")
        #expect(dm.contains("orientation=\"landscape\"") && dm.contains("fitToHeight=\"0\""))
        #expect(dm.contains("<oddHeader>&amp;LStudy ST-01&amp;C&amp;A&amp;RData cut-off: 2025-01-31</oddHeader>"))
        #expect(dm.contains("<oddFooter>&amp;Ltrialexport&amp;CPage &amp;P of &amp;N</oddFooter>"))
        // Frozen at USUBJID (two columns) and the header row; no "number stored as text" markers.
        #expect(dm.contains("<pane xSplit=\"2\" ySplit=\"1\""))
        #expect(dm.contains("<ignoredError sqref=\"A1:XFD1048576\" numberStoredAsText=\"1\"/>"))
        let workbook = try package.text("xl/workbook.xml")
        #expect(
            workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">DM!$1:$1</definedName>"), "\(workbook)"
        )
    }

    @Test func longTextWrapsInItsColumn() throws {
        var dm = Self.dm
        dm.append(row: ["ST-01", "ST-01-005", "1", String(repeating: "long text ", count: 20)])
        let file = path()
        try XLSXWorkbookWriter.write(Self.content(datasets: [dm]), to: file)
        let xml = try XLSXPackage(path: file).text("xl/styles.xml")
        #expect(xml.contains("wrapText=\"1\""))
    }

    @Test func sameContentGivesSameBytes() throws {
        let first = path(), second = path()
        try XLSXWorkbookWriter.write(Self.content(), to: first)
        try XLSXWorkbookWriter.write(Self.content(), to: second, tmpdir: TestPaths.temporaryDirectory("xlsx-tmp").path)
        let a = try Data(contentsOf: URL(fileURLWithPath: first))
        let b = try Data(contentsOf: URL(fileURLWithPath: second))
        #expect(a == b)
        // The stored creation time is the cut-off in UTC, not the clock.
        let props = try XLSXPackage(path: first).text("docProps/core.xml")
        #expect(props.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-01-31T00:00:00Z</dcterms:created>"))
    }

    @Test func longTablesContinueOnNumberedSheets() throws {
        var dm = Self.dm
        dm.append(row: ["ST-01", "ST-01-005", "70", "OTHER"])
        let file = path()
        // Each sheet holds the header and 2 rows: 5 rows need 3 sheets.
        try XLSXWorkbookWriter.write(Self.content(datasets: [dm]), to: file, rowLimit: 3)
        let book = try XLSXReader(path: file)
        #expect(book.sheetNames == ["Study", "DM", "DM (2)", "DM (3)", "Findings"])
        let table = SheetTable(dm)
        for (name, rows) in [("DM", 0..<2), ("DM (2)", 2..<4), ("DM (3)", 4..<5)] {
            let sheet = try #require(book.sheet(name))
            #expect(sheet.grid == Self.expectedGrid(table, rows: rows), "\(name)")
            #expect(sheet.comments.count == 4)
            #expect(sheet.autofilter == "A1:D\(rows.count + 1)")
        }
        let study = try #require(book.sheet("Study"))
        let texts = study.cells.values.compactMap { if case let .string(s) = $0 { return s } else { return nil } }
        #expect(texts.contains("DM, DM (2), DM (3)"))
        #expect(texts.contains("DM has 5 rows, more than one sheet holds (2 data rows); it continues on DM (2), DM (3)."))
    }

    @Test func missingFolderIsAWriteError() throws {
        let file = TestPaths.temporaryDirectory("xlsx").appendingPathComponent("absent/review.xlsx").path
        #expect(throws: TrialExportError.writeFailed(path: file, detail: "the output folder does not exist")) {
            try XLSXWorkbookWriter.write(Self.content(), to: file)
        }
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test func folderInTheWayIsAWriteError() throws {
        let file = TestPaths.temporaryDirectory("xlsx").path
        #expect(throws: TrialExportError.writeFailed(path: file, detail: "a folder has this name")) {
            try XLSXWorkbookWriter.write(Self.content(), to: file)
        }
    }

    @Test func refusedFileIsAWriteErrorFromTheLibrary() throws {
        // /proc passes the folder checks for root but refuses new files: the error comes from
        // workbook_close through `check` (libxlsxwriter also prints it to stderr).
        // Other users fail the writable-folder check first.
        guard FileManager.default.fileExists(atPath: "/proc/self") else { return }
        let expected =
            getuid() == 0
            ? "Error creating output xlsx file. Usually a permissions error. (writing the file)"
            : "the output folder is not writable"
        #expect(throws: TrialExportError.writeFailed(path: "/proc/review.xlsx", detail: expected)) {
            try XLSXWorkbookWriter.write(Self.content(), to: "/proc/review.xlsx")
        }
    }

    @Test func missingTemporaryFolderIsAWriteError() {
        let file = path()
        let tmp = TestPaths.temporaryDirectory("xlsx").appendingPathComponent("absent").path
        #expect(throws: TrialExportError.writeFailed(path: tmp, detail: "the temporary folder does not exist")) {
            try XLSXWorkbookWriter.write(Self.content(), to: file, tmpdir: tmp)
        }
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test func invalidSheetNameIsAWriteError() throws {
        var bad = Self.findings
        bad.name = "Find/ings"
        var content = Self.content()
        content.extraSheets = [bad]
        let file = path()
        do {
            try XLSXWorkbookWriter.write(content, to: file)
            Issue.record("expected a write error")
        } catch let TrialExportError.writeFailed(failed, detail) {
            #expect(failed == file)
            #expect(detail.hasSuffix("(sheet name \"Find/ings\")"), "\(detail)")
            #expect(detail.lowercased().contains("character"), "\(detail)")
        }
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test func tooManyColumnsIsAWriteError() {
        let wide = SheetTable(name: "Wide", columns: (0...16_384).map { "C\($0)" }, rows: [])
        var content = Self.content()
        content.extraSheets = [wide]
        let file = path()
        #expect(
            throws: TrialExportError.writeFailed(path: file, detail: "Wide has 16385 columns, more than a sheet holds (16384)")
        ) {
            try XLSXWorkbookWriter.write(content, to: file)
        }
    }
}
