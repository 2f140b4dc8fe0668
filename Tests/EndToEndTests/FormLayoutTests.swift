import Foundation
import TestSupport
import Testing
import TrialExportIO

/// Studies exported the way EDC vendors do (see Tests/EndToEndTests/Fixtures), mapped from their
/// YAML alone: a Viedoc-like export (two header rows, timestamped file names) and a Latin-1 file
/// with ';' between fields.
struct FormLayoutTests {
    /// A study folder: the example's study definition and CT map, the fixture's specs and forms.yaml.
    func study(_ fixture: String) throws -> (study: URL, raw: URL, out: URL) {
        let root = TestPaths.temporaryDirectory("layout")
        let source = TestPaths.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/\(fixture)")
        let study = root.appendingPathComponent("study")
        try FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        let example = TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466")
        for file in ["study.yaml", "ct-map.yaml", "visits.yaml", "ct-extensions.yaml"] {
            try FileManager.default.copyItem(at: example.appendingPathComponent(file), to: study.appendingPathComponent(file))
        }
        for item in ["domains", "forms.yaml"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: study.appendingPathComponent(item))
        }
        return (study, source.appendingPathComponent("edc"), root.appendingPathComponent("out"))
    }

    func export(_ fixture: String) throws -> (BinaryRunner.Result, URL) {
        let (study, raw, out) = try study(fixture)
        let result = try BinaryRunner.run([
            "export", "--raw", raw.path, "--study", study.path, "--out", out.path, "--cutoff", "2024-12-31", "--quiet",
        ])
        return (result, out)
    }

    func table(_ url: URL) throws -> [[String: String]] {
        var header: [String] = [], rows: [[String: String]] = []
        try CSVReader(path: url.path).read(
            header: { header = $0 }, record: { rows.append(Dictionary(uniqueKeysWithValues: zip(header, $0.values))) })
        return rows
    }

    @Test func viedocExportWithTwoHeaderRowsAndTimestampedNamesMapsFromYAMLAlone() throws {
        let (result, out) = try export("ViedocStudy")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("findings.csv").path), "\(result.stderr)")
        let dm = try table(out.appendingPathComponent("csv/dm.csv"))
        #expect(dm.map { $0["USUBJID"] } == ["MYSTUDY-SITE1-S-01", "MYSTUDY-SITE2-S-02"])
        #expect(dm.map { $0["SITEID"] } == ["SITE1", "SITE2"])
        #expect(dm.map { $0["SEX"] } == ["F", "M"])
        #expect(dm.map { $0["RFSTDTC"] } == ["2024-01-10", "2024-01-12"])
        let ae = try table(out.appendingPathComponent("csv/ae.csv"))
        let bySubject = Dictionary(grouping: ae, by: { $0["AETERM"]! })
        // The item-id row is not a record; the DM link is the raw subject, not the derived SUBJID.
        #expect(ae.count == 3)
        #expect(bySubject["Headache"]?.first?["USUBJID"] == "MYSTUDY-SITE1-S-01")
        #expect(bySubject["Headache"]?.first?["AESTDTC"] == "2024-01-15")
        #expect(bySubject["Headache"]?.first?["AESTDY"] == "6")
        #expect(bySubject["Nausea"]?.first?["AESTDY"] == "1")
        #expect(bySubject["Rash"]?.first?["AESTDY"] == "")
        let findings = try table(out.appendingPathComponent("findings.csv"))
        let unlinked = try #require(findings.first { $0["Code"] == "MAP0010" })
        #expect(unlinked["File"] == "MyStudy_AE_20241105_0930.csv" && unlinked["Line"] == "5")
        #expect(unlinked["Value"] == "S-99" && unlinked["Column"] == "Subject Id")
        #expect(findings.filter { $0["Code"] == "MAP0010" }.count == 1)
        let loose = findings.filter { $0["Code"] == "RAW0008" }.map { $0["Column"] ?? "" }.sorted()
        #expect(loose == ["SUBJECT ID", "Sex", "Site Code", "Subject Id"])
        let reconciliation = try table(out.appendingPathComponent("reconciliation.csv"))
        let unread = try #require(reconciliation.first { $0["Kind"] == "file" })
        #expect(unread["File"] == "MyStudy_DA_20241105_0930.csv")
        #expect(unread["Detail"] == "not read: no spec reads this form")
        let dmForm = try #require(reconciliation.first { $0["Kind"] == "form" && $0["Name"] == "dm" })
        #expect(dmForm["Read"] == "2" && dmForm["File"] == "MyStudy_DM_20241105_0930.csv")
    }

    @Test func latin1ExportWithSemicolonsMapsFromYAMLAlone() throws {
        let (result, out) = try export("Latin1Study")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("findings.csv").path), "\(result.stderr)")
        let dm = try table(out.appendingPathComponent("csv/dm.csv"))
        #expect(dm.map { $0["SITEID"] } == ["Zürich", "Genève"])
        #expect(dm.map { $0["USUBJID"] } == ["LATIN-P1", "LATIN-P2"])
        let ae = try table(out.appendingPathComponent("csv/ae.csv"))
        #expect(ae.map { $0["AETERM"] } == ["Céphalée", "Nausée; légère"])
        #expect(ae.map { $0["AESTDTC"] } == ["2024-01-15", "2024-01-11"])
        #expect(ae.map { $0["AESTDY"] } == ["6", "1"])
        let findings = try table(out.appendingPathComponent("findings.csv"))
        #expect(!findings.contains { ($0["Code"] ?? "").hasPrefix("RAW") || $0["Code"] == "MAP0010" })
    }

    @Test func patternMatchingSeveralFilesStopsNamingThemAll() throws {
        let (study, raw, out) = try study("ViedocStudy")
        let copy = out.deletingLastPathComponent().appendingPathComponent("edc")
        try FileManager.default.copyItem(at: raw, to: copy)
        try FileManager.default.copyItem(
            at: copy.appendingPathComponent("MyStudy_AE_20241105_0930.csv"),
            to: copy.appendingPathComponent("MyStudy_AE_20241112_0800.csv"))
        let result = try BinaryRunner.run(["export", "--raw", copy.path, "--study", study.path, "--out", out.path, "--quiet"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("MyStudy_AE_20241105_0930.csv, MyStudy_AE_20241112_0800.csv"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func unknownEncodingInFormsYAMLNamesFileLineAndColumn() throws {
        let (study, raw, out) = try study("Latin1Study")
        let forms = study.appendingPathComponent("forms.yaml")
        let text = try String(contentsOf: forms, encoding: .utf8).replacingOccurrences(of: "latin1", with: "latin-9")
        try text.write(to: forms, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["export", "--raw", raw.path, "--study", study.path, "--out", out.path, "--quiet"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("forms.yaml:2:"), "\(result.stderr)")
        #expect(result.stderr.contains("unknown encoding \"latin-9\""), "\(result.stderr)")
    }

    @Test func columnNoHeaderHasIsASpecErrorAtItsYAMLLine() throws {
        let (study, raw, out) = try study("ViedocStudy")
        let spec = study.appendingPathComponent("domains/ae.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8).replacingOccurrences(
            of: "from: IT.AETERM", with: "from: IT.AETREM")
        try text.write(to: spec, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["export", "--raw", raw.path, "--study", study.path, "--out", out.path, "--quiet"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("domains/ae.yaml:9:59: variable AETERM (from)"), "\(result.stderr)")
        #expect(result.stderr.contains("\"IT.AETREM\" names no column of form ae (MyStudy_AE_20241105_0930.csv"))
        #expect(result.stderr.contains("Did you mean \"IT.AETERM\"?"))
        #expect(result.stderr.contains("The form's columns: \"SUBJECT ID\", \"IT.AETERM\", \"IT.AESTDAT\""))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func caseTwinHeadersAreASpecErrorListingBoth() throws {
        let (study, raw, out) = try study("ViedocStudy")
        let copy = out.deletingLastPathComponent().appendingPathComponent("edc")
        try FileManager.default.copyItem(at: raw, to: copy)
        let file = copy.appendingPathComponent("MyStudy_AE_20241105_0930.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "IT.AESTDAT\r\n", with: "IT.AESTDAT,Subject id\r\n")
            .replacingOccurrences(of: "2024\r\n", with: "2024,x\r\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["export", "--raw", copy.path, "--study", study.path, "--out", out.path, "--quiet"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("domains/ae.yaml:2:16: subjectColumn"), "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "\"Subject Id\" matches several columns of form ae ignoring case and spaces: \"SUBJECT ID\", \"Subject id\""),
            "\(result.stderr)")
    }
}
