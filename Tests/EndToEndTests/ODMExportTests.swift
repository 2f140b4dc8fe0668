import Foundation
import TestSupport
import Testing
import TrialExportCore

@testable import TrialExportIO

/// The example study generated as one ODM 1.3.2 document: valid against the ODM XSD, and exported
/// from it the same bytes as from its CSV forms (except where the raw file is named).
@Suite(.serialized)
struct ODMExportTests {
    static let schema = TestPaths.repositoryRoot
        .appendingPathComponent("../shared/reference/schemas/define-xml-2.1/cdisc-odm-1.3.2/ODM1-3-2.xsd").standardizedFileURL
        .path

    static let xmllint: String? =
        !FileManager.default.fileExists(atPath: schema)
        ? "the ODM 1.3.2 schema is not at \(schema) (../shared beside the repository)"
        : (try? BinaryRunner.runTool(["xmllint", "--version"]))?.status == 0
            ? nil : "xmllint is not installed (apt-get install libxml2-utils)"

    /// `generate --format odm` with the defaults: the example study's data as ODM.
    static let odm: URL = {
        let folder = TestPaths.temporaryDirectory("odm").appendingPathComponent("edc-odm")
        let result = try! BinaryRunner.run(["generate", "--format", "odm", "--out", folder.path, "--quiet"])
        precondition(result.status == 0, "generate failed: \(result.stderr)")
        return folder.appendingPathComponent("NCT05549466.xml")
    }()

    static let export: URL = {
        let out = odm.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("NCT05549466")
        let result = try! BinaryRunner.run([
            "export", "--raw", odm.deletingLastPathComponent().path, "--out", out.path, "--quiet",
        ])
        precondition(result.status == 0, "export from ODM failed: \(result.stderr)")
        return out
    }()

    @Test(.enabled(if: xmllint == nil, "\(xmllint ?? "")"))
    func generatedODMIsValidAgainstTheODM132Schema() throws {
        let result = try BinaryRunner.runTool(["xmllint", "--noout", "--schema", Self.schema, Self.odm.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("validates"))
    }

    @Test func generatedODMHasMetadataNamedAsTheCSVFormsAndLineBreaksAsCharacterReferences() throws {
        let text = try String(contentsOf: Self.odm, encoding: .utf8)
        #expect(text.contains("<FormDef OID=\"F.AE\" Name=\"ae\""))
        #expect(text.contains("Name=\"AETERM\" DataType=\"text\""))
        #expect(text.contains("<CodeList OID=\"CL.DM.SEX\""))
        // No value holds a literal line break: every element starts on its own line.
        for line in text.split(separator: "\n") { #expect(line.hasPrefix("<"), "\(line.prefix(80))") }
    }

    /// The example's ODM file read in parts of 64 KiB on all cores (as a large study's file is)
    /// gives the tables, lines and findings of one parser.
    @Test func generatedODMReadInPartsAsByOneParser() throws {
        #expect(ODMSegmentedRead.read(path: Self.odm.path, display: "NCT05549466.xml", partBytes: 64 << 10) != nil)
        func read(_ partBytes: Int?) throws -> (tables: [RawTable], findings: [Finding]) {
            let sink = FindingCollector()
            let (tables, _) = try ODMLoader.read(
                path: Self.odm.path, findings: sink, displayPath: "NCT05549466.xml", partBytes: partBytes)
            return (tables, sink.findings)
        }
        let one = try read(nil)
        let parts = try read(64 << 10)
        #expect(one.tables.map(\.form) == parts.tables.map(\.form))
        for (a, b) in zip(one.tables, parts.tables) {
            #expect(Array(a.rows) == Array(b.rows), "\(a.form)")
            #expect(a.rejected == b.rejected, "\(a.form)")
        }
        #expect(one.findings == parts.findings)
        #expect(one.tables.reduce(0) { $0 + $1.rowCount } > 5000)
    }

    /// Every file of the export, by path relative to the export folder.
    static func files(_ root: URL) throws -> [String] {
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
        return walker.compactMap { ($0 as? URL)?.path.replacingOccurrences(of: root.path + "/", with: "") }
            .filter {
                !$0.hasPrefix(".")
                    && ((try? root.appendingPathComponent($0).resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false)
                        == true
            }
            .sorted()
    }

    /// The rows of a CSV with the columns that name the raw file and line emptied.
    static func withoutRawLocation(_ url: URL) throws -> [[String]] {
        var header: [String] = [], rows: [[String]] = []
        try CSVReader(path: url.path).read(header: { header = $0 }, record: { rows.append($0.values) })
        let blank = Set(["File", "Line"].compactMap { header.firstIndex(of: $0) })
        return [header] + rows.map { row in row.enumerated().map { blank.contains($0.offset) ? "" : $0.element } }
    }

    @Test func exportFromODMEqualsExportFromCSVByteForByteExceptTheRawFileLocation() throws {
        let csv = ExampleExportTests.export, odm = Self.export
        let files = try Self.files(csv)
        #expect(try Self.files(odm) == files)
        let located = ["findings.csv", "reconciliation.csv", "NCT05549466-sdtm.xlsx"]
        for file in files where !located.contains(file) {
            let a = try Data(contentsOf: csv.appendingPathComponent(file))
            let b = try Data(contentsOf: odm.appendingPathComponent(file))
            #expect(a == b, "\(file) differs")
        }
        // Findings and reconciliation name the raw file and line: ae.csv line 25 vs NCT05549466.xml line 1311.
        // Findings of the loaded values (RAW0009) follow file and line, so their order differs: compared as sets.
        for file in ["findings.csv", "reconciliation.csv"] {
            var a = try Self.withoutRawLocation(csv.appendingPathComponent(file))
            var b = try Self.withoutRawLocation(odm.appendingPathComponent(file))
            if file == "findings.csv" {
                a = [a[0]] + a.dropFirst().sorted { $0.lexicographicallyPrecedes($1) }
                b = [b[0]] + b.dropFirst().sorted { $0.lexicographicallyPrecedes($1) }
            }
            #expect(a == b, "\(file) differs beyond File and Line")
            #expect(a.count > 1)
        }
        let reconciliation = try String(contentsOf: odm.appendingPathComponent("reconciliation.csv"), encoding: .utf8)
        #expect(reconciliation.contains("form,ae,NCT05549466.xml,457,0,457,0,0,"), "records read per form from the ODM file")
        try compareWorkbooks(csv.appendingPathComponent(located[2]), odm.appendingPathComponent(located[2]))
    }

    /// Every sheet cell for cell; on the Findings and Reconciliation sheets, File and Line are left out.
    func compareWorkbooks(_ a: URL, _ b: URL) throws {
        let x = try XLSXReader(path: a.path), y = try XLSXReader(path: b.path)
        #expect(x.sheetNames == y.sheetNames)
        for (s, t) in zip(x.sheets, y.sheets) {
            var left = s.grid, right = t.grid
            let header = left.first ?? []
            for name in ["File", "Line"] {
                guard let i = header.firstIndex(of: .string(name)), ["Findings", "Reconciliation"].contains(s.name) else {
                    continue
                }
                for r in left.indices { left[r][i] = nil }
                for r in right.indices where i < right[r].count { right[r][i] = nil }
            }
            if s.name == "Findings" {
                // In the order of file and line, which differ: compared as sets of rows.
                let key = { (row: [XLSXCell?]) in row.map { $0.map { "\($0)" } ?? "" }.joined(separator: "\u{1F}") }
                left = left.sorted { key($0) < key($1) }
                right = right.sorted { key($0) < key($1) }
            }
            #expect(left == right, "sheet \(s.name) differs")
        }
    }
}
