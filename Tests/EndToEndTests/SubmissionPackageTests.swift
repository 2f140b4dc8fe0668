import Foundation
import TestSupport
import Testing

/// The submission package of the example export: XPT read back by pyreadstat, Dataset-JSON against
/// its schema, define.xml against the Define-XML 2.1 XSD, and `--formats`.
@Suite(.serialized)
struct SubmissionPackageTests {
    static let reference = TestPaths.repositoryRoot.appendingPathComponent("../shared/reference/schemas").standardizedFileURL
    static let jsonSchema = reference.appendingPathComponent("dataset-json-1.1.schema.json").path
    static let defineSchema = reference.appendingPathComponent("define-xml-2.1/cdisc-define-2.1/define2-1-0.xsd").path

    /// Python with pyreadstat and jsonschema (installed with pip when missing), or why not.
    static let python: String? = {
        guard FileManager.default.fileExists(atPath: jsonSchema) else {
            return "the Dataset-JSON schema is not at \(jsonSchema) (../shared beside the repository)"
        }
        let probe = { try? BinaryRunner.runTool(["python3", "-c", "import pyreadstat, jsonschema"]) }
        if probe()?.status == 0 { return nil }
        _ = try? BinaryRunner.runTool(["python3", "-m", "pip", "install", "-q", "pyreadstat", "jsonschema"])
        return probe()?.status == 0
            ? nil : "python3 with pyreadstat and jsonschema is not available (pip install pyreadstat jsonschema)"
    }()

    static let xmllint: String? =
        !FileManager.default.fileExists(atPath: defineSchema)
        ? "the Define-XML schema is not at \(defineSchema) (../shared beside the repository)"
        : (try? BinaryRunner.runTool(["xmllint", "--version"]))?.status == 0
            ? nil : "xmllint is not installed (apt-get install libxml2-utils)"

    static func checkPackage(_ export: URL) throws -> BinaryRunner.Result {
        try BinaryRunner.runTool(["python3", "scripts/check-package.py", export.path, jsonSchema])
    }

    @Test(.enabled(if: python == nil, "\(python ?? "")"))
    func everyXPTCellAndDatasetJSONRowEqualsTheCSV() throws {
        let result = try Self.checkPackage(ExampleExportTests.export)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 15 && lines.allSatisfy { $0.hasPrefix("OK ") }, "\(result.stdout)")
        #expect(result.stdout.contains("OK ae: 457 rows, 1 xpt file(s)"))
    }

    @Test(.enabled(if: python == nil, "\(python ?? "")"))
    func theCheckerSeesACellThatDiffers() throws {
        let copy = TestPaths.temporaryDirectory("package").appendingPathComponent("export")
        try FileManager.default.copyItem(at: ExampleExportTests.export, to: copy)
        let csv = copy.appendingPathComponent("csv/ae.csv")
        let text = try String(contentsOf: csv, encoding: .utf8)
        try text.replacingOccurrences(of: ",AE,", with: ",XX,").write(to: csv, atomically: true, encoding: .utf8)
        let result = try Self.checkPackage(copy)
        #expect(result.status == 1)
        #expect(result.stdout.contains("DIFFERENT ae.xpt row 1 DOMAIN: csv 'XX' vs 'AE'"), "\(result.stdout)")
    }

    @Test(.enabled(if: xmllint == nil, "\(xmllint ?? "")"))
    func defineXMLValidatesAgainstTheDefine21Schema() throws {
        let define = ExampleExportTests.export.appendingPathComponent("define.xml")
        let result = try BinaryRunner.runTool(["xmllint", "--noout", "--schema", Self.defineSchema, define.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("define.xml validates"))
        // The same document with a value outside an enumeration does not: the check can fail.
        let broken = TestPaths.temporaryDirectory("define").appendingPathComponent("define.xml")
        let text = try String(contentsOf: define, encoding: .utf8)
        try text.replacingOccurrences(of: "Repeating=\"Yes\"", with: "Repeating=\"Maybe\"")
            .write(to: broken, atomically: true, encoding: .utf8)
        let failed = try BinaryRunner.runTool(["xmllint", "--noout", "--schema", Self.defineSchema, broken.path])
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("Repeating") && failed.stderr.contains("fails to validate"), "\(failed.stderr)")
    }

    @Test func defineXMLDescribesEveryDatasetWithItsLeafOriginsAndValueLists() throws {
        let export = ExampleExportTests.export
        let text = try String(contentsOf: export.appendingPathComponent("define.xml"), encoding: .utf8)
        let csv = try FileManager.default.contentsOfDirectory(atPath: export.appendingPathComponent("csv").path)
        for file in csv {
            let name = String(file.dropLast(4))
            #expect(text.contains("<ItemGroupDef OID=\"IG.\(name.uppercased())\""), "\(name)")
            #expect(text.contains("xlink:href=\"xpt/\(name).xpt\""), "\(name)")
            #expect(FileManager.default.fileExists(atPath: export.appendingPathComponent("xpt/\(name).xpt").path))
        }
        for expected in [
            "<def:Standard OID=\"STD.SDTMIG\" Name=\"SDTMIG\" Type=\"IG\" Version=\"3.4\"",
            "PublishingSet=\"SDTM\" Version=\"2025-03-28\"",
            "<def:Origin Type=\"Collected\" Source=\"Investigator\">", "<def:Origin Type=\"Protocol\">",
            "<def:Origin Type=\"Assigned\" Source=\"Sponsor\">", "<MethodDef OID=\"MT.AE.AESTDY\"",
            "<def:ValueListDef OID=\"VL.SUPPAE.QVAL\">", "<def:ValueListDef OID=\"VL.TS.TSVAL\">",
            "<def:ValueListDef OID=\"VL.TR.TRORRES\">", "<def:WhereClauseDef OID=\"WC.TS.TSPARMCD.DCUTDTC\">",
            "<CodeList OID=\"CL.SEX\"", "<Alias Context=\"nci:ExtCodeID\" Name=\"C66731\"/>",
        ] {
            #expect(text.contains(expected), "define.xml lacks \(expected)")
        }
    }

    @Test func formatsChooseTheFilesWritten() throws {
        let base = TestPaths.temporaryDirectory("formats")
        let csvOnly = base.appendingPathComponent("csv")
        #expect(try BinaryRunner.run(["export", "--out", csvOnly.path, "--formats", "csv", "--quiet"]).status == 0)
        let written = try FileManager.default.contentsOfDirectory(atPath: csvOnly.path).sorted()
        #expect(written == [".trialexport", "csv", "findings.csv", "reconciliation.csv", "reports"])
        let xpt = base.appendingPathComponent("xpt")
        #expect(try BinaryRunner.run(["export", "--out", xpt.path, "--formats", "xpt,json", "--quiet"]).status == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: xpt.path).sorted()
                == [".trialexport", "define.xml", "findings.csv", "json", "reconciliation.csv", "reports", "xpt"])
        let bad = try BinaryRunner.run(["export", "--out", base.appendingPathComponent("bad").path, "--formats", "csv,sas"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--formats: unknown format \"sas\""), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("bad").path))
    }

    @Test func aValueThatIsNotASCIIIsAnErrorAtItsRawLineAndTheXPTKeepsItsBytes() throws {
        let base = TestPaths.temporaryDirectory("ascii")
        let raw = base.appendingPathComponent("edc")
        try FileManager.default.copyItem(
            at: TestPaths.repositoryRoot.appendingPathComponent("examples/NCT05549466/edc"), to: raw)
        let ae = raw.appendingPathComponent("ae.csv")
        var lines = try String(contentsOf: ae, encoding: .utf8).components(separatedBy: "\r\n")
        #expect(lines[1].contains(",Alopecia,Alopecia,"))
        lines[1] = lines[1].replacingOccurrences(of: ",Alopecia,Alopecia,", with: ",Alop\u{E9}cie,Alopecia,")
        try lines.joined(separator: "\r\n").write(to: ae, atomically: true, encoding: .utf8)
        let out = base.appendingPathComponent("export")
        let result = try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--quiet"])
        #expect(result.status == 1, "an error finding")
        #expect(
            result.stderr.contains(
                "error: CHK0037 ae.csv:2 AE NCT05549466-101-0002 AESEQ=1 AETERM: AETERM holds a character"
                    + " that is not ASCII (first \"\u{E9}\" U+00E9)"), "\(result.stderr)")
        let findings = try String(contentsOf: out.appendingPathComponent("findings.csv"), encoding: .utf8)
        #expect(findings.contains("error,CHK0037,ae.csv,2,,AE,NCT05549466-101-0002,1,AETERM,Alop\u{E9}cie,"))
        // Nothing is replaced: the XPT holds the value's UTF-8 bytes, the CSV the value.
        let xpt = try Data(contentsOf: out.appendingPathComponent("xpt/ae.xpt"))
        #expect(xpt.range(of: Data("Alop\u{E9}cie".utf8)) != nil)
        #expect(try String(contentsOf: out.appendingPathComponent("csv/ae.csv"), encoding: .utf8).contains(",Alop\u{E9}cie,"))
    }
}
