import Foundation
import TestSupport
import Testing
import TrialExportCore

@testable import TrialExportIO

/// A large ODM file is cut before its SubjectData and the parts parsed on all cores: the result
/// must be the one parser's, byte for byte, and anything that could make it differ must send the
/// file back to one parser.
struct ODMSegmentedReadTests {
    /// `count` subjects with AE and VS forms, a vendor's namespaced elements and attributes, an
    /// audit record, a removed form, an unknown item, a value that does not fit its ItemDef, and
    /// the form AE met first in a later subject.
    func subjects(_ count: Int) -> String {
        (1...count).map { i in
            let key = String(format: "%03d", i)
            var text = """
                <SubjectData SubjectKey="\(key)" mdsol:SubjectName="S\(key)"><SiteRef LocationOID="S0\(i % 3)"/>
                <StudyEventData StudyEventOID="SE.V" StudyEventRepeatKey="1">
                <FormData FormOID="F.VS" FormRepeatKey="1">
                <ItemGroupData ItemGroupOID="IG.VSH"><ItemData ItemOID="I.VSDAT" Value="2024-01-\(String(format: "%02d", i % 28 + 1))"/></ItemGroupData>
                <ItemGroupData ItemGroupOID="IG.VS" ItemGroupRepeatKey="1"><ItemData ItemOID="I.VSTESTCD" Value="SYSBP"/><ItemData ItemOID="I.VSORRES" Value="\(110 + i)"/></ItemGroupData>
                <ItemGroupData ItemGroupOID="IG.VS" ItemGroupRepeatKey="2"><ItemData ItemOID="I.VSTESTCD" Value="DIABP"/><ItemData ItemOID="I.VSORRES" Value="\(70 + i % 9)"/></ItemGroupData>
                </FormData>
                """
            if i % 4 == 2 {
                text += """
                    <FormData FormOID="F.AE" FormRepeatKey="1">
                    <ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Headache \(i)"/><ItemData ItemOID="I.AESTDAT" Value="\(i % 8 == 2 ? "02 JAN 2024" : "2024-01-02")"/>
                    <AuditRecord><UserRef UserOID="U1"/><LocationRef LocationOID="S01"/><DateTimeStamp>2024-01-02T10:00:00</DateTimeStamp></AuditRecord></ItemGroupData>
                    <ItemGroupData ItemGroupOID="IG.AE2"><ItemData ItemOID="I.AESER" Value="\(i % 3 == 0 ? "Y" : "N")"/><ItemData ItemOID="I.AEXX" Value="odd"/><mdsol:Note>n</mdsol:Note></ItemGroupData>
                    </FormData>
                    """
            }
            if i % 5 == 3 {
                text += """
                    <FormData FormOID="F.AE" FormRepeatKey="2" TransactionType="Remove">
                    <ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Removed"/></ItemGroupData>
                    </FormData>
                    """
            }
            return text + "\n</StudyEventData>\n</SubjectData>"
        }.joined(separator: "\n")
    }

    func document(_ clinical: String) -> String {
        ODMFixtures.document(clinical).replacingOccurrences(
            of: "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\"",
            with: "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" xmlns:mdsol=\"http://www.mdsol.com/ns/odm/metadata\"")
    }

    @Test(arguments: [1, 200, 1000, 4000])
    func manySubjectsReadInPartsAsByOneParser(partBytes: Int) throws {
        let path = try ODMFixtures.write(document(subjects(40)))
        // The parts are really used (no fallback to one parser) ...
        #expect(ODMSegmentedRead.read(path: path, display: "study.xml", partBytes: partBytes) != nil)
        // ... and give what one parser gives.
        let read = try ODMFixtures.readBothWays(path, display: "study.xml", partBytes: partBytes)
        let vs = try #require(read.tables.first { $0.form == "vs" })
        #expect(vs.rowCount == 80)
        #expect(
            Set(read.findings.map(\.code)).isSuperset(of: ["ODM0001", "ODM0003", "ODM0005", "ODM0007"]),
            "\(read.findings.map(\.code))")
    }

    /// A Windows export: CR LF line ends, a byte-order mark, pretty-printed with tabs. The parts
    /// are used and give what one parser gives, lines included.
    @Test func aWindowsExportWithCRLFAndAByteOrderMarkIsReadInParts() throws {
        let text = document(subjects(12)).replacingOccurrences(of: "\n<", with: "\n\t<")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let path = try ODMFixtures.write(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
        #expect(ODMSegmentedRead.read(path: path, display: "study.xml", partBytes: 1) != nil)
        let read = try ODMFixtures.readBothWays(path, display: "study.xml")
        let vs = try #require(read.tables.first { $0.form == "vs" })
        #expect(vs.rowCount == 24)
        let dataType = try #require(read.findings.first { $0.code == "ODM0007" })
        #expect(dataType.line == text.prefix(upTo: text.range(of: "02 JAN 2024")!.lowerBound).filter { $0 == "\r\n" }.count + 1)
    }

    @Test func aSubjectDataInsideACommentSendsTheFileToOneParser() throws {
        let clinical = subjects(3) + "\n<!-- <SubjectData SubjectKey=\"999\"> old --> \n" + subjects(2)
        let path = try ODMFixtures.write(document(clinical))
        #expect(ODMSegmentedRead.read(path: path, display: "study.xml", partBytes: 1) == nil)
        _ = try ODMFixtures.readBothWays(path, display: "study.xml")
    }

    @Test func aCDATASectionOrProcessingInstructionSendsTheFileToOneParser() throws {
        for markup in ["<![CDATA[ <SubjectData SubjectKey=\"9\"> ]]>", "<?vendor <SubjectData SubjectKey=\"9\"> ?>"] {
            let clinical =
                subjects(2).replacingOccurrences(of: "<mdsol:Note>n</mdsol:Note>", with: "") + "\n" + markup + "\n" + subjects(2)
            let path = try ODMFixtures.write(document(clinical))
            #expect(ODMSegmentedRead.read(path: path, display: "study.xml", partBytes: 1) == nil, "\(markup)")
            _ = try ODMFixtures.readBothWays(path, display: "study.xml")
        }
    }

    @Test func anErrorInALaterPartIsReportedAsByOneParser() throws {
        let broken = subjects(6).replacingOccurrences(of: "Value=\"Headache 6\"/>", with: "Value=\"Headache 6\">")
        let path = try ODMFixtures.write(document(broken))
        #expect(ODMSegmentedRead.read(path: path, display: "study.xml", partBytes: 1) == nil)
        let error = #expect(throws: ODMError.self) { try ODMFixtures.readBothWays(path, display: "study.xml") }
        guard case .malformed(_, let line, _, _) = try #require(error) else {
            Issue.record("\(String(describing: error))"); return
        }
        #expect(line > 30)
    }

    @Test func aTruncatedFileIsReportedAsByOneParser() throws {
        let text = document(subjects(6))
        let cut = String(text.prefix(text.count - 40))
        let path = try ODMFixtures.write(cut)
        #expect(ODMSegmentedRead.read(path: path, display: "study.xml", partBytes: 1) == nil)
        #expect(throws: ODMError.self) { try ODMFixtures.readBothWays(path, display: "study.xml") }
    }

    @Test func metadataAfterTheFirstPartSendsTheFileToOneParser() throws {
        let late =
            "<Study OID=\"S2\"><MetaDataVersion OID=\"M2\" Name=\"late\"><CodeList OID=\"CL.LATE\" Name=\"late\" DataType=\"text\"/></MetaDataVersion></Study>"
        let text = document(subjects(4)).replacingOccurrences(
            of: "</ClinicalData>\n</ODM>", with: "</ClinicalData>\n\(late)\n</ODM>")
        let path = try ODMFixtures.write(text)
        #expect(ODMSegmentedRead.read(path: path, display: "study.xml", partBytes: 1) == nil)
        let read = try ODMFixtures.readBothWays(path, display: "study.xml")
        #expect(read.metadata.codeLists["CL.LATE"] != nil)
    }

    @Test func tablesJoinedAsIfAppendedOneByOne() {
        let header = ["A", "B"]
        let rows = (0..<50).map { RawRow(line: $0 + 2, values: ["v\($0 % 7)", $0 % 3 == 0 ? "" : " x\($0 % 5) "]) }
        let whole = RawTable(form: "f", file: "f.csv", header: header, rows: rows)
        var joined = RawTable(form: "f", file: "f.csv", header: header, rows: Array(rows[0..<20]))
        joined.append(contentsOf: RawTable(form: "f", file: "f.csv", header: header, rows: Array(rows[20...])))
        #expect(Array(joined.rows) == Array(whole.rows))
        for row in 0..<50 {
            #expect(joined.cleanValue(row, 1) == whole.cleanValue(row, 1))
            #expect(joined.line(row) == whole.line(row))
        }
    }
}
