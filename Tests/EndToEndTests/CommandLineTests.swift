import Foundation
import TestSupport
import Testing

/// The binary's contract: exit codes, messages on standard error, determinism, the example data.
struct CommandLineTests {
    @Test func helpDescribesEveryOption() throws {
        let result = try BinaryRunner.run(["export", "--help"])
        #expect(result.status == 0)
        for option in ["--study", "--raw", "--out", "--cutoff", "--standards", "--quiet"] {
            #expect(result.stdout.contains(option), "\(option)")
        }
    }

    @Test(arguments: [
        ["export", "--cutoff", "2025-02-30"], ["export", "--cutoff", "yesterday"], ["export", "--no-such-option"],
        ["generate"], ["generate", "--subjects", "0", "--out", "/tmp/x"],
    ])
    func usageErrorsExitWith64(arguments: [String]) throws {
        let result = try BinaryRunner.run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aBareCommandPrintsHelpAndWritesNothing() throws {
        let folder = TestPaths.temporaryDirectory("bare")
        let result = try BinaryRunner.run([], in: folder)
        #expect(result.status == 0)
        #expect((result.stdout + result.stderr).contains("USAGE: trialexport <subcommand>"), "\(result.stdout)\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aMissingRawFolderIsAnErrorNamingIt() throws {
        let out = TestPaths.temporaryDirectory("missing").appendingPathComponent("out")
        let result = try BinaryRunner.run(["export", "--raw", "/nonexistent/edc", "--out", out.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/edc"))
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing is written")
    }

    @Test func generateWithTheDefaultsReproducesTheCommittedExampleData() throws {
        let out = TestPaths.temporaryDirectory("generate").appendingPathComponent("edc")
        let result = try BinaryRunner.run(["generate", "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let committed = TestPaths.repositoryRoot.appendingPathComponent("examples/NCT05549466/edc")
        let names = try FileManager.default.contentsOfDirectory(atPath: committed.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == names)
        for name in names {
            let a = try Data(contentsOf: committed.appendingPathComponent(name))
            let b = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(
                a == b,
                "\(name) differs from what `generate` writes: run `swift run trialexport generate --out examples/NCT05549466/edc`"
            )
        }
    }

    @Test func twoExportsAreByteIdenticalAcrossTimeZonesAndLocales() throws {
        let base = TestPaths.temporaryDirectory("determinism")
        let a = base.appendingPathComponent("a"), b = base.appendingPathComponent("b")
        let r1 = try BinaryRunner.run(["export", "--out", a.path, "--quiet"], environment: ["TZ": "UTC", "LANG": "C"])
        let r2 = try BinaryRunner.run(
            ["export", "--out", b.path, "--quiet"],
            environment: ["TZ": "Asia/Shanghai", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"])
        #expect(r1.status == 0 && r2.status == 0)
        let files = try FileManager.default.subpathsOfDirectory(atPath: a.path).filter { $0.contains(".") }.sorted()
        #expect(
            files.count == 56,
            "15 datasets as CSV, XPT and JSON, define.xml, workbook, findings, reconciliation, 5 reports, the CONSORT SVG, the .trialexport marker"
        )
        for file in files {
            #expect(
                try Data(contentsOf: a.appendingPathComponent(file)) == Data(contentsOf: b.appendingPathComponent(file)),
                "\(file)")
        }
    }
}
