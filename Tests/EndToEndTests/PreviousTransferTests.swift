import Foundation
import TestSupport
import Testing

/// `export --previous DIR`: the workbook lists what changed since the last transfer.
struct PreviousTransferTests {
    @Test func changesSinceThePreviousTransferAreListedAndMarked() throws {
        let base = TestPaths.temporaryDirectory("previous")
        let raw = base.appendingPathComponent("edc")
        try FileManager.default.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent("examples/NCT05549466/edc"), to: raw)
        let week1 = base.appendingPathComponent("week1"), week2 = base.appendingPathComponent("week2")
        #expect(try BinaryRunner.run(["export", "--raw", raw.path, "--out", week1.path, "--quiet"]).status == 0)

        // A data-cleaning correction: the first AE's grade goes from 2 to 3.
        let ae = raw.appendingPathComponent("ae.csv")
        var lines = try String(contentsOf: ae, encoding: .utf8).components(separatedBy: "\r\n")
        var fields = lines[1].components(separatedBy: ",")
        let gradeColumn = lines[0].components(separatedBy: ",").firstIndex(of: "AETOXGR")!
        #expect(fields[gradeColumn] == "2")
        fields[gradeColumn] = "3"
        lines[1] = fields.joined(separator: ",")
        try lines.joined(separator: "\r\n").write(to: ae, atomically: true, encoding: .utf8)

        let result = try BinaryRunner.run(["export", "--raw", raw.path, "--out", week2.path, "--previous", week1.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let workbook = try XLSXReader(path: week2.appendingPathComponent("NCT05549466-sdtm.xlsx").path)
        let grid = try #require(workbook.sheet("Changes")).grid.map { row in
            row.map { cell -> String in
                switch cell {
                case .string(let s)?: return s
                case .number(let n)?: return String(Int(n))
                default: return ""
                }
            }
        }
        // The previous transfer is named and the counts come first, then the header and the changes.
        #expect(grid.first?.first == "Changes since the previous transfer (data cut-off 2025-06-30)")
        #expect(grid.dropFirst().first?.first == "AE: 1 changed")
        let header = try #require(grid.firstIndex { $0.first == "Dataset" })
        #expect(grid[header] == ["Dataset", "Change", "Key", "Variable", "Previous", "Current", "Row"])
        let changes = Array(grid[(header + 1)...])
        #expect(changes.count == 1, "exactly one change: \(changes)")
        let change = try #require(changes.first)
        #expect(
            [change[0], change[1], change[3], change[4], change[5], change[6]] == ["AE", "changed", "AETOXGR", "2", "3", "1"])
        #expect(change[2].hasPrefix("USUBJID=NCT05549466-"), "the key names its variables: \(change[2])")
        #expect(!change[2].contains("STUDYID"))
        let changesXML = try XLSXPackage(path: week2.appendingPathComponent("NCT05549466-sdtm.xlsx").path)
        let sheets = try changesXML.text("xl/workbook.xml")
        #expect(sheets.contains("name=\"Changes\""))
        // The AE sheet (4th: Study, DM, SUPPDM, AE) styles the changed row's cells; week 1 styles only the header.
        #expect(workbook.sheetNames[3] == "AE")
        func styledCells(_ folder: URL) throws -> Int {
            try XLSXPackage(path: folder.appendingPathComponent("NCT05549466-sdtm.xlsx").path).text("xl/worksheets/sheet4.xml")
                .components(separatedBy: " s=\"").count - 1
        }
        let columns = try #require(workbook.sheet("AE")).grid[0].count
        #expect(try styledCells(week1) == columns)
        #expect(try styledCells(week2) == 2 * columns, "every cell of the changed row is filled")
        // The changed cell holds its previous value as a comment, and the link goes to AE's row 2.
        let comments = try (1...12).map { try changesXML.text("xl/comments\($0).xml") }.joined()
        #expect(comments.contains("Previous transfer: 2"))
        let sheetsXML = try (1...30).map { try changesXML.text("xl/worksheets/sheet\($0).xml") }.joined()
        #expect(sheetsXML.contains("AE'!A2\"") || sheetsXML.contains("AE&apos;!A2\""), "a link to the changed row")
        let sheetWithoutPrevious = try XLSXReader(path: week1.appendingPathComponent("NCT05549466-sdtm.xlsx").path)
        #expect(sheetWithoutPrevious.sheet("Changes") == nil)
    }

    @Test func aBrokenPreviousExportFailsNamingTheFileAndLineAndWritesNothing() throws {
        let base = TestPaths.temporaryDirectory("previous-broken")
        let week1 = base.appendingPathComponent("week1"), week2 = base.appendingPathComponent("week2")
        #expect(try BinaryRunner.run(["export", "--out", week1.path, "--quiet"]).status == 0)
        // Last week's AE file loses the end of its third record (line 4).
        let ae = week1.appendingPathComponent("csv/ae.csv")
        var lines = try String(contentsOf: ae, encoding: .utf8).components(separatedBy: "\n")
        lines[3] = lines[3].components(separatedBy: ",").prefix(3).joined(separator: ",")
        try lines.joined(separator: "\n").write(to: ae, atomically: true, encoding: .utf8)

        let result = try BinaryRunner.run(["export", "--out", week2.path, "--previous", week1.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(ae.path):4: 3 fields where the header has"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: week2.path), "no half-written export")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == ["week1"], "no staging folder left")
    }
}
