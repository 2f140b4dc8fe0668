import Foundation
import TestSupport
import Testing
import TrialExportIO

/// A tiny REDCap-like study mapped by YAML alone: checkbox columns, a one-row-per-visit form looked
/// up with a filter, SITEID cut from the subject number, DSTERM upper-cased, the date part of a
/// date-time. Values are checked exactly; bad ticks and bad patterns are reported where they are.
struct TransformStudyTests {
    static let dmSpec = """
        domain: DM
        subjectColumn: Subject
        records:
          - form: dm
            lookups:
              - {form: vis, where: {column: VISIT, equals: Baseline}}
            variables:
              - {variable: STUDYID, algorithm: hardcode_no_ct, value: NCT05549466}
              - {variable: DOMAIN, algorithm: hardcode_no_ct, value: DM}
              - {variable: SUBJID, algorithm: assign_no_ct, from: Subject}
              - variable: SITEID
                algorithm: assign_no_ct
                from: Subject
                transform: [{regex_extract: "^(\\\\d+)-\\\\d+$", group: 1}]
              - {variable: USUBJID, algorithm: template, value: "{STUDYID}-{SUBJID}"}
              - {variable: SEX, algorithm: assign_ct, from: SEX, codelist: SEX}
              - variable: RACE
                algorithm: multi_select
                codelist: RACE
                multiSelect:
                  several: supp
                  options:
                    - {column: race___1, value: AMERICAN INDIAN OR ALASKA NATIVE}
                    - {column: race___2, value: Asian}
                    - {column: race___3, value: BLACK OR AFRICAN AMERICAN}
                    - {column: race___4, value: NATIVE HAWAIIAN OR OTHER PACIFIC ISLANDER}
                    - {column: race___5, value: White}
              - {variable: ARMCD, algorithm: assign_ct, from: vis.ARM, codelist: ARMCD}
              - {variable: RFICDTC, algorithm: assign_no_ct, from: ICDTM, transform: [date_part]}
              - {variable: COUNTRY, algorithm: site_country, variables: [SITEID]}
        """

    static let dsSpec = """
        domain: DS
        subjectColumn: Subject
        records:
          - form: eos
            variables:
              - {variable: STUDYID, algorithm: hardcode_no_ct, value: NCT05549466}
              - {variable: DOMAIN, algorithm: hardcode_no_ct, value: DS}
              - {variable: USUBJID, algorithm: template, value: "{STUDYID}-{eos.Subject}"}
              - {variable: DSTERM, algorithm: assign_no_ct, from: EOSTERM, transform: [trim, upper]}
              - {variable: DSDECOD, algorithm: hardcode_ct, value: COMPLETED, codelist: NCOMPLT}
              - {variable: DSCAT, algorithm: hardcode_ct, value: DISPOSITION EVENT, codelist: DSCAT}
              - {variable: DSSTDTC, algorithm: assign_no_ct, from: EOSDTM, transform: [date_part]}
        """

    static let forms = [
        "dm": """
        Subject,SEX,ICDTM,race___1,race___2,race___3,race___4,race___5
        101-003,Male,2022-02-16 08:06,0,1,0,0,0
        101-004,Female,2022-02-17T09:30,0,1,0,0,1
        101-007,Male,2022-02-18 10:00,0,0,0,0,0

        """,
        "vis": """
        Subject,VISIT,VISDAT,ARM
        101-003,Screening,2022-02-16,
        101-003,Baseline,2022-03-01,Arm D: Chemotherapy
        101-003,Week 2,2022-03-15,Arm D: Chemotherapy
        101-004,Baseline,2022-03-02,Arm B: Apatinib + Camrelizumab
        101-007,Screening,2022-02-18,

        """,
        "eos": """
        Subject,EOSTERM,EOSDTM
        101-003,completed ,2022-02-16 08:06
        101-004,Completed,2022-05-01T12:00

        """,
    ]

    /// The study (the example's study.yaml and CT map, these specs) and raw folder, with `edit` applied to form texts.
    func study(dm: String = dmSpec, ds: String = dsSpec, edit: (inout [String: String]) -> Void = { _ in }) throws -> (
        study: URL, raw: URL, out: URL
    ) {
        let base = TestPaths.temporaryDirectory("xform")
        let study = base.appendingPathComponent("study")
        let example = TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466")
        try FileManager.default.createDirectory(at: study.appendingPathComponent("domains"), withIntermediateDirectories: true)
        for file in ["study.yaml", "ct-map.yaml", "ct-extensions.yaml", "visits.yaml", "simulation.yaml"] {
            try FileManager.default.copyItem(at: example.appendingPathComponent(file), to: study.appendingPathComponent(file))
        }
        try dm.write(to: study.appendingPathComponent("domains/dm.yaml"), atomically: true, encoding: .utf8)
        try ds.write(to: study.appendingPathComponent("domains/ds.yaml"), atomically: true, encoding: .utf8)
        let raw = base.appendingPathComponent("raw")
        try FileManager.default.createDirectory(at: raw, withIntermediateDirectories: true)
        var forms = Self.forms
        edit(&forms)
        for (form, text) in forms {
            try text.write(to: raw.appendingPathComponent("\(form).csv"), atomically: true, encoding: .utf8)
        }
        return (study, raw, base.appendingPathComponent("out"))
    }

    func export(_ s: (study: URL, raw: URL, out: URL)) throws -> BinaryRunner.Result {
        try BinaryRunner.run([
            "export", "--study", s.study.path, "--raw", s.raw.path, "--out", s.out.path, "--quiet", "--formats", "csv",
        ])
    }

    /// Rows of a CSV output as dictionaries.
    func rows(_ file: URL) throws -> [[String: String]] {
        var header: [String] = [], rows: [[String: String]] = []
        try CSVReader(path: file.path).read(
            header: { header = $0 }, record: { rows.append(Dictionary(uniqueKeysWithValues: zip(header, $0.values))) })
        return rows
    }

    func csv(_ out: URL, _ name: String) throws -> [[String: String]] {
        let folder = out.appendingPathComponent("csv")
        let dir = FileManager.default.fileExists(atPath: folder.path) ? folder : out
        return try rows(dir.appendingPathComponent("\(name).csv"))
    }
}

extension TransformStudyTests {
    @Test func mapsCheckboxesLookupsAndTransformsExactly() throws {
        let s = try study()
        let result = try export(s)
        let findings = try rows(s.out.appendingPathComponent("findings.csv"))
        #expect(!findings.contains { ($0["Code"] ?? "").hasPrefix("MAP") || $0["Code"] == "RAW0002" }, "\(findings)")
        let dm = try csv(s.out, "dm")
        #expect(result.status == 0 || !dm.isEmpty, "\(result.stderr)")
        #expect(dm.map { $0["SITEID"] } == ["101", "101", "101"])
        #expect(dm.map { $0["RACE"] } == ["ASIAN", "MULTIPLE", ""])
        #expect(dm.map { $0["ARMCD"] } == ["CT", "APA+CAM", ""], "the Baseline row of vis, not the first")
        #expect(dm.map { $0["RFICDTC"] } == ["2022-02-16", "2022-02-17", "2022-02-18"])
        let supp = try csv(s.out, "suppdm")
        #expect(
            supp.map { "\($0["USUBJID"]!) \($0["QNAM"]!)=\($0["QVAL"]!) \($0["QLABEL"]!)" } == [
                "NCT05549466-101-004 RACE1=ASIAN Race 1", "NCT05549466-101-004 RACE2=WHITE Race 2",
            ])
        let ds = try csv(s.out, "ds")
        #expect(ds.map { $0["DSTERM"] } == ["COMPLETED", "COMPLETED"])
        #expect(ds.map { $0["DSSTDTC"] } == ["2022-02-16", "2022-05-01"])
    }

    @Test func aBadTickAndAnUnextractableSubjectAreReportedAtTheirCells() throws {
        let s = try study { forms in
            forms["dm"] = forms["dm"]!.replacingOccurrences(
                of: "101-004,Female,2022-02-17T09:30,0,1,0,0,1", with: "101-004,Female,2022-02-17T09:30,0,1,0,?,1"
            )
            .replacingOccurrences(of: "101-007,", with: "X7,")
        }
        let result = try export(s)
        #expect(result.status == 1, "errors make the run fail")
        let findings = try rows(s.out.appendingPathComponent("findings.csv"))
        let tick = try #require(findings.first { $0["Code"] == "MAP0021" })
        #expect(tick["File"] == "dm.csv" && tick["Line"] == "3" && tick["Column"] == "race___4" && tick["Value"] == "?")
        let site = try #require(findings.first { $0["Code"] == "MAP0020" })
        #expect(site["File"] == "dm.csv" && site["Line"] == "4" && site["Column"] == "Subject" && site["Value"] == "X7")
        let dm = try csv(s.out, "dm")
        #expect(dm.map { $0["RACE"] } == ["ASIAN", "", ""], "a bad tick leaves RACE null, never the last tick")
    }

    @Test func anInvalidPatternIsASpecErrorAtItsLine() throws {
        let bad = Self.dmSpec.replacingOccurrences(
            of: "{regex_extract: \"^(\\\\d+)-\\\\d+$\", group: 1}", with: "{regex_extract: \"^(\\\\d+-\", group: 1}")
        #expect(bad != Self.dmSpec)
        let s = try study(dm: bad)
        let result = try export(s)
        #expect(result.status != 0)
        #expect(result.stderr.contains("dm.yaml:14:21"), "\(result.stderr)")
        #expect(result.stderr.contains("not a valid regular expression"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: s.out.path), "nothing written")
    }

    @Test func seqOrderSortsBeforeNumberingAndAnUnknownNameIsASpecError() throws {
        let ordered = Self.dsSpec.replacingOccurrences(
            of: "subjectColumn: Subject\n", with: "subjectColumn: Subject\nseqOrder: [USUBJID, DSTERM]\n")
        let s = try study(ds: ordered) { forms in
            forms["eos"]! += "101-003,Lost To Follow-Up,2022-01-02 10:00\n"
        }
        _ = try export(s)
        let ds = try csv(s.out, "ds")
        #expect(
            ds.map { "\($0["USUBJID"]!) \($0["DSSEQ"]!) \($0["DSSTDTC"]!)" } == [
                "NCT05549466-101-003 1 2022-02-16", "NCT05549466-101-003 2 2022-01-02", "NCT05549466-101-004 1 2022-05-01",
            ], "COMPLETED before LOST TO FOLLOW-UP by DSTERM; the SDTMIG keys (DSDECOD, DSSTDTC) would put the earlier date first"
        )
        let bad = try study(ds: ordered.replacingOccurrences(of: "DSTERM]", with: "DSTRM]"))
        let result = try export(bad)
        #expect(result.status != 0)
        #expect(result.stderr.contains("ds.yaml:3:"), "\(result.stderr)")
        #expect(result.stderr.contains("DSTRM is not a DS variable"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: bad.out.path), "nothing written")
    }

    @Test func aMissingCheckboxColumnStopsTheRunNamingIt() throws {
        let s = try study { forms in
            forms["dm"] = forms["dm"]!.replacingOccurrences(of: ",race___5\n", with: ",race_5\n")
        }
        let result = try export(s)
        #expect(result.status != 0)
        #expect(result.stderr.contains("race___5"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: s.out.path), "nothing written")
    }
}
