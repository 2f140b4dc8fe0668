import Foundation
import TestSupport
import Testing

/// A REDCap project exported twice, as REDCap writes its exports: the flat CSV ("all instruments",
/// raw values: one file, a row per record and event or repeat instance, checkbox columns, the data
/// access group) and the CDISC ODM XML of the same records (an ItemData per value, the record id
/// only in the first instrument, repeating instruments named in GlobalVariables). Specs written
/// for the CSV map the ODM file unchanged, to the same SDTM bytes.
@Suite(.serialized)
struct REDCapTwinTests {
    static let fixture = TestPaths.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/REDCapTwin")

    /// The non-oncology bundle's study files with the fixture's specs, forms.yaml and CT map.
    static let study: URL = {
        let study = TestPaths.temporaryDirectory("redcap").appendingPathComponent("study")
        let bundle = TestPaths.repositoryRoot.appendingPathComponent("mappings/DEMO-HTN-301")
        try! FileManager.default.createDirectory(at: study, withIntermediateDirectories: true)
        for file in ["study.yaml", "ct-extensions.yaml", "visits.yaml", "simulation.yaml"] {
            try! FileManager.default.copyItem(at: bundle.appendingPathComponent(file), to: study.appendingPathComponent(file))
        }
        for file in ["domains", "forms.yaml", "ct-map.yaml"] {
            try! FileManager.default.copyItem(at: fixture.appendingPathComponent(file), to: study.appendingPathComponent(file))
        }
        return study
    }()

    static func export(_ raw: String, from folder: URL = fixture) throws -> (out: URL, result: BinaryRunner.Result) {
        let out = study.deletingLastPathComponent().appendingPathComponent("out-\(raw)")
        let result = try BinaryRunner.run([
            "export", "--study", study.path, "--raw", folder.appendingPathComponent(raw).path, "--out", out.path,
            "--cutoff", "2026-06-30", "--formats", "csv,xpt", "--quiet",
        ])
        return (out, result)
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func theODMExportMapsToTheSameSDTMAsTheFlatCSV() throws {
        let (csvOut, csvRun) = try Self.export("csv")
        let (odmOut, odmRun) = try Self.export("odm")
        #expect(csvRun.status == 0, "\(csvRun.stderr)")
        #expect(odmRun.status == csvRun.status, "\(odmRun.stderr)")
        let datasets = try FileManager.default.contentsOfDirectory(atPath: csvOut.appendingPathComponent("csv").path).sorted()
        #expect(datasets == ["ae.csv", "dm.csv", "suppdm.csv", "suppvs.csv", "ta.csv", "te.csv", "ti.csv", "ts.csv", "vs.csv"])
        for name in datasets {
            let a = try Data(contentsOf: csvOut.appendingPathComponent("csv/\(name)"))
            let b = try Data(contentsOf: odmOut.appendingPathComponent("csv/\(name)"))
            #expect(a == b, "\(name) differs between the flat CSV and the ODM export")
        }
        for name in ["ae.xpt", "dm.xpt", "vs.xpt"] {
            let a = try Data(contentsOf: csvOut.appendingPathComponent("xpt/\(name)"))
            let b = try Data(contentsOf: odmOut.appendingPathComponent("xpt/\(name)"))
            #expect(a == b, "\(name) differs between the flat CSV and the ODM export")
        }
        // What the rows hold, not only that both agree: the checkbox race, the data access group
        // on the rows of later events, the repeating instrument's instances, a blank result.
        let dm = try Self.text(odmOut.appendingPathComponent("csv/dm.csv"))
        #expect(dm.contains("DEMO-HTN-301-1002,1002,,,,,2026-01-08,,,,02,1965-11-30,60,YEARS,F,MULTIPLE"), "\(dm)")
        let ae = try Self.text(odmOut.appendingPathComponent("csv/ae.csv")).split(separator: "\n")
        #expect(ae.count == 4)
        #expect(ae.dropFirst().allSatisfy { $0.contains(",site_0") })
        #expect(ae.contains { $0.contains("Nausea & vomiting") && $0.contains(",Y,") })
        let vs = try Self.text(odmOut.appendingPathComponent("csv/vs.csv"))
        #expect(vs.split(separator: "\n").count == 11)
        #expect(vs.contains("NOT DONE"))
        // A datetime field: REDCap's ODM export writes 2026-01-05T08:30 where the CSV has a space.
        #expect(vs.contains(",2026-01-05T08:30\n") && vs.contains(",2026-01-12T11:00:30\n"), "\(vs)")
        let findings = try Self.text(odmOut.appendingPathComponent("findings.csv"))
        #expect(findings.contains("ODM0014") && findings.contains("ODM0016"))
        #expect(!findings.contains("ODM0001") && !findings.contains("ODM0015"), "\(findings)")
    }

    /// An early export, before any adverse event: REDCap's ODM has no FormData of the instrument,
    /// its CSV has the instrument's columns, empty. The instrument is still there (an empty
    /// table with its columns), so the same specs map both, to the same SDTM (no AE records).
    @Test func anInstrumentWithoutRecordsYetMapsAsItsEmptyCSVColumnsDo() throws {
        let early = TestPaths.temporaryDirectory("redcap-early")
        let csvName = "csv/HTNPILOT_DATA_2026-12-07_0930.csv"
        let odmName = "odm/HTNPILOT_CDISC_ODM_2026-12-07_0930.xml"
        for folder in ["csv", "odm"] {
            try FileManager.default.createDirectory(at: early.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let csv = try Self.text(Self.fixture.appendingPathComponent(csvName)).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .filter { !$0.contains(",adverse_events,") }.joined(separator: "\n")
        try csv.write(to: early.appendingPathComponent(csvName), atomically: true, encoding: .utf8)
        let odm = try Self.text(Self.fixture.appendingPathComponent(odmName)).replacingOccurrences(
            of: #"\t*<FormData FormOID="Form.adverse_events"[\s\S]*?</FormData>\n"#, with: "", options: .regularExpression)
        #expect(
            !odm.contains("<FormData FormOID=\"Form.adverse_events\"") && odm.contains("<FormDef OID=\"Form.adverse_events\""))
        try odm.write(to: early.appendingPathComponent(odmName), atomically: true, encoding: .utf8)
        let (csvOut, csvRun) = try Self.export("csv", from: early)
        let (odmOut, odmRun) = try Self.export("odm", from: early)
        #expect(csvRun.status == 0, "\(csvRun.stderr)")
        #expect(odmRun.status == 0, "\(odmRun.stderr)")
        for name in ["ae.csv", "dm.csv", "vs.csv"] {
            let a = try Data(contentsOf: csvOut.appendingPathComponent("csv/\(name)"))
            let b = try Data(contentsOf: odmOut.appendingPathComponent("csv/\(name)"))
            #expect(a == b, "\(name) differs between the flat CSV and the ODM export")
        }
        #expect(try Self.text(odmOut.appendingPathComponent("csv/ae.csv")).split(separator: "\n").count == 1)
    }
}
