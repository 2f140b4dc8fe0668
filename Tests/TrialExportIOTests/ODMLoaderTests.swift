import Foundation
import TestSupport
import Testing
import TrialExportCore
import TrialExportIO

/// The ODM-XML loader: forms and columns as the CSV loader's, repeat keys, merged item groups,
/// removals, skipped parts, data type checks.
struct ODMLoaderTests {
    let subject = """
        <SubjectData SubjectKey="001"><SiteRef LocationOID="S01"/>
        <StudyEventData StudyEventOID="SE.AE" StudyEventRepeatKey="1">
        <FormData FormOID="F.AE" FormRepeatKey="1">
        <ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Headache"/><ItemData ItemOID="I.AESTDAT" Value="2024-01-02"/></ItemGroupData>
        <ItemGroupData ItemGroupOID="IG.AE2"><ItemData ItemOID="I.AESER" Value="N"/></ItemGroupData>
        </FormData>
        <FormData FormOID="F.AE" FormRepeatKey="2">
        <ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Nausea&#10;mild"/></ItemGroupData>
        </FormData>
        </StudyEventData>
        <StudyEventData StudyEventOID="SE.V" StudyEventRepeatKey="3">
        <FormData FormOID="F.VS" FormRepeatKey="1">
        <ItemGroupData ItemGroupOID="IG.VSH"><ItemData ItemOID="I.VSDAT" Value="2024-02-01"/></ItemGroupData>
        <ItemGroupData ItemGroupOID="IG.VS" ItemGroupRepeatKey="1"><ItemData ItemOID="I.VSTESTCD" Value="SYSBP"/><ItemData ItemOID="I.VSORRES" Value="120"/></ItemGroupData>
        <ItemGroupData ItemGroupOID="IG.VS" ItemGroupRepeatKey="2"><ItemData ItemOID="I.VSTESTCD" Value="DIABP"/><ItemData ItemOID="I.VSORRES" Value="80"/></ItemGroupData>
        </FormData>
        </StudyEventData>
        </SubjectData>
        """

    @Test(arguments: ["1.3.1", "1.3.2"])
    func formsByNameColumnsByItemNameGroupsMergedAndKeysAsColumns(version: String) throws {
        let (tables, findings) = try ODMFixtures.load(ODMFixtures.document(subject, version: version))
        #expect(findings.isEmpty, "\(findings)")
        let ae = try #require(tables["ae"])
        #expect(
            ae.header == ["AETERM", "AESTDAT", "AESER"] + [
                "SubjectKey", "LocationOID", "StudyEventOID", "StudyEventRepeatKey", "FormRepeatKey", "ItemGroupRepeatKey",
            ])
        #expect(ae.file == "study.xml")
        let records = ODMFixtures.records(ae)
        #expect(records.count == 2)
        #expect(
            records[0] == [
                "AETERM": "Headache", "AESTDAT": "2024-01-02", "AESER": "N", "SubjectKey": "001", "LocationOID": "S01",
                "StudyEventOID": "SE.AE", "StudyEventRepeatKey": "1", "FormRepeatKey": "1",
            ])
        #expect(records[1]["AETERM"] == "Nausea\nmild", "a line break written as &#10; is kept")
        #expect(ae.line(0) == 26 && ae.line(1) == 30, "the XML line of each record's first ItemGroupData")
    }

    @Test func repeatingGroupsGiveOneRecordEachWithTheFormsOtherGroups() throws {
        let (tables, _) = try ODMFixtures.load(ODMFixtures.document(subject))
        let vs = ODMFixtures.records(tables["vs"])
        #expect(vs.count == 2)
        #expect(vs.map { $0["VSTESTCD"] } == ["SYSBP", "DIABP"])
        #expect(vs.map { $0["I.VSORRES"] } == ["120", "80"], "an ItemDef without Name is named by its OID")
        #expect(vs.allSatisfy { $0["VSDAT"] == "2024-02-01" && $0["StudyEventRepeatKey"] == "3" })
        #expect(vs.map { $0["ItemGroupRepeatKey"] } == ["1", "2"])
    }

    @Test func removeAndDeleteTransactionsAreHonouredAndCounted() throws {
        let clinical = """
            <SubjectData SubjectKey="001"><StudyEventData StudyEventOID="SE.AE">
            <FormData FormOID="F.AE" FormRepeatKey="1" TransactionType="Remove"><ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Gone"/></ItemGroupData></FormData>
            <FormData FormOID="F.AE" FormRepeatKey="2"><ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Kept"/><ItemData ItemOID="I.AESTDAT" Value="2024-01-01" TransactionType="Delete"/></ItemGroupData></FormData>
            </StudyEventData></SubjectData>
            """
        let (tables, findings) = try ODMFixtures.load(ODMFixtures.document(clinical))
        let ae = try #require(tables["ae"])
        #expect(ODMFixtures.records(ae).map { $0["AETERM"] } == ["Kept"])
        #expect(ODMFixtures.records(ae)[0]["AESTDAT"] == nil)
        #expect(ae.rejected.count == 1 && ae.rejected[0].line == 24, "the removed record counts as rejected")
        let removed = try #require(findings.first { $0.code == "ODM0003" })
        #expect(removed.line == 24 && removed.message.contains("SubjectKey 001, StudyEventOID SE.AE, FormOID F.AE[1]"))
        let value = try #require(findings.first { $0.code == "ODM0004" })
        #expect(value.column == "I.AESTDAT" && value.value == "2024-01-01" && value.line == 25)
    }

    /// A line break or tab written as such in a Value, which an XML parser reads as a space, is
    /// kept as written (as the EDC's CSV export holds it) and said at the cell. A value with
    /// spaces written as spaces (in place in libxml2's input, or rebuilt by it for a byte beyond
    /// ASCII or a reference) is not reported.
    @Test func aLiteralLineBreakInAValueIsKeptAsWrittenAndSaidSo() throws {
        let clinical = """
            <SubjectData SubjectKey="001"><StudyEventData StudyEventOID="SE.AE"><FormData FormOID="F.AE">
            <ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Nausea
            mild &amp; brief"/><ItemData ItemOID="I.AESTDAT" Value="2024-01-02"/></ItemGroupData>
            </FormData>
            <FormData FormOID="F.AE" FormRepeatKey="2">
            <ItemGroupData ItemGroupOID="IG.AE1"><ItemData
              ItemOID="I.AETERM"
              Value="Rash&#10;itchy"/></ItemGroupData>
            </FormData></StudyEventData></SubjectData>
            <SubjectData SubjectKey="002"><StudyEventData StudyEventOID="SE.AE">
            <FormData FormOID="F.AE"><ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Übelkeit leicht"/></ItemGroupData></FormData>
            <FormData FormOID="F.AE" FormRepeatKey="2"><ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Fever &amp; chills"/></ItemGroupData></FormData>
            <FormData FormOID="F.AE" FormRepeatKey="3"><ItemGroupData ItemGroupOID="IG.AE1"><ItemData mdsol:Value="x\ty" xmlns:mdsol="m" ItemOID="I.AETERM" Value="Left\tarm pain"/></ItemGroupData></FormData>
            <FormData FormOID="F.AE" FormRepeatKey="4"><ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Two\r\nlines"/></ItemGroupData></FormData>
            </StudyEventData></SubjectData>
            """
        let (tables, findings) = try ODMFixtures.load(ODMFixtures.document(clinical))
        #expect(
            ODMFixtures.records(tables["ae"]).map { $0["AETERM"] } == [
                "Nausea\nmild & brief", "Rash\nitchy", "Übelkeit leicht", "Fever & chills", "Left\tarm pain",
                "Two\r\nlines",
            ])
        let kept = findings.filter { $0.code == "ODM0011" }
        #expect(
            kept.map(\.value) == ["Nausea\nmild & brief", "Left\tarm pain", "Two\r\nlines"].map(\.escapingInvisibles),
            "\(findings)")
        #expect(kept.allSatisfy { $0.severity == .note && $0.column == "I.AETERM" })
        #expect(kept.first?.message.contains("SubjectKey 001") == true)
        #expect(kept.first?.message.contains("(\"Nausea mild & brief\")") == true, "what XML reads is said")
        #expect(kept.last?.message.contains("SubjectKey 002") == true)
    }

    /// `&amp;`, `&lt;`, `&quot;` and character references stand for their characters, in a Value,
    /// in an element's text and in the metadata (libxml2 left alone would hand `&amp;` in an
    /// attribute on as `&#38;`).
    @Test func referencesAreReadAsTheCharactersTheyStandFor() throws {
        let clinical = """
            <SubjectData SubjectKey="001"><StudyEventData StudyEventOID="SE.AE">
            <FormData FormOID="F.AE"><ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="N &amp; V"/>
            <ItemData ItemOID="I.AESTDAT" Value="&#50;024-01-02"/></ItemGroupData>
            <ItemGroupData ItemGroupOID="IG.AE2"><ItemData ItemOID="I.AESER" Value="Y&amp;N"/></ItemGroupData></FormData>
            <FormData FormOID="F.AE" FormRepeatKey="2"><ItemGroupData ItemGroupOID="IG.AE1">
            <ItemDataString ItemOID="I.AETERM">&lt;5 &quot;a&quot; &amp;#38;</ItemDataString></ItemGroupData></FormData>
            </StudyEventData></SubjectData>
            """
        let document = ODMFixtures.document(clinical).replacingOccurrences(
            of: "CodedValue=\"Y\"", with: "CodedValue=\"Y&amp;N\"")
        let (tables, findings) = try ODMFixtures.load(document)
        let ae = ODMFixtures.records(tables["ae"])
        #expect(ae.map { $0["AETERM"] } == ["N & V", "<5 \"a\" &#38;"])
        #expect(ae.first?["AESTDAT"] == "2024-01-02")
        #expect(ae.first?["AESER"] == "Y&N")
        // The coded value is read as "Y&N" too: the value is in its code list.
        #expect(!findings.contains { $0.code == "ODM0009" }, "\(findings)")
    }

    /// One subject with one AE and one VS form.
    static let oneAEAndOneVS = """
        <SubjectData SubjectKey="001"><StudyEventData StudyEventOID="SE.V">
        <FormData FormOID="F.AE"><ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Rash"/></ItemGroupData></FormData>
        <FormData FormOID="F.VS"><ItemGroupData ItemGroupOID="IG.VSH"><ItemData ItemOID="I.VSDAT" Value="2024-01-02"/></ItemGroupData></FormData>
        </StudyEventData></SubjectData>
        """

    /// Specs may name a form by its FormDef Name or its FormOID (vendors often give the Name as a
    /// label), and an item by its ItemDef Name or its ItemOID.
    @Test func formsAreFoundByNameOrFormOIDAndItemsByNameOrItemOID() throws {
        let document = ODMFixtures.document(Self.oneAEAndOneVS).replacingOccurrences(
            of: "Name=\"ae\"", with: "Name=\"Adverse Events\"")
        // Named by the OID when the specs name the OID and not the Name; else by the Name.
        let byOID = try ODMFixtures.load(document, wantedForms: ["F.AE", "vs"])
        #expect(byOID.tables.keys.sorted() == ["F.AE", "vs"])
        let byName = try ODMFixtures.load(document, wantedForms: ["Adverse Events"])
        #expect(byName.tables.keys.sorted() == ["Adverse Events", "vs"])
        // A column is found by its ItemOID as well as by its Name.
        let ae = try #require(byOID.tables["F.AE"])
        #expect(ae.header.first == "AETERM")
        #expect(ae.columnIndex["I.AETERM"] == 0 && ae.columnIndex["AETERM"] == 0)
        #expect(ae.columnIndex["I.AETERM"].map { ae.value(0, $0) } == "Rash")
        #expect(byOID.findings.isEmpty, "\(byOID.findings)")
        // REDCap gives the form's unique name in redcap:FormName (its Name is the label).
        let redcap = document.replacingOccurrences(
            of: "Name=\"Adverse Events\"",
            with: "Name=\"Adverse Events\" xmlns:redcap=\"https://projectredcap.org\" redcap:FormName=\"adverse_events\"")
        #expect(try ODMFixtures.load(redcap, wantedForms: ["adverse_events"]).tables.keys.sorted() == ["adverse_events", "vs"])
        #expect(try ODMFixtures.load(redcap).tables.keys.sorted() == ["Adverse Events", "vs"])
    }

    /// Two FormDefs with the same Name: the second form is named by its FormOID (its records are
    /// never merged into the first's, nor lost) and this is said.
    @Test func aFormDefNameGivenTwiceNamesTheSecondFormByItsOID() throws {
        let document = ODMFixtures.document(Self.oneAEAndOneVS).replacingOccurrences(of: "Name=\"vs\"", with: "Name=\"ae\"")
        let (tables, findings) = try ODMFixtures.load(document)
        #expect(tables.keys.sorted() == ["F.VS", "ae"])
        #expect(ODMFixtures.records(tables["ae"]).map { $0["AETERM"] } == ["Rash"])
        #expect(ODMFixtures.records(tables["F.VS"]).map { $0["VSDAT"] } == ["2024-01-02"])
        let shared = try #require(findings.first { $0.code == "ODM0012" })
        #expect(shared.column == "F.VS" && shared.value == "ae" && shared.line == 6, "\(shared)")
        #expect(shared.message.contains("F.AE"))
    }

    /// A file exported without its metadata (ClinicalData only, as EDC web services give it): each
    /// form is loaded from its data, its ItemOIDs as columns in the order first met (an ItemOID
    /// `FORM.NAME` also found as `NAME`), and said (ODM0013); nothing is dropped.
    @Test func formsWithoutFormDefAreLoadedFromTheirData() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" FileType="Snapshot" FileOID="F" CreationDateTime="2024-01-01T00:00:00" ODMVersion="1.3.2">
            <ClinicalData StudyOID="S" MetaDataVersionOID="1">
            <SubjectData SubjectKey="001"><SiteRef LocationOID="S1"/><StudyEventData StudyEventOID="AE">
            <FormData FormOID="AE"><ItemGroupData ItemGroupOID="AE_LOG" ItemGroupRepeatKey="1"><ItemData ItemOID="AE.AETERM" Value="Rash"/></ItemGroupData>
            <ItemGroupData ItemGroupOID="AE_LOG" ItemGroupRepeatKey="2"><ItemData ItemOID="AE.AETERM" Value="Cough"/><ItemData ItemOID="AE.AESER" Value="N"/></ItemGroupData></FormData>
            </StudyEventData></SubjectData>
            <SubjectData SubjectKey="002"><StudyEventData StudyEventOID="SCREEN">
            <FormData FormOID="VS"><ItemGroupData ItemGroupOID="VS"><ItemData ItemOID="VS.VSDAT" Value="2024-01-02"/></ItemGroupData></FormData>
            <FormData FormOID="AE"><ItemGroupData ItemGroupOID="AE_LOG" ItemGroupRepeatKey="1"><ItemData ItemOID="AE.AESTDAT" Value="2024-01-03"/><ItemData ItemOID="AE.AETERM" Value="Fever"/></ItemGroupData></FormData>
            </StudyEventData></SubjectData>
            </ClinicalData>
            </ODM>
            """
        let (tables, findings) = try ODMFixtures.load(text)
        #expect(tables.keys.sorted() == ["AE", "VS"])
        let ae = try #require(tables["AE"])
        #expect(Array(ae.header.prefix(3)) == ["AE.AETERM", "AE.AESER", "AE.AESTDAT"])
        #expect(ae.columnIndex["AETERM"] == 0 && ae.columnIndex["AESTDAT"] == 2)
        let records = ODMFixtures.records(ae)
        #expect(records.map { $0["AE.AETERM"] } == ["Rash", "Cough", "Fever"])
        #expect(records.map { $0["SubjectKey"] } == ["001", "001", "002"])
        #expect(records[1]["AE.AESER"] == "N" && records[2]["AE.AESTDAT"] == "2024-01-03")
        #expect(ODMFixtures.records(tables["VS"]).map { $0["VS.VSDAT"] } == ["2024-01-02"])
        #expect(findings.map(\.code) == ["ODM0013", "ODM0013"], "\(findings)")
        let inferred = try #require(findings.first)
        #expect(inferred.column == "AE" && inferred.line == 5 && inferred.severity == .warning)
        #expect(inferred.message.contains("3 ItemOIDs"))
    }

    /// A form the metadata lacks, next to forms it defines: loaded from its data too.
    @Test func aFormMissingFromTheMetadataIsLoadedFromItsData() throws {
        let clinical = """
            <SubjectData SubjectKey="001"><StudyEventData StudyEventOID="SE.V">
            <FormData FormOID="F.AE"><ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Rash"/></ItemGroupData></FormData>
            <FormData FormOID="F.CM"><ItemGroupData ItemGroupOID="IG.CM"><ItemData ItemOID="I.CMTRT" Value="Aspirin"/></ItemGroupData></FormData>
            </StudyEventData></SubjectData>
            """
        let (tables, findings) = try ODMFixtures.load(ODMFixtures.document(clinical))
        // vs: defined, no records yet (an empty table with its columns).
        #expect(tables.keys.sorted() == ["F.CM", "ae", "vs"])
        #expect(tables["vs"]?.rowCount == 0 && tables["vs"]?.header.first == "VSDAT")
        #expect(ODMFixtures.records(tables["F.CM"]).map { $0["I.CMTRT"] } == ["Aspirin"])
        #expect(ODMFixtures.records(tables["ae"]).map { $0["AETERM"] } == ["Rash"])
        #expect(findings.map(\.code) == ["ODM0013"], "\(findings)")
    }

    @Test func vendorPrefixedElementsAndAttributesAreNotODMs() throws {
        let clinical = """
            <SubjectData SubjectKey="001" xmlns:mdsol="http://www.mdsol.com/ns/odm/metadata"><StudyEventData StudyEventOID="SE.AE">
            <FormData FormOID="F.AE" FormRepeatKey="1"><ItemGroupData ItemGroupOID="IG.AE1">
            <ItemData ItemOID="I.AETERM" mdsol:Value="Vendor copy" Value="Headache"/>
            <mdsol:ItemData ItemOID="I.AESTDAT" Value="2024-01-01"/>
            </ItemGroupData></FormData>
            </StudyEventData></SubjectData>
            """
        let (tables, _) = try ODMFixtures.load(ODMFixtures.document(clinical))
        let records = ODMFixtures.records(try #require(tables["ae"]))
        #expect(records.map { $0["AETERM"] } == ["Headache"])
        #expect(records[0]["AESTDAT"] == nil, "the mdsol: element is skipped")
    }

    @Test func auditRecordsSignaturesAnnotationsAndBinaryItemsAreSkippedAndCounted() throws {
        let clinical = """
            <SubjectData SubjectKey="001"><AuditRecord><UserRef UserOID="U"/><LocationRef LocationOID="L"/><DateTimeStamp>2024-01-01T00:00:00</DateTimeStamp></AuditRecord>
            <Signature><UserRef UserOID="U"/><LocationRef LocationOID="L"/><SignatureRef SignatureOID="SG"/><DateTimeStamp>2024-01-01T00:00:00</DateTimeStamp></Signature>
            <StudyEventData StudyEventOID="SE.AE"><FormData FormOID="F.AE"><ItemGroupData ItemGroupOID="IG.AE1">
            <ItemData ItemOID="I.AETERM" Value="Rash"><AuditRecord><UserRef UserOID="U"/><LocationRef LocationOID="L"/><DateTimeStamp>2024-01-01T00:00:00</DateTimeStamp></AuditRecord></ItemData>
            <ItemDataBase64Binary ItemOID="I.AESTDAT">aGVsbG8=</ItemDataBase64Binary><ItemDataBase64Binary ItemOID="I.AESER"><![CDATA[aGVsbG8gd29ybGQ=]]></ItemDataBase64Binary>
            </ItemGroupData><Annotation SeqNum="1"><Comment>note</Comment></Annotation></FormData></StudyEventData></SubjectData>
            """
        let (tables, findings) = try ODMFixtures.load(ODMFixtures.document(clinical))
        #expect(ODMFixtures.records(tables["ae"]).map { $0["AETERM"] } == ["Rash"])
        let skipped = findings.filter { $0.code == "ODM0005" }.map(\.message)
        #expect(skipped.contains { $0.hasPrefix("2 audit records skipped (first on line 23)") }, "\(skipped)")
        #expect(
            skipped.contains { $0.hasPrefix("1 signatures skipped") }
                && skipped.contains { $0.hasPrefix("1 annotations skipped") })
        let binary = findings.filter { $0.code == "ODM0006" }
        #expect(binary.map(\.column) == ["I.AESTDAT", "I.AESER"] && binary.allSatisfy { $0.line == 27 })
        // Its size, as text or as CDATA (REDCap writes files that way).
        #expect(binary.first?.message.contains("8 characters") == true && binary.last?.message.contains("16 characters") == true)
    }

    @Test func valuesThatContradictTheirItemDefAreFindingsAndKept() throws {
        let clinical = """
            <SubjectData SubjectKey="001"><StudyEventData StudyEventOID="SE.AE"><FormData FormOID="F.AE"><ItemGroupData ItemGroupOID="IG.AE1">
            <ItemData ItemOID="I.AETERM" Value="Much too long a term"/><ItemData ItemOID="I.AESTDAT" Value="02 JAN 2024"/><ItemData ItemOID="I.AEX" Value="?"/>
            </ItemGroupData><ItemGroupData ItemGroupOID="IG.AE2"><ItemData ItemOID="I.AESER" Value="Maybe"/></ItemGroupData></FormData></StudyEventData></SubjectData>
            """
        let (tables, findings) = try ODMFixtures.load(ODMFixtures.document(clinical))
        #expect(ODMFixtures.records(tables["ae"])[0]["AESTDAT"] == "02 JAN 2024")
        #expect(findings.map(\.code).sorted() == ["ODM0001", "ODM0007", "ODM0008", "ODM0009"])
        let type = try #require(findings.first { $0.code == "ODM0007" })
        #expect(
            type.line == 24 && type.column == "I.AESTDAT" && type.value == "02 JAN 2024" && type.message.contains("DataType date")
        )
    }

    /// A spec reads an item's decode as `<item>_DECODE`: the CodeList's decode of each coded value,
    /// a value the list lacks as given; only the decoded columns the specs name are made.
    @Test func aSpecReadsTheDecodeOfACodedItem() throws {
        let clinical = """
            <SubjectData SubjectKey="001"><StudyEventData StudyEventOID="SE.AE">
            <FormData FormOID="F.AE" FormRepeatKey="1"><ItemGroupData ItemGroupOID="IG.AE2"><ItemData ItemOID="I.AESER" Value="Y"/></ItemGroupData></FormData>
            <FormData FormOID="F.AE" FormRepeatKey="2"><ItemGroupData ItemGroupOID="IG.AE2"><ItemData ItemOID="I.AESER" Value="N"/></ItemGroupData></FormData>
            <FormData FormOID="F.AE" FormRepeatKey="3"><ItemGroupData ItemGroupOID="IG.AE2"><ItemData ItemOID="I.AESER" Value="U"/></ItemGroupData></FormData>
            <FormData FormOID="F.AE" FormRepeatKey="4"><ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Rash"/></ItemGroupData></FormData>
            </StudyEventData></SubjectData>
            """
        let spec = DomainSpec(
            domain: "AE", subjectColumn: "SubjectKey",
            records: [
                RecordSpec(
                    form: "ae",
                    variables: [
                        VariableSpec(variable: "AETERM", algorithm: .assignNoCT, from: "AETERM"),
                        VariableSpec(variable: "AESER", algorithm: .assignNoCT, from: "AESER_decode"),
                    ])
            ])
        let sink = FindingCollector()
        let tables = try ODMLoader.load(
            path: try ODMFixtures.write(ODMFixtures.document(clinical)), specs: [spec], findings: sink)
        let ae = try #require(tables.first { $0.form == "ae" })
        #expect(ae.header.filter { $0.uppercased().hasSuffix("_DECODE") } == ["AESER_decode"], "only the one named")
        #expect(ODMFixtures.records(ae).map { $0["AESER_decode"] ?? "" } == ["Yes", "No", "U", ""])
        #expect(ODMFixtures.records(ae).map { $0["AESER"] ?? "" } == ["Y", "N", "U", ""])
        #expect(sink.findings.map(\.code) == ["ODM0009"], "the value the list lacks was reported at load")
    }

    @Test func codeListsAreKeptWithTheirDecodes() throws {
        let sink = FindingCollector()
        let (_, metadata) = try ODMLoader.read(path: try ODMFixtures.write(ODMFixtures.document("")), findings: sink)
        #expect(metadata.codeLists["CL.NY"]?.decode("Y") == "Yes")
        #expect(metadata.items["I.AESER"]?.codeListOID == "CL.NY")
    }

    /// Specs written for a CSV export name the subject column as that export does (`Subject`); a
    /// form without an item of that name reads the subject from the SubjectKey under that name,
    /// once said per form (ODM0017); a form with such an item keeps its item; a per-form subject
    /// column (forms.yaml) is the one looked for.
    @Test func theSubjectColumnOfACSVExportIsTheSubjectKey() throws {
        let clinical = """
            <SubjectData SubjectKey="001"><StudyEventData StudyEventOID="SE.AE">
            <FormData FormOID="F.AE" FormRepeatKey="1"><ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Rash"/></ItemGroupData></FormData>
            </StudyEventData></SubjectData>
            <SubjectData SubjectKey="002"><StudyEventData StudyEventOID="SE.AE">
            <FormData FormOID="F.AE" FormRepeatKey="1"><ItemGroupData ItemGroupOID="IG.AE1"><ItemData ItemOID="I.AETERM" Value="Cough"/></ItemGroupData></FormData>
            </StudyEventData></SubjectData>
            """
        let spec = { (subject: String) in
            DomainSpec(
                domain: "AE", subjectColumn: subject,
                records: [
                    RecordSpec(form: "ae", variables: [VariableSpec(variable: "AETERM", algorithm: .assignNoCT, from: "AETERM")])
                ])
        }
        let path = try ODMFixtures.write(ODMFixtures.document(clinical))
        let sink = FindingCollector()
        let tables = try ODMLoader.load(path: path, specs: [spec("Subject")], findings: sink, displayPath: "study.xml")
        let ae = try #require(tables.first { $0.form == "ae" })
        #expect(ae.rows.map { ae.value("Subject", in: $0) } == ["001", "002"])
        #expect(ae.header.contains("Subject") == false, "an alias, not a new column")
        #expect(sink.findings.map(\.code) == ["ODM0017"], "\(sink.findings)")
        let note = try #require(sink.findings.first)
        #expect(note.severity == .note && note.column == "Subject" && note.file == "study.xml")
        // The first record's subject, where it is: a SubjectKey that is a vendor's internal id shows.
        #expect(note.value == "001" && note.line != nil && note.message.contains("\"001\""), "\(note)")
        // A form with an item of that name keeps it, without a note.
        let own = FindingCollector()
        let kept = try ODMLoader.load(path: path, specs: [spec("AETERM")], findings: own)
        let table = try #require(kept.first { $0.form == "ae" })
        #expect(table.rows.map { table.value("AETERM", in: $0) } == ["Rash", "Cough"])
        #expect(own.findings.isEmpty, "\(own.findings)")
        // A per-form subject column (forms.yaml) replaces the spec's.
        let perForm = FindingCollector()
        let viaLayout = try ODMLoader.load(
            path: path, specs: [spec("Subject")], findings: perForm, subjectColumns: ["ae": "Subject Id"])
        let byLayout = try #require(viaLayout.first { $0.form == "ae" })
        #expect(byLayout.rows.map { byLayout.value("Subject Id", in: $0) } == ["001", "002"])
        #expect(perForm.findings.map(\.column) == ["Subject Id"])
    }

    /// An XML parser reads a line break written CR LF in element text as LF: the value is loaded
    /// so, and, when the file holds carriage returns, each such value is noted (ODM0018), so the
    /// change is never silent; a file without carriage returns gives no note.
    @Test func lineBreaksInElementTextOfAFileWithCarriageReturnsAreNoted() throws {
        let clinical = { (term: String) in
            """
            <SubjectData SubjectKey="001"><StudyEventData StudyEventOID="SE.AE"><FormData FormOID="F.AE"><ItemGroupData ItemGroupOID="IG.AE1">
            <ItemDataString ItemOID="I.AETERM">\(term)</ItemDataString></ItemGroupData></FormData></StudyEventData></SubjectData>
            <SubjectData SubjectKey="002"><StudyEventData StudyEventOID="SE.AE"><FormData FormOID="F.AE"><ItemGroupData ItemGroupOID="IG.AE1">
            <ItemDataString ItemOID="I.AETERM">Cough</ItemDataString></ItemGroupData></FormData></StudyEventData></SubjectData>
            """
        }
        let (tables, findings) = try ODMFixtures.load(ODMFixtures.document(clinical("Rash\r\nitchy")))
        #expect(ODMFixtures.records(tables["ae"]).map { $0["AETERM"] } == ["Rash\nitchy", "Cough"])
        let notes = findings.filter { $0.code == "ODM0018" }
        #expect(notes.count == 1 && notes.first?.value == #"Rash\u{A}itchy"# && notes.first?.column == "I.AETERM", "\(findings)")
        #expect(notes.first?.severity == .note && notes.first?.message.contains("SubjectKey 001") == true)
        // A file with LF line breaks only: nothing to say.
        let (_, plain) = try ODMFixtures.load(ODMFixtures.document(clinical("Rash\nitchy")))
        #expect(!plain.contains { $0.code == "ODM0018" }, "\(plain)")
        // A Windows export (CR LF line ends): its multi-line values were most likely CR LF too.
        let windows = ODMFixtures.document(clinical("Rash\nitchy")).replacingOccurrences(of: "\n", with: "\r\n")
        let (_, noted) = try ODMFixtures.load(windows)
        #expect(noted.filter { $0.code == "ODM0018" }.count == 1)
    }

    /// A form or column the specs need that the file lacks stops the load, naming what the file
    /// has (forms; the form's columns, and a name that differs in case only).
    @Test func whatTheSpecsNeedAndTheFileLacksIsNamedWithWhatItHas() throws {
        let clinical = """
            <SubjectData SubjectKey="001"><StudyEventData StudyEventOID="SE.AE"><FormData FormOID="F.AE"><ItemGroupData ItemGroupOID="IG.AE1">
            <ItemData ItemOID="I.AETERM" Value="Rash"/></ItemGroupData></FormData></StudyEventData></SubjectData>
            """
        let path = try ODMFixtures.write(ODMFixtures.document(clinical))
        let spec = { (form: String, column: String) in
            DomainSpec(
                domain: "AE", subjectColumn: "SubjectKey",
                records: [
                    RecordSpec(form: form, variables: [VariableSpec(variable: "AETERM", algorithm: .assignNoCT, from: column)])
                ])
        }
        func message(_ form: String, _ column: String) -> String {
            do {
                _ = try ODMLoader.load(path: path, specs: [spec(form, column)], findings: FindingCollector())
                return "loaded"
            } catch { return "\(error)" }
        }
        let item = message("ae", "aeterm")
        #expect(item.contains("form ae has no item aeterm") && item.contains("AE.AETERM (assign_no_ct)"), "\(item)")
        #expect(item.contains("(names differ in case only: AETERM)"), "\(item)")
        #expect(item.contains("its columns: AETERM, AESTDAT, AESER, SubjectKey"), "\(item)")
        let form = message("adverse", "AETERM")
        #expect(form.contains("form adverse") && form.contains("forms present: ae, vs"), "\(form)")
        #expect(message("ae", "AETERM") == "loaded")
        // A form the metadata defines without records yet is there, empty, as a CSV file with
        // only its header would be.
        #expect(message("vs", "VSTESTCD") == "loaded")
    }
}
