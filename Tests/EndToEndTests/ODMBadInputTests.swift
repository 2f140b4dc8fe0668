import Foundation
import TestSupport
import Testing
import TrialExportIO

/// Hostile or broken ODM files given to `export --raw`: exit status 1, a message naming the file
/// and line (and column), no file read through an entity, and the previous export byte-identical.
@Suite(.serialized)
struct ODMBadInputTests {
    /// Runs an export of `odm` (written as the only file of a raw folder) over a previous export.
    func export(_ odm: Data, label: String) throws -> (BinaryRunner.Result, String) {
        let (parent, out) = (
            TestPaths.temporaryDirectory(label), TestPaths.temporaryDirectory(label).appendingPathComponent("export")
        )
        try AtomicExportTests.writePreviousExport(out)
        let file = parent.appendingPathComponent("study.xml")
        try odm.write(to: file)
        let result = try BinaryRunner.run(["export", "--raw", file.path, "--out", out.path, "--quiet"])
        #expect(try String(contentsOf: out.appendingPathComponent("marker"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [".trialexport", "marker"])
        return (result, file.path)
    }

    @Test func externalEntityIsRefusedNamingTheLineAndNothingIsRead() throws {
        let secret = TestPaths.temporaryDirectory("xxe-secret").appendingPathComponent("secret.txt")
        try "TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE ODM [<!ENTITY x SYSTEM \"file://\(secret.path)\">]>\n<ODM>&x;</ODM>\n"
        let (result, path) = try export(Data(text.utf8), label: "xxe")
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):2: ODM file has a <!DOCTYPE>"), "\(result.stderr)")
        #expect(!result.stderr.contains("TOP-SECRET") && !result.stdout.contains("TOP-SECRET"))
        #expect(result.stderr.contains("the previous output, if any, is unchanged"))
    }

    @Test func billionLaughsAndDeepNestingStopWithAClearError() throws {
        var entities = "<!ENTITY a0 \"lol\">"
        for i in 1...9 { entities += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        let (laughs, path) = try export(
            Data("<?xml version=\"1.0\"?>\n<!DOCTYPE ODM [\(entities)]><ODM>&a9;</ODM>".utf8), label: "laughs")
        #expect(laughs.status == 1 && laughs.stderr.contains("\(path):2: ODM file has a <!DOCTYPE>"), "\(laughs.stderr)")
        let nested = "<ODM>\n\n" + String(repeating: "<x>", count: 500) + String(repeating: "</x>", count: 500) + "</ODM>"
        let (deep, deepPath) = try export(Data(nested.utf8), label: "deep")
        #expect(deep.status == 1 && deep.stderr.contains("\(deepPath):3: XML elements nested 65 deep"), "\(deep.stderr)")
    }

    @Test func malformedXMLAndInvalidUTF8NameLineAndColumn() throws {
        let (broken, path) = try export(
            Data("<ODM>\n<ClinicalData>\n<SubjectData SubjectKey=\"1\"></ClinicalData></ODM>\n".utf8), label: "malformed")
        #expect(broken.status == 1, "\(broken.stderr)")
        #expect(broken.stderr.contains("\(path):3:") && broken.stderr.contains("XML is not well-formed"), "\(broken.stderr)")
        let bytes =
            Data("<ODM>\n<ClinicalData>\n<SubjectData SubjectKey=\"".utf8) + Data([0xFF])
            + Data("\"/></ClinicalData></ODM>\n".utf8)
        let (utf8, utf8Path) = try export(bytes, label: "utf8")
        #expect(
            utf8.status == 1 && utf8.stderr.contains("\(utf8Path):3:26: ") && utf8.stderr.contains("bytes \\xFF are not UTF-8"),
            "\(utf8.stderr)")
    }

    @Test func aFormTheSpecsNeedIsAnErrorNamingForm() throws {
        let text = try String(contentsOf: ODMExportTests.odm, encoding: .utf8)
            .replacingOccurrences(of: "<FormDef OID=\"F.DM\" Name=\"dm\"", with: "<FormDef OID=\"F.DM\" Name=\"demog\"")
        let (result, path) = try export(Data(text.utf8), label: "noform")
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path): form dm, needed by DM spec"), "\(result.stderr)")
    }

    @Test func findingsOnODMDataNameTheXMLLineAndTheItem() throws {
        let lines = try String(contentsOf: ODMExportTests.odm, encoding: .utf8).components(separatedBy: "\n")
        let i = try #require(lines.firstIndex { $0.contains("F.DM") && $0.contains("Value=\"Male\"") })
        var edited = lines
        edited[i] = lines[i].replacingOccurrences(of: "Value=\"Male\"", with: "Value=\"Mle\"")
        let parent = TestPaths.temporaryDirectory("odm-finding")
        let raw = parent.appendingPathComponent("raw")
        try FileManager.default.createDirectory(at: raw, withIntermediateDirectories: true)
        try Data(edited.joined(separator: "\n").utf8).write(to: raw.appendingPathComponent("NCT05549466.xml"))
        let out = parent.appendingPathComponent("out")
        let result = try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("NCT05549466.xml:\(i + 1)"), "\(result.stderr)")
        let findings = try String(contentsOf: out.appendingPathComponent("findings.csv"), encoding: .utf8)
        #expect(findings.contains("error,MAP0001,NCT05549466.xml,\(i + 1),SEX,DM,"), "\(findings.prefix(600))")
    }
}
