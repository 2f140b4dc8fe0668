import Foundation
import TestSupport
import Testing
import TrialExportCore

@testable import TrialExportIO

/// Reading a raw file in its declared layout: header row, skipped rows, delimiter, encoding, and
/// column names resolved against the header once.
struct CSVLayoutReadingTests {
    func load(_ bytes: [UInt8], layout: ResolvedFormLayout, required: [String: String] = [:]) throws -> (
        RawTable, [Finding]
    ) {
        let path = writeFixture(bytes, name: "form.csv")
        let findings = FindingCollector()
        let table = try RawFormLoader.load(
            path: path, form: layout.form, requiredColumns: required, findings: findings, displayPath: "form.csv",
            layout: layout)
        return (table, findings.findings)
    }

    @Test func twoHeaderRowsLabelsThenItemIds() throws {
        let text = "Subject Id,Sex\nSUBJID,SEX\nS-01,F\nS-02,M\n"
        let (labels, _) = try load(Array(text.utf8), layout: ResolvedFormLayout(form: "dm", skipRows: 1))
        #expect(labels.header == ["Subject Id", "Sex"])
        #expect(labels.rows.map(\.line) == [3, 4], "line numbers stay physical lines")
        let (ids, _) = try load(Array(text.utf8), layout: ResolvedFormLayout(form: "dm", headerRow: 2))
        #expect(ids.header == ["SUBJID", "SEX"])
        #expect(Array(ids.rows) == [RawRow(line: 3, values: ["S-01", "F"]), RawRow(line: 4, values: ["S-02", "M"])])
    }

    @Test func headerRowBelowATitleLine() throws {
        let text = "Export of 2024-11-05;;\nA;B;C\n1;2;3\n"
        let (table, _) = try load(
            Array(text.utf8), layout: ResolvedFormLayout(form: "x", headerRow: 2, delimiter: UInt8(ascii: ";")))
        #expect(table.header == ["A", "B", "C"] && Array(table.rows) == [RawRow(line: 3, values: ["1", "2", "3"])])
    }

    @Test(arguments: [(";", "a;\"b;c\";d"), ("\t", "a\t\"b\tc\"\td"), ("|", "a|\"b|c\"|d")])
    func delimiters(delimiter: String, line: String) throws {
        let byte = try #require(ResolvedFormLayout.delimiterByte(delimiter))
        let text = "X\(delimiter)Y\(delimiter)Z\n\(line)\n"
        let (table, _) = try load(Array(text.utf8), layout: ResolvedFormLayout(form: "x", delimiter: byte))
        #expect(table.header == ["X", "Y", "Z"])
        #expect(table.rows.first?.values == ["a", "b\(delimiter)c", "d"])
    }

    @Test func latin1DecodesEveryByte() throws {
        let bytes: [UInt8] = Array("Nom;Terme\n".utf8) + [0x5A, 0xFC, 0x72, 0x69, 0x63, 0x68, 0x3B, 0x43, 0xE9, 0x80, 0x0A]
        let (table, findings) = try load(
            bytes, layout: ResolvedFormLayout(form: "x", encoding: .latin1, delimiter: UInt8(ascii: ";")))
        #expect(table.rows.first?.values == ["Zürich", "Cé\u{80}"])
        #expect(findings.isEmpty)
    }

    @Test func windows1252MapsItsLettersAndReportsItsUndefinedBytes() throws {
        let bytes: [UInt8] = Array("A,B\n".utf8) + [0x80, 0x20, 0x93, 0x71, 0x94, 0x2C, 0x78, 0x81, 0x79, 0x0A]
        let (table, findings) = try load(bytes, layout: ResolvedFormLayout(form: "x", encoding: .windows1252))
        #expect(table.rows.first?.values == ["€ \u{201C}q\u{201D}", "x\u{81}y"])
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == "RAW0007" && finding.file == "form.csv" && finding.line == 2 && finding.column == "B")
        #expect(finding.message.contains("\\x81") && finding.value == "x\\u{81}y")
    }

    @Test func utf8StaysStrict() {
        let bytes: [UInt8] = Array("A,B\n".utf8) + [0x43, 0xE9, 0x2C, 0x78, 0x0A]
        #expect(throws: TrialExportError.self) { try load(bytes, layout: ResolvedFormLayout(form: "x")) }
    }

    @Test func columnsResolveIgnoringCaseAndSpacesOnce() throws {
        let text = "Subject Id, Wt. (kg) ,IT.AETERM,Poids\u{E9}\n1,70,Headache,x\n"
        let required = ["subject  id": "AE spec", "wt. (KG)": "VS.VSORRES", "IT.AETERM": "AE.AETERM", "POIDSÉ": "VS.X"]
        let (table, findings) = try load(Array(text.utf8), layout: ResolvedFormLayout(form: "x"), required: required)
        #expect(table.columnIndex["subject  id"] == 0 && table.columnIndex["wt. (KG)"] == 1)
        #expect(table.columnIndex["IT.AETERM"] == 2 && table.columnIndex["POIDSÉ"] == 3)
        #expect(findings.map(\.code) == ["RAW0008", "RAW0008", "RAW0008"])
    }

    @Test func caseTwinsAreASpecErrorListingThem() {
        let text = "Subject Id,Subject ID\n1,2\n"
        let error = #expect(throws: TrialExportError.self) {
            try load(
                Array(text.utf8), layout: ResolvedFormLayout(form: "x"), required: ["subject id": "DM spec (subject column)"])
        }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("\"Subject Id\", \"Subject ID\"") && message.contains("DM spec (subject column)"), "\(message)")
    }

    @Test func missingColumnSuggestsTheClosest() {
        let text = "AETERM,AESTDAT\n1,2\n"
        let error = #expect(throws: TrialExportError.self) {
            try load(Array(text.utf8), layout: ResolvedFormLayout(form: "x"), required: ["AESTDTA": "AE.AESTDTC"])
        }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains("AE.AESTDTC (did you mean \"AESTDAT\"?)"), "\(message)")
    }
}
