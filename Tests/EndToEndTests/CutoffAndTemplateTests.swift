import Foundation
import TestSupport
import Testing
import TrialExportIO

/// A data cut-off excludes and counts later records; a user's template copy is checked.
struct CutoffAndTemplateTests {
    func table(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        var header: [String] = [], rows: [[String]] = []
        try CSVReader(path: url.path).read(header: { header = $0 }, record: { rows.append($0.values) })
        return (header, rows)
    }

    @Test func recordsAfterTheCutoffAreExcludedAndCounted() throws {
        let out = TestPaths.temporaryDirectory("cutoff").appendingPathComponent("export")
        let result = try BinaryRunner.run(["export", "--cutoff", "2023-06-30", "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let rec = try table(out.appendingPathComponent("reconciliation.csv"))
        let ae = try #require(rec.rows.first { $0[0] == "form" && $0[1] == "ae" })
        #expect(Int(ae[6])! > 0, "some AEs start after the cut-off")
        #expect(ae[8].contains("dated after the data cut-off"))
        #expect(Int(ae[3]) == Int(ae[4])! + Int(ae[5])! + Int(ae[6])! + Int(ae[7])!)
        for dataset in ["ae", "ex", "ds", "tr", "rs"] {
            let t = try table(out.appendingPathComponent("csv/\(dataset).csv"))
            let dates = t.header.indices.filter {
                t.header[$0].hasSuffix("STDTC") || t.header[$0].hasSuffix("DTC") && !t.header[$0].hasSuffix("ENDTC")
            }
            for row in t.rows {
                for i in dates where row[i].count >= 10 {
                    #expect(String(row[i].prefix(10)) <= "2023-06-30", "\(dataset) \(t.header[i]) \(row[i])")
                }
            }
        }
        let ts = try table(out.appendingPathComponent("csv/ts.csv"))
        let parm = ts.header.firstIndex(of: "TSPARMCD")!, value = ts.header.firstIndex(of: "TSVAL")!
        #expect(ts.rows.first { $0[parm] == "DCUTDTC" }?[value] == "2023-06-30")
    }

    @Test func aTemplateNamingAnUnknownFieldFailsWithTemplateLineAndField() throws {
        let base = TestPaths.temporaryDirectory("templates")
        let templates = base.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent("templates"), to: templates)
        let arm = templates.appendingPathComponent("arm.md.mustache")
        var lines = try String(contentsOf: arm, encoding: .utf8).components(separatedBy: "\n")
        lines.insert("Objective response: {{efficacy.orx}}", at: 2)
        try lines.joined(separator: "\n").write(to: arm, atomically: true, encoding: .utf8)
        let out = base.appendingPathComponent("export")
        let result = try BinaryRunner.run(["export", "--templates", templates.path, "--out", out.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("arm.md.mustache:3") && result.stderr.contains("efficacy.orx"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing is written")
    }
}
