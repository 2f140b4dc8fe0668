import Foundation
import TestSupport
import Testing
import TrialExportIO

/// Raw values that are easy to lose or change without a word: control characters, byte-order
/// marks, line ends, invalid UTF-8, copied records, duplicated subjects, impossible birth dates.
/// Each case shows the exit status, the finding at its raw file, line and column with the value,
/// that the CSV and the workbook agree, and that the reconciliation still balances.
struct RawValueSafetyTests {
    /// A copy of the example EDC folder with `edit` applied to the lines (split at CRLF) of one form.
    func copy(_ form: String, _ edit: (inout [String]) -> Void) throws -> URL {
        let source = TestPaths.repositoryRoot.appendingPathComponent("examples/NCT05549466/edc")
        let copy = TestPaths.temporaryDirectory("rawsafety").appendingPathComponent("edc")
        try FileManager.default.copyItem(at: source, to: copy)
        let file = copy.appendingPathComponent("\(form).csv")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\r\n")
        edit(&lines)
        try Data(lines.joined(separator: "\r\n").utf8).write(to: file)
        return copy
    }

    func export(_ raw: URL) throws -> (BinaryRunner.Result, URL) {
        let out = raw.deletingLastPathComponent().appendingPathComponent("out")
        return (try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--quiet"]), out)
    }

    /// The rows of a CSV file of the export, as dictionaries by header name.
    func table(_ out: URL, _ path: String) throws -> [[String: String]] {
        var header: [String] = [], rows: [[String: String]] = []
        try CSVReader(path: out.appendingPathComponent(path).path).read(
            header: { header = $0 }, record: { rows.append(Dictionary(uniqueKeysWithValues: zip(header, $0.values))) })
        return rows
    }

    func finding(_ out: URL, _ code: String) throws -> [String: String] {
        try #require(try table(out, "findings.csv").first { $0["Code"] == code }, "no \(code) finding")
    }

    /// The text (or the number, as text) of `variable` in the dataset's sheet, on the row whose `keyVariable` is `key`.
    func workbookCell(_ out: URL, sheet: String, keyVariable: String, key: String, variable: String) throws -> String? {
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let book = try #require(names.first { $0.hasSuffix(".xlsx") })
        let reader = try XLSXReader(path: out.appendingPathComponent(book).path)
        let grid = try #require(reader.sheet(sheet)).grid
        let header = grid[0].map { cell -> String in if case .string(let text)? = cell { text } else { "" } }
        let k = try #require(header.firstIndex(of: keyVariable)), v = try #require(header.firstIndex(of: variable))
        let row = grid.dropFirst().first { $0[k] == .string(key) }
        switch row?[v] {
        case .string(let text)?: return text
        case .number(let number)?: return number == number.rounded() ? String(Int(number)) : String(number)
        default: return nil
        }
    }

    /// Reconciliation of one form: read = rejected + mapped + excluded + not mapped.
    func account(_ out: URL, _ form: String) throws -> (read: Int, rejected: Int, excluded: Int, detail: String) {
        let line = try #require(try reconciliationRow(out, form))
        #expect(
            Int(line[3]) == Int(line[4])! + Int(line[5])! + Int(line[6])! + Int(line[7])!,
            "read = rejected + mapped + excluded + not mapped")
        return (Int(line[3])!, Int(line[4])!, Int(line[6])!, line[8])
    }

    func reconciliationRow(_ out: URL, _ form: String) throws -> [String]? {
        var rows: [[String]] = []
        try CSVReader(path: out.appendingPathComponent("reconciliation.csv").path).read(
            header: { _ in }, record: { rows.append($0.values) })
        return rows.first { $0[0] == "form" && $0[1] == form }
    }

    /// Replaces field `index` (0-based) of line `line` (0-based, the header is 0).
    static func setField(_ lines: inout [String], line: Int, index: Int, to value: String) {
        var fields = lines[line].components(separatedBy: ",")
        fields[index] = value
        lines[line] = fields.joined(separator: ",")
    }

    @Test func nulInAFieldIsKeptInCSVAndWorkbookAlikeWithAnError() throws {
        // ae.csv line 2: 101,101-0002,1,<AETERM>,...
        let (result, out) = try export(try copy("ae") { Self.setField(&$0, line: 1, index: 3, to: "Head\0ache") })
        #expect(result.status == 1)
        let f = try finding(out, "RAW0003")
        #expect(f["Severity"] == "error" && f["File"] == "ae.csv" && f["Line"] == "2" && f["Column"] == "AETERM")
        #expect(f["Value"] == "Head\\u{0}ache" && f["Message"]!.contains("U+0000"))
        #expect(result.stderr.contains("ae.csv:2"))
        let ae = try #require(try table(out, "csv/ae.csv").first { $0["AETERM"]!.hasPrefix("Head") })
        #expect(ae["AETERM"] == "Head\0ache", "the CSV holds the value whole")
        let cell = try workbookCell(out, sheet: "AE", keyVariable: "AETERM", key: "Head\0ache", variable: "AETERM")
        #expect(cell == "Head\0ache", "the workbook cell holds the same value, not \"Head\"")
        #expect(try account(out, "ae").rejected == 0)
    }

    @Test func everyFindingQuotesAControlCharacterAsAnEscape() throws {
        // dm.csv line 2, SEX: the value is also not in the CT map (MAP0001), whose finding quotes it.
        let (result, out) = try export(try copy("dm") { Self.setField(&$0, line: 1, index: 6, to: "Ma\0le") })
        #expect(result.status == 1)
        let f = try finding(out, "MAP0001")
        #expect(
            f["Line"] == "2" && f["Column"] == "SEX" && f["Value"] == "Ma\\u{0}le" && f["Message"]!.contains("\"Ma\\u{0}le\""))
        #expect(try finding(out, "RAW0003")["Value"] == "Ma\\u{0}le")
        #expect(!(try Data(contentsOf: out.appendingPathComponent("findings.csv"))).contains(0), "no NUL byte in findings.csv")
        #expect(!result.stderr.contains("\0"))
    }

    @Test func otherControlCharactersAreKeptAlikeWithAnError() throws {
        let (result, out) = try export(try copy("ae") { Self.setField(&$0, line: 1, index: 3, to: "Bell\u{7}\u{1F}") })
        #expect(result.status == 1)
        let f = try finding(out, "RAW0003")
        #expect(f["Line"] == "2" && f["Column"] == "AETERM" && f["Value"] == "Bell\\u{7}\\u{1F}")
        #expect(try table(out, "csv/ae.csv").contains { $0["AETERM"] == "Bell\u{7}\u{1F}" })
        #expect(try workbookCell(out, sheet: "AE", keyVariable: "AETERM", key: "Bell\u{7}\u{1F}", variable: "AETERM") != nil)
    }

    @Test func byteOrderMarkAtTheStartOfADataLineIsRemovedWithAWarning() throws {
        let (result, out) = try export(try copy("dm") { $0[1] = "\u{FEFF}" + $0[1] })
        #expect(result.status == 0, "a warning: \(result.stderr)")
        let f = try finding(out, "RAW0004")
        #expect(f["Severity"] == "warning" && f["File"] == "dm.csv" && f["Line"] == "2" && f["Column"] == "SiteNumber")
        #expect(f["Value"] == "\\u{FEFF}101")
        let dm = try #require(try table(out, "csv/dm.csv").first { $0["SUBJID"] == "101-0001" })
        #expect(dm["SITEID"] == "101")
        #expect(try workbookCell(out, sheet: "DM", keyVariable: "SUBJID", key: "101-0001", variable: "SITEID") == "101")
        #expect(!(try table(out, "findings.csv").contains { $0["Code"] == "CHK0001" }))
    }

    @Test func crOnlyFileReportsTheRightLines() throws {
        let raw = try copy("dm") { lines in
            Self.setField(&lines, line: 4, index: 6, to: "Mle")
            lines = [lines.joined(separator: "\r")]
        }
        let (result, out) = try export(raw)
        #expect(result.status == 1)
        let f = try finding(out, "MAP0001")
        #expect(f["File"] == "dm.csv" && f["Line"] == "5" && f["Column"] == "SEX" && f["Value"] == "Mle")
        #expect(!(try table(out, "findings.csv").contains { $0["Code"] == "RAW0005" }), "one style throughout")
    }

    @Test func mixedLineEndsAreANoteAndLinesStayRight() throws {
        let raw = try copy("dm") { lines in
            Self.setField(&lines, line: 6, index: 6, to: "Mle")
            lines = [
                lines[0..<3].joined(separator: "\r\n"), lines[3..<5].joined(separator: "\n"),
                lines[5...].joined(separator: "\r\n"),
            ]
        }
        let (result, out) = try export(raw)
        #expect(result.status == 1)
        #expect(try finding(out, "MAP0001")["Line"] == "7")
        let f = try finding(out, "RAW0005")
        #expect(f["Severity"] == "note" && f["File"] == "dm.csv" && f["Line"] == "4")
        #expect(f["Message"]!.contains("1 LF (first on line 4)"))
    }

    @Test func invalidUTF8StopsTheRunShowingTheBytesAndLeavesThePreviousExport() throws {
        let raw = try copy("ae") { _ in }
        let (good, out) = try export(raw)
        #expect(good.status == 0)
        let before = try Data(contentsOf: out.appendingPathComponent("csv/ae.csv"))
        let file = raw.appendingPathComponent("ae.csv")
        var bytes = [UInt8](try Data(contentsOf: file))
        let at = try #require(bytes.firstRange(of: Array("Anaemia".utf8)))
        bytes.replaceSubrange(at, with: Array("An".utf8) + [0xE6] + Array("mia".utf8))
        try Data(bytes).write(to: file)
        let (bad, _) = try export(raw)
        #expect(bad.status == 1)
        #expect(
            bad.stderr.contains("ae.csv:3: column 5 (AEPT):") && bad.stderr.contains("An\\xE6mia"),
            "\(bad.stderr)")
        #expect(try Data(contentsOf: out.appendingPathComponent("csv/ae.csv")) == before, "the previous export is untouched")
    }

    @Test func exactCopyOfARecordIsDroppedWithAWarningAndCounted() throws {
        let (result, out) = try export(try copy("ae") { $0.insert($0[4], at: 5) })
        #expect(result.status == 0, "a warning: \(result.stderr)")
        let f = try finding(out, "RAW0006")
        #expect(f["Severity"] == "warning" && f["File"] == "ae.csv" && f["Line"] == "6")
        #expect(f["Message"]!.contains("line 5"))
        let example = try table(
            TestPaths.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Goldens/NCT05549466"), "ae.csv")
        #expect(try table(out, "csv/ae.csv").count == example.count, "no second AE record")
        let account = try account(out, "ae")
        #expect(account.rejected == 1 && account.detail.contains("rejected line 6"))
    }

    @Test func secondRecordOfADMSubjectIsAnErrorAtItsLineAndExcluded() throws {
        let raw = try copy("dm") { lines in
            var second = lines[3]
            second = second.replacingOccurrences(of: ",Female,", with: ",Male,")
            lines.insert(second, at: 4)
        }
        let (result, out) = try export(raw)
        #expect(result.status == 1)
        let f = try finding(out, "RAW0002")
        #expect(
            f["Severity"] == "error" && f["File"] == "dm.csv" && f["Line"] == "5" && f["Message"]!.contains("first on line 4"))
        let dm = try table(out, "csv/dm.csv")
        #expect(dm.filter { $0["SUBJID"] == "101-0003" }.count == 1)
        #expect(!(try table(out, "findings.csv").contains { $0["Code"] == "CHK0005" }))
        let account = try account(out, "dm")
        #expect(account.excluded == 1 && account.rejected == 0)
    }

    @Test func birthDateAfterTheCutoffIsAnErrorAndAgeIsTheCollectedOne() throws {
        // dm.csv line 2: 101,101-0001,Screening,02 NOV 2022,15 JUN 1974,48,...
        let (result, out) = try export(try copy("dm") { Self.setField(&$0, line: 1, index: 4, to: "15 JUN 2030") })
        #expect(result.status == 1)
        let f = try finding(out, "MAP0009")
        #expect(f["File"] == "dm.csv" && f["Line"] == "2" && f["Column"] == "BRTHDAT" && f["Value"] == "15 JUN 2030")
        let dm = try #require(try table(out, "csv/dm.csv").first { $0["SUBJID"] == "101-0001" })
        #expect((dm["BRTHDTC"] ?? "") == "" && dm["AGE"] == "48")
        #expect(try workbookCell(out, sheet: "DM", keyVariable: "SUBJID", key: "101-0001", variable: "AGE") == "48")
    }

    @Test func eventBeforeBirthIsAnError() throws {
        // ae.csv line 2 is subject 101-0002's first AE; its birth date is 03 FEB 1976.
        let (result, out) = try export(try copy("ae") { Self.setField(&$0, line: 1, index: 7, to: "01 DEC 1975") })
        #expect(result.status == 1)
        let f = try finding(out, "CHK0036")
        #expect(f["Domain"] == "AE" && f["USUBJID"] == "NCT05549466-101-0002" && f["Variable"] == "AESTDTC")
        #expect(f["Value"]!.hasPrefix("1975-12-01") && f["Message"]!.contains("1976-02-03"))
    }
}
