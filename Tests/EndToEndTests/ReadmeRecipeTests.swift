import Foundation
import TestSupport
import Testing

/// The README's CI recipe, run as written: a golden export kept in the repository, then a new
/// export compared with it, with the tool on the PATH.
struct ReadmeRecipeTests {
    /// The recipe's command line, read from the README (so a change there is tested).
    static func recipe() throws -> String {
        let readme = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let line = readme.components(separatedBy: "\n").first { $0.contains("trialexport diff golden/export") }
        return try #require(line).trimmingCharacters(in: .whitespaces)
    }

    @Test func theCIRecipeRunsAsWrittenAndPassesOnAnUnchangedExport() throws {
        let recipe = try Self.recipe()
        #expect(recipe == "trialexport export --out /tmp/new && trialexport diff golden/export /tmp/new")
        // A checkout of the repository: its project folders, and a golden export written once.
        let root = TestPaths.temporaryDirectory("readme-recipe")
        for folder in ["mappings", "standards", "templates", "examples"] {
            try FileManager.default.createSymbolicLink(
                at: root.appendingPathComponent(folder),
                withDestinationURL: TestPaths.repositoryRoot.appendingPathComponent(folder))
        }
        #expect(try BinaryRunner.run(["export", "--out", "golden/export", "--quiet"], in: root).status == 0)
        // /tmp/new is shared by every run of the suite on the machine: this run uses a folder of its own.
        let fresh = root.appendingPathComponent("new").path
        let command = recipe.replacingOccurrences(of: "/tmp/new", with: fresh)
        let bin = BinaryRunner.binary.deletingLastPathComponent().path
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try BinaryRunner.runTool(["sh", "-c", command], in: root, environment: ["PATH": path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("identical") || result.stdout.contains("no change"), "\(result.stdout)")
    }
}
