import Foundation
import TestSupport
import Testing
import TrialExportIO

/// The example study with its AE dates exported the US way (`MM/DD/YYYY`): declared in the spec,
/// the export is the same as the example's; undeclared, every such date is an error at its file,
/// line and column and none is read (never a swapped day and month).
struct DeclaredDateFormatTests {
    static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    /// `05 JAN 2023` -> `01/05/2023`, `UN JAN 2023` -> `01/UN/2023`, `UN UNK 2023` -> `UN/UN/2023`.
    static func usDates(_ text: String) -> String {
        let pattern = try! NSRegularExpression(pattern: "\\b(\\d\\d|UN) ([A-Z]{3}) (\\d{4})\\b")
        var out = text as NSString
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: out.length)).reversed() {
            let day = out.substring(with: match.range(at: 1)), month = out.substring(with: match.range(at: 2))
            let number = months.firstIndex(of: month).map { String(format: "%02d", $0 + 1) } ?? "UN"
            let us = "\(number)/\(day)/\(out.substring(with: match.range(at: 3)))"
            out = out.replacingCharacters(in: match.range, with: us) as NSString
        }
        return out as String
    }

    /// The example's raw data with US dates in ae.csv, and a copy of its study, `declared` or not.
    func study(declared: Bool, inForms: Bool = false) throws -> (raw: URL, study: URL, out: URL) {
        let base = TestPaths.temporaryDirectory("usdates")
        let raw = base.appendingPathComponent("edc"), study = base.appendingPathComponent("study")
        try FileManager.default.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent("examples/NCT05549466/edc"), to: raw)
        try FileManager.default.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466"), to: study)
        let ae = raw.appendingPathComponent("ae.csv")
        try Self.usDates(try String(contentsOf: ae, encoding: .utf8)).write(to: ae, atomically: true, encoding: .utf8)
        if inForms {
            // The form's layout declares it once for every date field of ae.csv, whichever spec reads it.
            try "forms:\n  - {name: ae, dateFormat: MM/DD/YYYY}\n".write(
                to: study.appendingPathComponent("forms.yaml"), atomically: true, encoding: .utf8)
        } else if declared {
            try edit(
                study.appendingPathComponent("domains/ae.yaml"), "    dateField: AESTDAT\n",
                "    dateField: AESTDAT\n    dateFormat: MM/DD/YYYY\n")
            for column in ["AESTDAT", "AEENDAT"] {
                try edit(
                    study.appendingPathComponent("domains/dm.yaml"), "{form: ae, date: \(column)}",
                    "{form: ae, date: \(column), dateFormat: MM/DD/YYYY}")
            }
        }
        return (raw, study, base.appendingPathComponent("out"))
    }

    private func edit(_ file: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(file.lastPathComponent) holds \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    private func export(_ s: (raw: URL, study: URL, out: URL)) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["export", "--raw", s.raw.path, "--study", s.study.path, "--out", s.out.path, "--quiet"])
    }

    private func findings(_ out: URL) throws -> [[String: String]] {
        var header: [String] = [], rows: [[String: String]] = []
        try CSVReader(path: out.appendingPathComponent("findings.csv").path).read(
            header: { header = $0 }, record: { rows.append(Dictionary(uniqueKeysWithValues: zip(header, $0.values))) })
        return rows
    }

    @Test func usDatesConvertedAsTheTestExpects() {
        #expect(Self.usDates("x,05 JAN 2023,08:04,UN DEC 2022,UN UNK 2023") == "x,01/05/2023,08:04,12/UN/2022,UN/UN/2023")
    }

    @Test(arguments: [false, true])
    func declaredUSDatesGiveTheExampleExportExactly(inForms: Bool) throws {
        let s = try study(declared: true, inForms: inForms)
        let result = try export(s)
        #expect(result.status == 0, "\(result.stderr)")
        let goldens = TestPaths.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Goldens/NCT05549466")
        for name in ["ae.csv", "suppae.csv", "dm.csv"] {
            let actual = try Data(contentsOf: s.out.appendingPathComponent("csv/\(name)"))
            #expect(actual == (try Data(contentsOf: goldens.appendingPathComponent(name))), "\(name) differs from the example's")
        }
        // The same findings, a padded AE value (RAW0009) quoted as it is in the US-dated file.
        let golden = try String(contentsOf: goldens.appendingPathComponent("findings.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.contains(",RAW0009,ae.csv,") ? Self.usDates(String($0)) : String($0) }.joined(separator: "\n")
        let actual = try String(contentsOf: s.out.appendingPathComponent("findings.csv"), encoding: .utf8)
        #expect(actual == golden)
        #expect(golden.contains(",RAW0009,ae.csv,"), "the example pads some AE values")
    }

    @Test func anInvalidFormatInFormsYAMLIsASpecErrorAtItsLine() throws {
        let s = try study(declared: false)
        try "defaults:\n  dateFormat: MM/DD/YY\n".write(
            to: s.study.appendingPathComponent("forms.yaml"), atomically: true, encoding: .utf8)
        let result = try export(s)
        #expect(result.status != 0)
        #expect(result.stderr.contains("forms.yaml:2:15"), "\(result.stderr)")
        #expect(result.stderr.contains("invalid date format \"MM/DD/YY\""), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: s.out.path))
    }

    @Test func undeclaredUSDatesAreErrorsAtTheirLocationAndNeverSwapped() throws {
        let s = try study(declared: false)
        let result = try export(s)
        #expect(result.status == 1)
        let found = try findings(s.out).filter { $0["Code"] == "MAP0015" }
        // ae.csv line 2: 101-0002's first AE, 01 DEC 2022 to 25 JAN 2023, now 12/01/2022 and 01/25/2023.
        let start = try #require(found.first { $0["Line"] == "2" && $0["Column"] == "AESTDAT" })
        #expect(start["File"] == "ae.csv" && start["Value"] == "12/01/2022" && start["Variable"] == "AESTDTC")
        #expect(start["Severity"] == "error" && start["Hint"]!.contains("dateFormat: `DD/MM/YYYY` or dateFormat: `MM/DD/YYYY`"))
        // 01/25/2023 has one possible reading, and is refused all the same: the column's order is declared, not guessed.
        #expect(found.contains { $0["Line"] == "2" && $0["Column"] == "AEENDAT" && $0["Value"] == "01/25/2023" })
        #expect(result.stderr.contains("ae.csv:2"))
        var header: [String] = [], rows: [[String]] = []
        try CSVReader(path: s.out.appendingPathComponent("csv/ae.csv").path).read(
            header: { header = $0 }, record: { rows.append($0.values) })
        let columns = ["AESTDTC", "AEENDTC"].compactMap { header.firstIndex(of: $0) }
        // Only `UN/UN/2023` (one reading: the year) is read; no day or month is.
        #expect(columns.count == 2 && rows.allSatisfy { row in columns.allSatisfy { row[$0].count <= 4 } })
        #expect(!found.contains { $0["Value"]!.hasPrefix("UN/UN/") })
        let unknownDay = try #require(found.first { $0["Value"] == "12/UN/2022" }, "an unknown day: still the order to declare")
        #expect(unknownDay["File"] == "ae.csv" && unknownDay["Line"] != nil)
    }

    @Test(arguments: [
        ("MM/DD/YY", "YY (two-digit year) needs its century window"),
        ("MM/DD/YYYY; years 1950", "unknown option \"years 1950\""),
        ("MM/DD/YYYYY", "\"YYYYY\" is not a token"),
    ])
    func invalidFormatIsASpecErrorAtItsYAMLLocation(pattern: String, reason: String) throws {
        let s = try study(declared: true)
        try edit(s.study.appendingPathComponent("domains/ae.yaml"), "dateFormat: MM/DD/YYYY\n", "dateFormat: \"\(pattern)\"\n")
        let result = try export(s)
        #expect(result.status == 1, "a spec error stops the run")
        #expect(
            result.stderr.contains("ae.yaml:10:17: records[0].dateFormat: invalid date format \"\(pattern)\": \(reason)"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: s.out.path), "nothing is written")
    }
}
