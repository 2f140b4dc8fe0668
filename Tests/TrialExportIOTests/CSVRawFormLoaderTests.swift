import Foundation
import TestSupport
import Testing
import TrialExportCore

@testable import TrialExportIO

struct CSVRawFormLoaderTests {
    @Test func loadsFormWithHeaderIndex() throws {
        let path = writeFixture("SUBJID,SEX,AGE\r\n001,F,64\r\n002,M,\r\n", name: "dm.csv")
        let findings = FindingCollector()
        let table = try RawFormLoader.load(path: path, form: "dm", requiredColumns: ["SEX": "DM.SEX"], findings: findings)
        #expect(table.form == "dm")
        #expect(table.file == path)
        #expect(table.header == ["SUBJID", "SEX", "AGE"])
        #expect(Array(table.rows) == [RawRow(line: 2, values: ["001", "F", "64"]), RawRow(line: 3, values: ["002", "M", ""])])
        #expect(table.value("AGE", in: table.rows[0]) == "64")
        #expect(table.rejected.isEmpty)
        #expect(findings.findings.isEmpty)
    }

    @Test func raggedRowsBecomeFindingsAndLoadingGoesOn() throws {
        let path = writeFixture("A,B,C\n1,2,3\n4,5\n\"x\ny\",7,8,9\n10,11,12\n", name: "ae.csv")
        let findings = FindingCollector()
        let table = try RawFormLoader.load(path: path, form: "ae", requiredColumns: [:], findings: findings)
        #expect(table.rows.map(\.line) == [2, 6])
        #expect(
            table.rejected == [
                RejectedRecord(form: "ae", line: 3, reason: "record has 2 fields, the header has 3"),
                RejectedRecord(form: "ae", line: 4, reason: "record has 4 fields, the header has 3"),
            ])
        let found = findings.findings
        #expect(found.count == 2)
        #expect(found.map(\.code) == ["RAW0001", "RAW0001"])
        #expect(found.map(\.severity) == [.error, .error])
        #expect(found.map(\.line) == [3, 4])
        #expect(found.allSatisfy { $0.file == path && !$0.hint.isEmpty })
        #expect(found[0].message == "record has 2 fields, the header has 3")
    }

    @Test func paddedValuesOfReadColumnsAreNotesAtTheirCellsAndCountedPastTheLimit() throws {
        var text = "Subject,SEV,NOTE\n1, Mild ,  x\n2,\t,y\n"
        for i in 0..<(PaddedValues.limit + 3) { text += "s\(i),Mild ,z\n" }
        let path = writeFixture(text, name: "ae.csv")
        let findings = FindingCollector()
        let table = try RawFormLoader.load(path: path, form: "ae", requiredColumns: ["SEV": "AE.AESEV"], findings: findings)
        #expect(findings.findings.isEmpty, "the loader keeps values as they are")
        PaddedValues.report(table, columns: ["SEV", "NOT_A_COLUMN"], findings: findings)
        let found = findings.findings
        #expect(found.allSatisfy { $0.code == "RAW0009" && $0.severity == .note && $0.column == "SEV" }, "NOTE is not read")
        #expect(found.count == PaddedValues.limit + 1)
        #expect(found[0].line == 2 && found[0].value == " Mild " && found[0].message.contains("the value used is \"Mild\""))
        #expect(found[1].line == 3 && found[1].message.contains("empty (null)"), "a value of spaces only becomes null")
        let last = try #require(found.last)
        #expect(last.line == 2 + PaddedValues.limit && last.message.hasPrefix("5 more values"))
    }

    @Test func duplicatedHeaderIsFatal() {
        let path = writeFixture("A,B,A,C,B\n1,2,3,4,5\n")
        #expect(throws: TrialExportError.duplicateHeader(path: path, column: "A", positions: [1, 3])) {
            try RawFormLoader.load(path: path, form: "x", requiredColumns: [:], findings: FindingCollector())
        }
    }

    @Test func missingRequiredColumnIsFatal() {
        let path = writeFixture("A,B\n1,2\n")
        let required = ["A": "DM.USUBJID", "BRTHDAT": "DM.BRTHDTC", "SEX": "DM.SEX"]
        // The first missing column in name order is reported.
        #expect(throws: TrialExportError.missingColumn(path: path, column: "BRTHDAT", neededBy: "DM.BRTHDTC")) {
            try RawFormLoader.load(path: path, form: "x", requiredColumns: required, findings: FindingCollector())
        }
    }

    @Test func emptyFileIsFatal() {
        let path = writeFixture("")
        #expect(throws: TrialExportError.emptyFile(path: path)) {
            try RawFormLoader.load(path: path, form: "x", requiredColumns: [:], findings: FindingCollector())
        }
    }

    @Test(arguments: [("dm.csv", "dm"), ("/a/b/vs_2.CSV", "vs_2"), ("notes", "notes")])
    func formName(_ path: String, _ form: String) {
        #expect(RawFormLoader.formName(ofPath: path) == form)
    }

    @Test func messagesNameFileLineAndColumn() throws {
        let path = writeFixture("A,B\n1,".utf8 + [0xFF] + Array("\n".utf8))
        do {
            _ = try RawFormLoader.load(path: path, form: "x", requiredColumns: [:], findings: FindingCollector())
            Issue.record("expected an error")
        } catch let error as TrialExportError {
            #expect(error.description.hasPrefix("\(path):2: column 2 (B): the bytes are not valid UTF-8: \"\\xFF\""))
        }
    }

    @Test func exactCopiesAreDroppedAsRejectedRecordsNamingTheFirst() throws {
        let path = writeFixture("S,T\n1,a\n2,b\n1,a\n1,a \n2,b\n1,a\n", name: "ae.csv")
        let findings = FindingCollector()
        let table = try RawFormLoader.load(
            path: path, form: "ae", requiredColumns: [:], findings: findings, displayPath: "ae.csv")
        // "1,a " differs by a space: not a copy.
        #expect(table.rows.map(\.line) == [2, 3, 5])
        #expect(table.rows.map(\.values) == [["1", "a"], ["2", "b"], ["1", "a "]])
        #expect(table.rejected.map(\.line) == [4, 6, 7])
        let found = findings.findings
        #expect(found.map(\.code) == ["RAW0006", "RAW0006", "RAW0006"])
        #expect(found.map(\.severity) == [.warning, .warning, .warning])
        #expect(found.map(\.line) == [4, 6, 7] && found.allSatisfy { $0.file == "ae.csv" })
        #expect(found.map(\.value) == ["1,a", "2,b", "1,a"])
        #expect(found[1].message.hasPrefix("record is an exact copy of the record on line 3 of form ae"))
        #expect(found[2].message.hasPrefix("record is an exact copy of the record on line 2 of form ae"))
    }

    @Test func copiesAreFoundAmongManyRecords() throws {
        // Enough distinct records that codes widen past one and two bytes, each repeated once at the end.
        let records = (0..<70_000).map { "\($0 % 300),\($0)" }
        let path = writeFixture((["A,B"] + records + records.suffix(3)).joined(separator: "\n") + "\n")
        let findings = FindingCollector()
        let table = try RawFormLoader.load(path: path, form: "x", requiredColumns: [:], findings: findings)
        #expect(table.rowCount == 70_000)
        #expect(table.rejected.map(\.line) == [70_002, 70_003, 70_004])
        #expect(
            findings.findings.map(\.message).allSatisfy {
                $0.contains("line 69999") || $0.contains("line 70000") || $0.contains("line 70001")
            })
    }

    @Test func controlCharactersAndByteOrderMarksBecomeFindingsAtTheirColumn() throws {
        let path = writeFixture(
            Array("SITE,TERM\r\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("101,Head".utf8) + [0x00]
                + Array("ache\r\n".utf8), name: "ae.csv")
        let findings = FindingCollector()
        let table = try RawFormLoader.load(
            path: path, form: "ae", requiredColumns: [:], findings: findings, displayPath: "ae.csv")
        #expect(Array(table.rows) == [RawRow(line: 2, values: ["101", "Head\0ache"])])
        let found = findings.findings
        #expect(found.map(\.code) == ["RAW0004", "RAW0003"])
        #expect(found.map(\.severity) == [.warning, .error])
        #expect(found.map(\.column) == ["SITE", "TERM"] && found.allSatisfy { $0.line == 2 && $0.file == "ae.csv" })
        #expect(found.map(\.value) == ["\\u{FEFF}101", "Head\\u{0}ache"])
        #expect(found[1].message.contains("(U+0000)"))
        #expect(found[0].message.contains("the value used is \"101\""))
    }

    @Test func mixedLineEndsAreANote() throws {
        let path = writeFixture("A\r\n1\r\n2\n3\r\n", name: "x.csv")
        let findings = FindingCollector()
        _ = try RawFormLoader.load(path: path, form: "x", requiredColumns: [:], findings: findings, displayPath: "x.csv")
        let found = try #require(findings.findings.first)
        #expect(findings.findings.count == 1)
        #expect(found.code == "RAW0005" && found.severity == .note && found.line == 3)
        #expect(
            found.message.hasPrefix(
                "records end in more than one line-end style: 3 CRLF (first on line 1), 1 LF (first on line 3)"))
    }
}
