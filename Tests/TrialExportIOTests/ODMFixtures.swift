import Foundation
import TestSupport
import Testing
import TrialExportCore

@testable import TrialExportIO

/// Small ODM documents for the loader tests, written to temporary files.
enum ODMFixtures {
    /// Metadata for form AE (two item groups: AE1 with AETERM, AESTDAT; AE2 with AESER) and VS
    /// (a repeating group with VSTESTCD, VSORRES and a non-repeating group with VSDAT).
    static func metadata(version: String = "1.3.2") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" FileType="Snapshot" FileOID="F" CreationDateTime="2024-01-01T00:00:00" ODMVersion="\(version)">
        <Study OID="S"><GlobalVariables><StudyName>S</StudyName><StudyDescription/><ProtocolName>S</ProtocolName></GlobalVariables>
        <MetaDataVersion OID="MDV" Name="v">
        <FormDef OID="F.AE" Name="ae" Repeating="Yes"><ItemGroupRef ItemGroupOID="IG.AE1" Mandatory="No"/><ItemGroupRef ItemGroupOID="IG.AE2" Mandatory="No"/></FormDef>
        <FormDef OID="F.VS" Name="vs" Repeating="No"><ItemGroupRef ItemGroupOID="IG.VSH" Mandatory="No"/><ItemGroupRef ItemGroupOID="IG.VS" Mandatory="No"/></FormDef>
        <ItemGroupDef OID="IG.AE1" Name="AE1" Repeating="No"><ItemRef ItemOID="I.AETERM" Mandatory="No"/><ItemRef ItemOID="I.AESTDAT" Mandatory="No"/></ItemGroupDef>
        <ItemGroupDef OID="IG.AE2" Name="AE2" Repeating="No"><ItemRef ItemOID="I.AESER" Mandatory="No"/></ItemGroupDef>
        <ItemGroupDef OID="IG.VSH" Name="VSH" Repeating="No"><ItemRef ItemOID="I.VSDAT" Mandatory="No"/></ItemGroupDef>
        <ItemGroupDef OID="IG.VS" Name="VS" Repeating="Yes"><ItemRef ItemOID="I.VSTESTCD" Mandatory="No"/><ItemRef ItemOID="I.VSORRES" Mandatory="No"/></ItemGroupDef>
        <ItemDef OID="I.AETERM" Name="AETERM" DataType="text" Length="12"/>
        <ItemDef OID="I.AESTDAT" Name="AESTDAT" DataType="date"/>
        <ItemDef OID="I.AESER" Name="AESER" DataType="text"><CodeListRef CodeListOID="CL.NY"/></ItemDef>
        <ItemDef OID="I.VSDAT" Name="VSDAT" DataType="date"/>
        <ItemDef OID="I.VSTESTCD" Name="VSTESTCD" DataType="text"/>
        <ItemDef OID="I.VSORRES" DataType="float"/>
        <CodeList OID="CL.NY" Name="NY" DataType="text">
        <CodeListItem CodedValue="Y"><Decode><TranslatedText xml:lang="en">Yes</TranslatedText></Decode></CodeListItem>
        <CodeListItem CodedValue="N"><Decode><TranslatedText xml:lang="en">No</TranslatedText></Decode></CodeListItem>
        </CodeList>
        </MetaDataVersion></Study>
        """
    }

    /// A whole document: the metadata, then `clinical` inside ClinicalData.
    static func document(_ clinical: String, version: String = "1.3.2") -> String {
        metadata(version: version) + "\n<ClinicalData StudyOID=\"S\" MetaDataVersionOID=\"MDV\">\n" + clinical
            + "\n</ClinicalData>\n</ODM>\n"
    }

    static func write(_ text: String) throws -> String { try write(Data(text.utf8)) }

    static func write(_ data: Data) throws -> String {
        let file = TestPaths.temporaryDirectory("odm").appendingPathComponent("study.xml")
        try data.write(to: file)
        return file.path
    }

    /// The tables and findings of loading `text` (read both ways, see ``readBothWays(_:display:)``).
    static func load(
        _ text: String, wantedForms: Set<String> = []
    ) throws -> (tables: [String: RawTable], findings: [Finding]) {
        let (tables, _, findings) = try readBothWays(try write(text), display: "study.xml", wantedForms: wantedForms)
        return (Dictionary(uniqueKeysWithValues: tables.map { ($0.form, $0) }), findings)
    }

    typealias Read = (tables: [RawTable], metadata: ODMMetadata, findings: [Finding])

    /// Reads a file with one parser, and again in parts cut before every SubjectData (as large
    /// files are read, on all cores): expects the same tables, lines, findings and metadata, or
    /// the same error; returns the first.
    static func readBothWays(
        _ path: String, display: String?, partBytes: Int = 1, wantedForms: Set<String> = []
    ) throws -> Read {
        func read(_ partBytes: Int?) -> Result<Read, any Error> {
            Result {
                let sink = FindingCollector()
                let (tables, metadata) = try ODMLoader.read(
                    path: path, findings: sink, displayPath: display, partBytes: partBytes, wantedForms: wantedForms)
                return (tables, metadata, sink.findings)
            }
        }
        let whole = read(nil)
        switch (whole, read(partBytes)) {
        case (.success(let one), .success(let parts)):
            #expect(one.tables.map(\.form) == parts.tables.map(\.form))
            for (a, b) in zip(one.tables, parts.tables) {
                #expect(a.header == b.header && a.file == b.file, "\(a.form)")
                #expect(Array(a.rows) == Array(b.rows), "\(a.form): records differ when read in parts")
                #expect(a.rejected == b.rejected, "\(a.form)")
            }
            #expect(one.findings == parts.findings, "findings differ when read in parts")
            #expect(one.metadata.formOrder == parts.metadata.formOrder)
            #expect(one.metadata.codeLists.keys.sorted() == parts.metadata.codeLists.keys.sorted())
        case (.failure(let one), .failure(let parts)):
            #expect("\(one)" == "\(parts)")
        case (.success, .failure(let error)):
            Issue.record("read in parts failed: \(error)")
        case (.failure(let error), .success):
            Issue.record("read in parts succeeded where one parser failed: \(error)")
        }
        return try whole.get()
    }

    /// The records of a table as dictionaries by column name.
    static func records(_ table: RawTable?) -> [[String: String]] {
        guard let table else { return [] }
        return table.rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(table.header, row.values).filter { !$0.1.isEmpty })
        }
    }
}
