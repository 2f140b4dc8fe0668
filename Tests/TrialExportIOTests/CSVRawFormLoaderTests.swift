import Foundation
import Testing
import TestSupport
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
        #expect(table.rejected == [
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
            #expect(error.description.hasPrefix("\(path):2: column 2: the bytes are not valid UTF-8."))
        }
    }
}
