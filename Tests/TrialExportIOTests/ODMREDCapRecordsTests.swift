import Foundation
import Testing
import TrialExportCore

@testable import TrialExportIO

/// A REDCap project's ODM file read as REDCap's CSV exports lay out the same records: the flat
/// table for a form the specs name that no instrument has, and each instrument's own table with
/// the record id field and the `redcap_` columns.
struct ODMREDCapRecordsTests {
    /// A longitudinal project as REDCap writes it: `vitals` repeats in `week_2_arm_1`, the event
    /// `follow_up_arm_1` repeats as a whole; the first instrument holds the record id field and the
    /// data access group (an ItemData without ItemDef).
    static func project(clinical: String, longitudinal: Bool = true) -> String {
        let events =
            longitudinal
            ? """
            <StudyEventDef OID="Event.screening_arm_1" Name="Screening" Type="Common" Repeating="No" redcap:UniqueEventName="screening_arm_1"/>
            <StudyEventDef OID="Event.week_2_arm_1" Name="Week 2" Type="Common" Repeating="No" redcap:UniqueEventName="week_2_arm_1"/>
            <StudyEventDef OID="Event.follow_up_arm_1" Name="Follow-up" Type="Common" Repeating="No" redcap:UniqueEventName="follow_up_arm_1"/>
            """ : ""
        let repeating =
            longitudinal
            ? """
            <redcap:RepeatingInstruments><redcap:RepeatingInstrument redcap:UniqueEventName="week_2_arm_1" redcap:RepeatInstrument="vitals" redcap:CustomLabel=""/></redcap:RepeatingInstruments>
            <redcap:RepeatingEvents><redcap:RepeatingEvent redcap:UniqueEventName="follow_up_arm_1"/></redcap:RepeatingEvents>
            """
            : """
            <redcap:RepeatingInstruments><redcap:RepeatingInstrument redcap:UniqueEventName="event_1_arm_1" redcap:RepeatInstrument="vitals" redcap:CustomLabel=""/></redcap:RepeatingInstruments>
            """
        return """
            <?xml version="1.0" encoding="UTF-8" ?>
            <ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:redcap="https://projectredcap.org" ODMVersion="1.3.1" FileOID="000-00-0000" FileType="Snapshot" CreationDateTime="2026-12-07T09:30:00" SourceSystem="REDCap">
            <Study OID="Project.T">
            <GlobalVariables><StudyName>T</StudyName><StudyDescription>T</StudyDescription><ProtocolName>T</ProtocolName>
            <redcap:RepeatingInstrumentsAndEvents>\(repeating)</redcap:RepeatingInstrumentsAndEvents>
            </GlobalVariables>
            <MetaDataVersion OID="Metadata.T" Name="T" redcap:RecordIdField="record_id">
            \(events)
            <FormDef OID="Form.vitals" Name="Vital Signs" Repeating="No" redcap:FormName="vitals">
            <ItemGroupRef ItemGroupOID="vitals.vs_date" Mandatory="No"/><ItemGroupRef ItemGroupOID="vitals.vitals_complete" Mandatory="No"/></FormDef>
            <FormDef OID="Form.enrolment" Name="Enrolment" Repeating="No" redcap:FormName="enrolment">
            <ItemGroupRef ItemGroupOID="enrolment.record_id" Mandatory="No"/></FormDef>
            <ItemGroupDef OID="vitals.vs_date" Name="Vital Signs" Repeating="No"><ItemRef ItemOID="vs_date" Mandatory="No"/><ItemRef ItemOID="sysbp" Mandatory="No"/></ItemGroupDef>
            <ItemGroupDef OID="vitals.vitals_complete" Name="Form Status" Repeating="No"><ItemRef ItemOID="vitals_complete" Mandatory="No"/></ItemGroupDef>
            <ItemGroupDef OID="enrolment.record_id" Name="Enrolment" Repeating="No"><ItemRef ItemOID="record_id" Mandatory="No"/><ItemRef ItemOID="sex" Mandatory="No"/></ItemGroupDef>
            <ItemDef OID="vs_date" Name="vs_date" DataType="date" Length="999"/>
            <ItemDef OID="sysbp" Name="sysbp" DataType="integer" Length="999"/>
            <ItemDef OID="vitals_complete" Name="vitals_complete" DataType="text" Length="1"/>
            <ItemDef OID="record_id" Name="record_id" DataType="text" Length="999"/>
            <ItemDef OID="sex" Name="sex" DataType="text" Length="1"/>
            </MetaDataVersion>
            </Study>
            <ClinicalData StudyOID="Project.T" MetaDataVersionOID="Metadata.T">
            \(clinical)
            </ClinicalData>
            </ODM>
            """
    }

    /// Each record's values of `columns`, joined by `|`.
    static func rows(_ table: RawTable, _ columns: [String]) -> [String] {
        table.rows.map { row in columns.map { table.value($0, in: row) ?? "?" }.joined(separator: "|") }
    }

    static func vitals(_ key: Int, _ date: String, _ sysbp: String) -> String {
        """
        <FormData FormOID="Form.vitals" FormRepeatKey="\(key)"><ItemGroupData ItemGroupOID="vitals.vs_date" ItemGroupRepeatKey="1">\
        <ItemData ItemOID="vs_date" Value="\(date)"/><ItemData ItemOID="sysbp" Value="\(sysbp)"/></ItemGroupData>\
        <ItemGroupData ItemGroupOID="vitals.vitals_complete" ItemGroupRepeatKey="1"><ItemData ItemOID="vitals_complete" Value="2"/></ItemGroupData></FormData>
        """
    }

    static func enrolment(_ id: String, dag: String, sex: String) -> String {
        """
        <FormData FormOID="Form.enrolment" FormRepeatKey="1"><ItemGroupData ItemGroupOID="enrolment.record_id" ItemGroupRepeatKey="1">\
        <ItemData ItemOID="record_id" Value="\(id)"/><ItemData ItemOID="redcap_data_access_group" Value="\(dag)"/>\
        <ItemData ItemOID="sex" Value="\(sex)"/></ItemGroupData></FormData>
        """
    }

    static let longitudinal = project(
        clinical: """
            <SubjectData SubjectKey="7" redcap:RecordIdField="record_id">
            <StudyEventData StudyEventOID="Event.screening_arm_1" StudyEventRepeatKey="1" redcap:UniqueEventName="screening_arm_1">
            \(vitals(1, "2026-01-05", "141"))
            \(enrolment("7", dag: "site_a", sex: "F"))
            </StudyEventData>
            <StudyEventData StudyEventOID="Event.week_2_arm_1" StudyEventRepeatKey="1" redcap:UniqueEventName="week_2_arm_1">
            \(vitals(1, "2026-01-19", "132"))
            \(vitals(2, "2026-01-21", "128"))
            </StudyEventData>
            <StudyEventData StudyEventOID="Event.follow_up_arm_1" StudyEventRepeatKey="1" redcap:UniqueEventName="follow_up_arm_1">
            \(vitals(1, "2026-03-01", "125"))
            </StudyEventData>
            <StudyEventData StudyEventOID="Event.follow_up_arm_1" StudyEventRepeatKey="2" redcap:UniqueEventName="follow_up_arm_1">
            \(vitals(1, "2026-04-01", "122"))
            </StudyEventData>
            </SubjectData>
            <SubjectData SubjectKey="3" redcap:RecordIdField="record_id">
            <StudyEventData StudyEventOID="Event.screening_arm_1" StudyEventRepeatKey="1" redcap:UniqueEventName="screening_arm_1">
            \(enrolment("3", dag: "site_b", sex: "M"))
            </StudyEventData>
            </SubjectData>
            """)

    /// The flat table: REDCap's columns first, one row per record and event for the instruments
    /// that do not repeat there (the one of the first instrument in the file listed first), one per
    /// instance of a repeating instrument or event, in the file's record and event order; the data
    /// access group on every row of its record; said once (ODM0014).
    @Test func aFormNoInstrumentHasIsTheFlatExportOfAllInstruments() throws {
        let (tables, findings) = try ODMFixtures.load(Self.longitudinal, wantedForms: ["data"])
        #expect(tables.keys.sorted() == ["Enrolment", "Vital Signs", "data"])
        let flat = try #require(tables["data"])
        #expect(
            Array(flat.header.prefix(10)) == [
                "record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance", "vs_date", "sysbp",
                "vitals_complete", "redcap_data_access_group", "redcap_survey_identifier", "sex",
            ])
        let rows = Self.rows(
            flat,
            [
                "record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance", "sysbp",
                "redcap_data_access_group", "sex",
            ])
        #expect(
            rows == [
                "7|screening_arm_1|||141|site_a|F",
                "7|week_2_arm_1|vitals|1|132|site_a|",
                "7|week_2_arm_1|vitals|2|128|site_a|",
                "7|follow_up_arm_1||1|125|site_a|",
                "7|follow_up_arm_1||2|122|site_a|",
                "3|screening_arm_1||||site_b|M",
            ])
        // A row's line: its first FormData's.
        #expect(flat.line(0) < flat.line(1))
        #expect(flat.columnIndex["SubjectKey"] != nil && flat.columnIndex["StudyEventOID"] != nil)
        #expect(findings.map(\.code) == ["ODM0014"], "\(findings)")
        let note = try #require(findings.first)
        #expect(note.severity == .note && note.column == "data" && note.message.contains("6 rows"))
        // An instrument's name in another spelling or case never names the flat table.
        let (others, notes) = try ODMFixtures.load(Self.longitudinal, wantedForms: ["VITALS", "form.enrolment", "vital signs"])
        #expect(others.keys.sorted() == ["Enrolment", "Vital Signs"])
        #expect(notes.isEmpty, "\(notes)")
    }

    /// A file whose GlobalVariables lack REDCap's repeating setup: repeating instruments and events
    /// are known from their repeat keys (other than 1), so instances are never merged into one row.
    @Test func repeatingInstrumentsAndEventsAreKnownFromTheDataToo() throws {
        let declared = try ODMFixtures.load(Self.longitudinal, wantedForms: ["data"]).tables["data"]
        let bare = Self.longitudinal.replacingOccurrences(
            of: #"<redcap:RepeatingInstrumentsAndEvents>[\s\S]*</redcap:RepeatingInstrumentsAndEvents>"#, with: "",
            options: .regularExpression)
        #expect(!bare.contains("RepeatingInstrument"))
        let (tables, findings) = try ODMFixtures.load(bare, wantedForms: ["data"])
        let columns = ["record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance", "sysbp"]
        #expect(Self.rows(try #require(tables["data"]), columns) == Self.rows(try #require(declared), columns))
        #expect(findings.map(\.code) == ["ODM0014"], "\(findings)")
    }

    /// Each instrument's own table gets the record id field (REDCap writes it in the first
    /// instrument only) and the `redcap_` columns, one record per FormData as before.
    @Test func eachInstrumentTableHasTheRecordIdAndREDCapColumns() throws {
        let (tables, _) = try ODMFixtures.load(Self.longitudinal, wantedForms: ["vitals"])
        let vitals = try #require(tables["vitals"])
        #expect(
            Array(vitals.header.prefix(4)) == [
                "record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance",
            ])
        let records = ODMFixtures.records(vitals)
        #expect(records.map { $0["record_id"] } == ["7", "7", "7", "7", "7"])
        #expect(records.map { $0["redcap_repeat_instance"] ?? "" } == ["", "1", "2", "1", "2"])
        #expect(records.map { $0["FormRepeatKey"] } == ["1", "1", "2", "1", "1"])
        #expect(
            tables["Enrolment"].map { ODMFixtures.records($0).map { $0["redcap_data_access_group"] } } == ["site_a", "site_b"])
    }

    /// A classic project (no events: FormData straight under SubjectData, as REDCap writes it) with
    /// a repeating instrument.
    @Test func aClassicProjectHasNoEventColumn() throws {
        let text = Self.project(
            clinical: """
                <SubjectData SubjectKey="1" redcap:RecordIdField="record_id">
                \(Self.enrolment("1", dag: "", sex: "M"))
                \(Self.vitals(1, "2026-01-05", "141"))
                \(Self.vitals(2, "2026-01-06", "139"))
                </SubjectData>
                """, longitudinal: false)
        let (tables, findings) = try ODMFixtures.load(text, wantedForms: ["export"])
        let flat = try #require(tables["export"])
        #expect(Array(flat.header.prefix(3)) == ["record_id", "redcap_repeat_instrument", "redcap_repeat_instance"])
        #expect(
            Self.rows(flat, ["redcap_repeat_instrument", "redcap_repeat_instance", "sysbp", "sex"])
                == ["|||M", "vitals|1|141|", "vitals|2|139|"])
        #expect(findings.map(\.code) == ["ODM0014"], "\(findings)")
    }

    /// Two instruments giving one field of one flat row different values are never merged: the
    /// first is kept, the second reported where it is (ODM0015).
    @Test func twoValuesForOneFieldOfAFlatRowAreReported() throws {
        let text = Self.longitudinal.replacingOccurrences(
            of: "<ItemData ItemOID=\"record_id\" Value=\"7\"/>", with: "<ItemData ItemOID=\"record_id\" Value=\"07\"/>")
        let (tables, findings) = try ODMFixtures.load(text, wantedForms: ["data"])
        #expect(ODMFixtures.records(tables["data"]).map { $0["record_id"] } == ["7", "7", "7", "7", "7", "3"])
        let conflict = try #require(findings.first { $0.code == "ODM0015" })
        #expect(conflict.column == "record_id" && conflict.value == "07" && conflict.severity == .warning, "\(conflict)")
        #expect(conflict.message.contains("\"7\""))
    }

    /// Another vendor's file is left as it is: no flat table, no added columns.
    @Test func otherVendorsFilesAreUnchanged() throws {
        let text = Self.longitudinal.replacingOccurrences(of: " redcap:RecordIdField=\"record_id\"", with: "")
        let (tables, _) = try ODMFixtures.load(text, wantedForms: ["data"])
        #expect(tables.keys.sorted() == ["Enrolment", "Vital Signs"])
        #expect(tables["Vital Signs"]?.header.first == "vs_date")
    }

    /// REDCap's ODM export writes a datetime field's value with a T where its CSV export has a
    /// space: read with the space, in the instrument's table and the flat one, said once per column
    /// (ODM0016); a survey timestamp (already with a space) and other shapes are kept as given.
    @Test func datetimeValuesAreReadAsREDCapsCSVExportHoldsThem() throws {
        let text = Self.longitudinal
            .replacingOccurrences(
                of: #"<ItemDef OID="vs_date" Name="vs_date" DataType="date""#,
                with: #"<ItemDef OID="vs_date" Name="vs_date" DataType="partialDatetime""#
            )
            .replacingOccurrences(of: "2026-01-05", with: "2026-01-05T08:30")
            .replacingOccurrences(of: "2026-01-19", with: "2026-01-19T09:15:30")
            .replacingOccurrences(of: "2026-01-21", with: "2026-01-21 10:00")
            .replacingOccurrences(of: "2026-03-01", with: "2026-03-01T7:00")
        let (tables, findings) = try ODMFixtures.load(text, wantedForms: ["data"])
        let expected = ["2026-01-05 08:30", "2026-01-19 09:15:30", "2026-01-21 10:00", "2026-03-01T7:00", "2026-04-01"]
        #expect(Self.rows(try #require(tables["Vital Signs"]), ["vs_date"]) == expected)
        #expect(Self.rows(try #require(tables["data"]), ["vs_date"]) == expected + [""])
        let notes = findings.filter { $0.code == "ODM0016" }
        #expect(notes.count == 1, "\(findings)")
        let note = try #require(notes.first)
        #expect(note.severity == .note && note.column == "vs_date" && note.value == "2026-01-05T08:30")
        #expect(note.message.contains("2 value(s)") && note.message.contains("\"2026-01-05 08:30\""))
        #expect(note.line != nil && note.file != nil)
        // Another vendor's datetime values are kept as written.
        let other = text.replacingOccurrences(of: " redcap:RecordIdField=\"record_id\"", with: "")
        let (plain, quiet) = try ODMFixtures.load(other, wantedForms: [])
        #expect(Self.rows(try #require(plain["Vital Signs"]), ["vs_date"]).first == "2026-01-05T08:30")
        #expect(!quiet.contains { $0.code == "ODM0016" })
    }

    @Test func onlyREDCapsExactDatetimeShapeIsRestored() {
        #expect(ODMREDCapRecords.isExportedDatetime("2026-01-05T08:30"))
        #expect(ODMREDCapRecords.isExportedDatetime("2026-01-05T08:30:59"))
        for value in ["2026-01-05", "2026-01-05 08:30", "2026-01-05T08", "2026-01-05T08:30Z", "2026-1-05T08:30:00", "x"] {
            #expect(!ODMREDCapRecords.isExportedDatetime(value), "\(value)")
        }
        #expect(ODMREDCapRecords.spaced("2026-01-05T08:30:59") == "2026-01-05 08:30:59")
    }

    /// A survey's timestamp is declared DataType datetime but holds REDCap's `2026-01-05 14:30:12`
    /// or `[not completed]`, as its CSV export does: loaded as given, without a warning per survey.
    @Test func surveyTimestampsAreLoadedAsREDCapWritesThem() throws {
        let text = Self.longitudinal
            .replacingOccurrences(
                of: #"<ItemRef ItemOID="vs_date" Mandatory="No"/>"#,
                with: #"<ItemRef ItemOID="vitals_timestamp" Mandatory="No"/><ItemRef ItemOID="vs_date" Mandatory="No"/>"#
            )
            .replacingOccurrences(
                of: #"<ItemDef OID="sysbp""#,
                with:
                    #"<ItemDef OID="vitals_timestamp" Name="vitals_timestamp" DataType="datetime" Length="999"/><ItemDef OID="sysbp""#
            )
            .replacingOccurrences(
                of: #"<ItemData ItemOID="vs_date" Value="2026-01-05"/>"#,
                with:
                    #"<ItemData ItemOID="vitals_timestamp" Value="2026-01-05 14:30:12"/><ItemData ItemOID="vs_date" Value="2026-01-05"/>"#
            )
            .replacingOccurrences(
                of: #"<ItemData ItemOID="vs_date" Value="2026-01-19"/>"#,
                with:
                    #"<ItemData ItemOID="vitals_timestamp" Value="[not completed]"/><ItemData ItemOID="vs_date" Value="2026-01-19"/>"#
            )
        let (tables, findings) = try ODMFixtures.load(text, wantedForms: ["data"])
        #expect(
            Self.rows(try #require(tables["Vital Signs"]), ["vitals_timestamp"]).prefix(2) == [
                "2026-01-05 14:30:12", "[not completed]",
            ])
        #expect(findings.map(\.code) == ["ODM0014"], "\(findings)")
        // Another vendor's item of that name is checked against its DataType as any other.
        let other = text.replacingOccurrences(of: " redcap:RecordIdField=\"record_id\"", with: "")
        #expect(try ODMFixtures.load(other, wantedForms: []).findings.filter { $0.code == "ODM0007" }.count == 2)
    }
}
