import Foundation
import TestSupport
import Testing

/// `--out` replaces only a folder the tool wrote (or an empty one) and never touches an input;
/// what killed runs left beside it is cleared by the next run.
struct OutputGuardTests {
    static let exampleRaw = TestPaths.repositoryRoot.appendingPathComponent("examples/NCT05549466/edc")

    /// A fresh folder holding a copy of the example's EDC forms in `edc/`.
    func workspace(_ label: String) throws -> (base: URL, raw: URL) {
        let base = TestPaths.temporaryDirectory(label)
        let raw = base.appendingPathComponent("edc")
        try FileManager.default.copyItem(at: Self.exampleRaw, to: raw)
        return (base, raw)
    }

    /// Every file below `folder` with its bytes (hidden files included).
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for file in try SingleThreadedTests.files(in: folder) {
            out[file] = try Data(contentsOf: folder.appendingPathComponent(file))
        }
        return out
    }

    /// Runs `arguments`, expects exit 64 with `message` on standard error and every file of `kept` unchanged.
    func expectRefused(_ arguments: [String], _ message: String, keeping kept: [URL]) throws {
        let before = try kept.map(Self.snapshot)
        #expect(!before.contains { $0.isEmpty }, "the folders kept hold files")
        let result = try BinaryRunner.run(arguments + ["--quiet"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"), "\(result.stderr)")
        for (folder, files) in zip(kept, before) {
            #expect(try Self.snapshot(folder) == files, "every file in \(folder.path) is still there, byte for byte")
        }
    }

    @Test func outEqualToRawIsRefused() throws {
        let (_, raw) = try workspace("out-raw")
        try expectRefused(["export", "--raw", raw.path, "--out", raw.path], "is the same folder as --raw", keeping: [raw])
    }

    @Test func outAboveRawIsRefused() throws {
        let (base, raw) = try workspace("out-parent")
        try expectRefused(["export", "--raw", raw.path, "--out", base.path], "contains --raw \(raw.path)", keeping: [raw])
    }

    @Test func outAboveRawThroughASymbolicLinkIsRefused() throws {
        let (base, raw) = try workspace("out-link")
        let link = base.deletingLastPathComponent().appendingPathComponent(base.lastPathComponent + "-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: base)
        try expectRefused(["export", "--raw", raw.path, "--out", link.path], "contains --raw", keeping: [raw])
    }

    @Test func outInsideTheStudyIsRefused() throws {
        let (base, raw) = try workspace("out-study")
        let study = base.appendingPathComponent("study")
        try FileManager.default.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466"), to: study)
        try expectRefused(
            ["export", "--raw", raw.path, "--study", study.path, "--out", study.appendingPathComponent("out").path],
            "is inside --study \(study.path)", keeping: [study, raw])
    }

    @Test func outHoldingThePreviousExportIsRefused() throws {
        let (base, raw) = try workspace("out-previous")
        let week1 = base.appendingPathComponent("week1")
        #expect(try BinaryRunner.run(["export", "--raw", raw.path, "--out", week1.path, "--quiet"]).status == 0)
        try expectRefused(
            ["export", "--raw", raw.path, "--out", week1.path, "--previous", week1.path],
            "is the same folder as --previous", keeping: [week1])
    }

    @Test func generateOverTheStudyIsRefused() throws {
        let base = TestPaths.temporaryDirectory("generate-study")
        let study = base.appendingPathComponent("study")
        try FileManager.default.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466"), to: study)
        try expectRefused(
            ["generate", "--study", study.path, "--out", study.path], "is the same folder as --study", keeping: [study])
    }

    @Test func outNamingAFileIsRefused() throws {
        let (base, raw) = try workspace("out-file")
        let file = base.appendingPathComponent("report.docx")
        try Data("my report".utf8).write(to: file)
        try expectRefused(
            ["export", "--raw", raw.path, "--out", file.path], "is a file (9 bytes), not a folder", keeping: [base])
    }

    @Test func outHoldingUserNotesIsRefused() throws {
        let (base, raw) = try workspace("out-notes")
        let notes = base.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try Data("meeting".utf8).write(to: notes.appendingPathComponent("notes.txt"))
        try Data("draft".utf8).write(to: notes.appendingPathComponent("drafts/a.txt"))
        try expectRefused(
            ["export", "--raw", raw.path, "--out", notes.path],
            "holds 2 files and folders not written by trialexport export (e.g. drafts/, notes.txt)", keeping: [notes])
    }

    @Test func outHoldingAGitRepositoryIsRefused() throws {
        let (base, raw) = try workspace("out-git")
        let repo = base.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("ref: refs/heads/main\n".utf8).write(to: repo.appendingPathComponent(".git/HEAD"))
        try Data("# project\n".utf8).write(to: repo.appendingPathComponent("README.md"))
        try expectRefused(
            ["export", "--raw", raw.path, "--out", repo.path], "is a git repository and holds 2 files", keeping: [repo])
    }

    @Test func exportOverGeneratedFormsIsRefusedAndGenerateOverUserFilesToo() throws {
        let (base, raw) = try workspace("out-kind")
        try expectRefused(
            ["export", "--raw", Self.exampleRaw.path, "--out", raw.path],
            "holds dummy EDC forms written by `trialexport generate`", keeping: [raw])
        let mine = base.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("Subject\n101-0001\n".utf8).write(to: mine.appendingPathComponent("dm.csv"))
        try expectRefused(
            ["generate", "--out", mine.path], "holds 1 file not written by trialexport generate (e.g. dm.csv)",
            keeping: [mine])
    }

    @Test func aUserFileAddedToAnExportIsNotDeleted() throws {
        let (base, raw) = try workspace("out-added")
        let out = base.appendingPathComponent("out")
        #expect(try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--quiet"]).status == 0)
        try Data("review comments".utf8).write(to: out.appendingPathComponent("csv/review.txt"))
        try expectRefused(
            ["export", "--raw", raw.path, "--out", out.path],
            "holds 1 file not written by trialexport export (e.g. csv/review.txt)",
            keeping: [out])
    }

    @Test func reExportOverItsOwnExportAndIntoAnEmptyFolderWork() throws {
        let (base, raw) = try workspace("out-own")
        let out = base.appendingPathComponent("out"), empty = base.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        for folder in [out, out, empty] {
            let result = try BinaryRunner.run(["export", "--raw", raw.path, "--out", folder.path, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            let marker = try String(contentsOf: folder.appendingPathComponent(".trialexport"), encoding: .utf8)
            #expect(marker.contains("\"kind\" : \"export\"") && marker.contains("\"csv/dm.csv\"") && marker.contains(raw.path))
        }
        #expect(try Self.snapshot(out) == Self.snapshot(empty), "the same export, marker included")
        let generated = base.appendingPathComponent("generated")
        for _ in 0..<2 {
            #expect(try BinaryRunner.run(["generate", "--subjects", "20", "--out", generated.path, "--quiet"]).status == 0)
        }
    }

    @Test func anExportWrittenBeforeMarkersExistedIsReplaced() throws {
        let (base, raw) = try workspace("out-earlier")
        let out = base.appendingPathComponent("out")
        #expect(try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--quiet"]).status == 0)
        try FileManager.default.removeItem(at: out.appendingPathComponent(".trialexport"))
        let result = try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(".trialexport").path))
    }

    @Test func staleStagingFoldersOfDeadRunsAreRemovedAndLiveOnesKept() throws {
        let (base, raw) = try workspace("stale")
        let out = base.appendingPathComponent("out")
        let dead = [".out.writing-999999", ".out.writing-999998.discard"]
        let live = ".out.writing-\(getpid())"  // this test process is alive
        for name in dead + [live] {
            try FileManager.default.createDirectory(
                at: base.appendingPathComponent("\(name)/csv"), withIntermediateDirectories: true)
            try Data("half".utf8).write(to: base.appendingPathComponent("\(name)/csv/dm.csv"))
        }
        let result = try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "removed 2 half-written folders of killed runs beside \(out.path): "
                    + ".out.writing-999998.discard, .out.writing-999999"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == [live, "edc", "out"])
    }

    @Test func theBackupOfARunKilledWhileSwappingIsRestored() throws {
        let (base, raw) = try workspace("backup")
        let out = base.appendingPathComponent("out")
        #expect(
            try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--cutoff", "2024-01-31", "--quiet"]).status
                == 0)
        let previous = try Self.snapshot(out)
        // Killed between moving the export aside and moving the new one in:
        let backup = base.appendingPathComponent(".out.previous-999999")
        try FileManager.default.moveItem(at: out, to: backup)
        // A run that fails (a template error) still restores it, and leaves it as it was.
        let templates = base.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let result = try BinaryRunner.run([
            "export", "--raw", raw.path, "--out", out.path, "--templates", templates.path, "--quiet",
        ])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("restored \(out.path) from .out.previous-999999"), "\(result.stderr)")
        #expect(try Self.snapshot(out) == previous, "the previous export is back, byte for byte")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() == ["edc", "out", "templates"])
    }
}
