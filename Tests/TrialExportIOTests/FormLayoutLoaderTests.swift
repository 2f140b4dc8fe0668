import Foundation
import TestSupport
import Testing
import TrialExportCore

@testable import TrialExportIO

/// `forms.yaml`: decoding, defaults, and each mistake reported at its file, line and column.
struct FormLayoutLoaderTests {
    func write(_ yaml: String) -> String {
        let path = TestPaths.temporaryDirectory("forms").appendingPathComponent("forms.yaml").path
        FileManager.default.createFile(atPath: path, contents: Data(yaml.utf8))
        return path
    }

    func message(_ yaml: String) -> String {
        do {
            _ = try FormLayoutLoader.load(write(yaml))
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func decodesFormsWithDefaultsApplied() throws {
        let layouts = try #require(
            try FormLayoutLoader.load(
                write(
                    """
                    defaults: {encoding: latin1, delimiter: ";", headerRow: 1, skipRows: 0, subjectColumn: Subject, dateFormat: DD/MM/YYYY}
                    forms:
                      - name: ae
                        file: "MYSTUDY_AE_*.csv"
                        headerRow: 2
                        skipRows: 1
                        encoding: windows-1252
                        delimiter: "\\t"
                        subjectColumn: Subject Id
                        key: [AESPID]
                        dateFormat: MM/DD/YYYY
                        timeFormat: hh:mm a
                      - {name: dm}
                    """)))
        let ae = layouts.resolved("ae")
        #expect(ae.file == "MYSTUDY_AE_*.csv" && ae.headerRow == 2 && ae.skipRows == 1)
        #expect(ae.encoding == .windows1252 && ae.delimiter == 0x09 && ae.subjectColumn == "Subject Id" && ae.key == ["AESPID"])
        let dm = layouts.resolved("dm")
        #expect(dm.file == nil && dm.headerRow == 1 && dm.encoding == .latin1 && dm.delimiter == UInt8(ascii: ";"))
        #expect(dm.subjectColumn == "Subject")
        #expect(layouts.dateFormat(forForm: "ae") == "MM/DD/YYYY" && layouts.dateFormat(forForm: "dm") == "DD/MM/YYYY")
        #expect(layouts.timeFormat(forForm: "ae") == "hh:mm a" && layouts.timeFormat(forForm: "dm") == nil)
        #expect(layouts.resolved("ex").file == nil)
    }

    @Test func noFileMeansNoLayouts() throws {
        #expect(try FormLayoutLoader.load("/nonexistent/forms.yaml") == nil)
    }

    @Test(arguments: [
        ("forms:\n  - name: ae\n    hedaerRow: 2\n", ":3:5:", "Did you mean \"headerRow\"?"),
        ("forms:\n  - name: ae\n    encoding: latin-9\n", ":3:15:", "unknown encoding \"latin-9\""),
        ("forms:\n  - name: ae\n    delimiter: \";;\"\n", ":3:16:", "one ASCII character"),
        ("forms:\n  - name: ae\n    headerRow: 0\n", ":3:16:", "1 or more"),
        ("defaults: {skipRows: -1}\n", ":1:22:", "0 or more"),
        ("forms:\n  - name: ae\n  - name: ae\n", ":3:11:", "its own, non-empty name"),
        ("forms:\n  - name: ae\n    file: raw/ae.csv\n", ":3:11:", "without folders"),
    ])
    func mistakesAreReportedWhereTheyAre(yaml: String, place: String, text: String) {
        let error = message(yaml)
        #expect(error.contains("forms.yaml\(place)"), "\(error)")
        #expect(error.contains(text), "\(error)")
    }

    @Test(arguments: [
        ("MyStudy_AE_*.csv", "MyStudy_AE_20241105_0930.csv", true),
        ("MyStudy_AE_*.csv", "MyStudy_AE_.csv", true),
        ("MyStudy_AE_*.csv", "MyStudy_AEX_2024.csv", false),
        ("MyStudy_AE_*.csv", "mystudy_ae_2024.csv", false),
        ("ae_????.csv", "ae_2024.csv", true),
        ("ae_????.csv", "ae_202.csv", false),
        ("*_AE_*_*.csv", "X_AE_1_2.csv", true),
        ("ae.csv", "ae.csv", true),
        ("ae.csv", "ae.csv.bak", false),
    ])
    func filePatterns(pattern: String, name: String, matches: Bool) {
        #expect(FilePattern.matches(name, pattern: pattern) == matches)
    }

    @Test func formWithoutFileMatchesItsNameAnyCaseOfCSV() {
        let layout = ResolvedFormLayout(form: "ae")
        #expect(layout.matches(fileName: "ae.csv") && layout.matches(fileName: "ae.CSV"))
        #expect(!layout.matches(fileName: "AE.csv") && !layout.matches(fileName: "ae.txt"))
    }

    @Test func delimiters() {
        #expect(ResolvedFormLayout.delimiterByte(";") == UInt8(ascii: ";"))
        #expect(ResolvedFormLayout.delimiterByte("\t") == 0x09 && ResolvedFormLayout.delimiterByte("\\t") == 0x09)
        #expect(ResolvedFormLayout.delimiterByte("\"") == nil && ResolvedFormLayout.delimiterByte("§") == nil)
        #expect(ResolvedFormLayout.delimiterByte("") == nil)
    }

    @Test func encodingNames() {
        #expect(TextEncoding(name: "UTF-8") == .utf8 && TextEncoding(name: "ISO-8859-1") == .latin1)
        #expect(TextEncoding(name: "cp1252") == .windows1252 && TextEncoding(name: "latin-9") == nil)
    }
}
