import Foundation
import TestSupport
import Testing
import TrialExportIO

/// Dates on the command line are ISO 8601 only; the cut-off is checked against the data; `diff`
/// and `--previous` take only exports.
struct OptionValidationTests {
    @Test(arguments: [
        ("01/06/2024", "write 2024-01-06 or 2024-06-01"), ("2024/06/01", "write 2024-06-01"), ("2024-6-1", "write 2024-06-01"),
        ("2024-02-30", "no such day exists"), ("2024-06-01T00:00", "YYYY-MM-DD"), ("+024-06-01", "YYYY-MM-DD"),
        ("yesterday", "YYYY-MM-DD"),
    ])
    func aCutoffNotWrittenYYYYMMDDIsRefused(text: String, advice: String) throws {
        let out = TestPaths.temporaryDirectory("cutoff-format").appendingPathComponent("out")
        let result = try BinaryRunner.run(["export", "--cutoff", text, "--out", out.path, "--quiet"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--cutoff \"\(text)\" is not a date written YYYY-MM-DD"), "\(result.stderr)")
        #expect(result.stderr.contains(advice), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test(arguments: [["--as-of", "06/01/2023"], ["--as-of", "2023-06-08", "--since", "2023/06/01"]])
    func generateDatesAreISOOnly(dates: [String]) throws {
        let out = TestPaths.temporaryDirectory("asof-format").appendingPathComponent("edc")
        let result = try BinaryRunner.run(["generate", "--out", out.path, "--quiet"] + dates)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(
            result.stderr.contains("\(dates[dates.count - 2]) \"\(dates.last!)\" is not a date written YYYY-MM-DD"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aWeeklyCutExportedWithTheDefaultCutoffSaysSo() throws {
        let base = TestPaths.temporaryDirectory("stale-cut")
        let raw = base.appendingPathComponent("edc"), out = base.appendingPathComponent("out")
        #expect(try BinaryRunner.run(["generate", "--as-of", "2023-06-01", "--out", raw.path, "--quiet"]).status == 0)
        let result = try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--quiet"])
        #expect(result.status == 0, "warnings only: \(result.stderr)")
        #expect(
            result.stderr.contains("data cut-off 2025-06-30: the study's dataCutoff in study.yaml, as --cutoff was not given"))
        #expect(result.stderr.contains("warning: USE0001: the latest date in the data is 2023-06-01"), "\(result.stderr)")
        let findings = try String(contentsOf: out.appendingPathComponent("findings.csv"), encoding: .utf8)
        #expect(findings.contains("warning,USE0001,"), "\(findings.prefix(400))")
        #expect(findings.contains("760 days before the data cut-off 2025-06-30"))
        // The same cut with its own cut-off: no USE finding.
        let right = try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--cutoff", "2023-06-01", "--quiet"])
        #expect(
            right.status == 0 && !right.stderr.contains("USE00") && !right.stderr.contains("data cut-off 2025"), "\(right.stderr)"
        )
    }

    @Test func recordsAfterTheCutoffAreAFindingPerForm() throws {
        let out = TestPaths.temporaryDirectory("late").appendingPathComponent("out")
        let result = try BinaryRunner.run(["export", "--cutoff", "2023-06-30", "--out", out.path, "--quiet"])
        #expect(result.status == 0)
        #expect(
            result.stderr.contains("warning: USE0002: records dated after the data cut-off 2023-06-30 were left out, in ae.csv"))
        var rows: [[String]] = []
        try CSVReader(path: out.appendingPathComponent("findings.csv").path).read(
            header: { _ in }, record: { rows.append($0.values) })
        let ae = try #require(rows.first { $0[1] == "USE0002" && $0[2] == "ae.csv" })
        #expect(
            ae[0] == "warning"
                && ae[10].hasSuffix(
                    "records dated after the data cut-off 2023-06-30 (--cutoff) left out of the export (counted in reconciliation.csv)"
                ))
    }

    @Test func diffOfAFolderThatIsNotAnExportExitsTwo() throws {
        let export = TestPaths.temporaryDirectory("diff-not").appendingPathComponent("out")
        #expect(try BinaryRunner.run(["export", "--out", export.path, "--quiet"]).status == 0)
        let raw = TestPaths.repositoryRoot.appendingPathComponent("examples/NCT05549466/edc").path
        let empty = TestPaths.temporaryDirectory("diff-empty").path
        let notes = TestPaths.temporaryDirectory("diff-notes")
        try Data("a,b\n1,2\n".utf8).write(to: notes.appendingPathComponent("dm.csv"))
        for (folder, reason) in [
            (raw, "it holds dummy EDC forms written by `trialexport generate`"), (empty, "the folder is empty"),
            (notes.path, "dm.csv has no STUDYID column"),
        ] {
            let result = try BinaryRunner.run(["diff", folder, export.path])
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("old \(folder) is not a trialexport export: \(reason)"), "\(result.stderr)")
        }
        #expect(try BinaryRunner.run(["diff", export.path, export.path]).status == 0, "an export still compares with itself")
        #expect(try BinaryRunner.run(["diff", export.path + "/csv", export.path + "/csv"]).status == 0, "so do its csv/ folders")
    }

    @Test func previousThatIsNotAnExportIsRefused() throws {
        let base = TestPaths.temporaryDirectory("previous-not")
        let empty = base.appendingPathComponent("empty"), out = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let raw = TestPaths.repositoryRoot.appendingPathComponent("examples/NCT05549466/edc").path
        for (folder, reason) in [(empty.path, "the folder is empty"), (raw, "it holds dummy EDC forms")] {
            let result = try BinaryRunner.run(["export", "--out", out.path, "--previous", folder, "--quiet"])
            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.contains("--previous \(folder) is not a trialexport export: \(reason)"), "\(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["empty"], "nothing written")
        }
    }
}
