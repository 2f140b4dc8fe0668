import Foundation
import TestSupport
import Testing

/// A failing or interrupted export leaves the previous export exactly as it was, and no
/// half-written folder behind.
@Suite(.serialized)
struct AtomicExportTests {
    /// A destination holding a previous export (a file "marker", listed in the tool's
    /// `.trialexport` marker so the run may replace it) inside a fresh parent folder.
    func previousExport(_ label: String) throws -> (parent: URL, out: URL) {
        let parent = TestPaths.temporaryDirectory(label)
        let out = parent.appendingPathComponent("export")
        try Self.writePreviousExport(out)
        return (parent, out)
    }

    static let toolMarker =
        #"{"files":["marker"],"kind":"export","studyId":"NCT05549466","tool":"trialexport","version":"0.10.0"}"#

    static func writePreviousExport(_ out: URL) throws {
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "previous".write(to: out.appendingPathComponent("marker"), atomically: true, encoding: .utf8)
        try toolMarker.write(to: out.appendingPathComponent(".trialexport"), atomically: true, encoding: .utf8)
    }

    func expectPreviousIntact(_ parent: URL, _ out: URL) throws {
        #expect(try String(contentsOf: out.appendingPathComponent("marker"), encoding: .utf8) == "previous")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [".trialexport", "marker"],
            "no new file mixed in")
        #expect(try String(contentsOf: out.appendingPathComponent(".trialexport"), encoding: .utf8) == Self.toolMarker)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != "export" }
        #expect(leftovers.isEmpty, "no staging or backup folder left: \(leftovers)")
    }

    static var isRoot: Bool { getuid() == 0 }

    @Test func anInterruptedExportLeavesThePreviousOneIntact() throws {
        let (parent, out) = try previousExport("interrupt")
        let raw = parent.appendingPathComponent("raw")
        let generated = try BinaryRunner.run(["generate", "--subjects", "600", "--out", raw.path, "--quiet"])
        #expect(generated.status == 0)
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["export", "--raw", raw.path, "--out", out.path, "--quiet"]
        process.currentDirectoryURL = TestPaths.repositoryRoot
        let err = Pipe()
        process.standardError = err
        try process.run()
        // Wait until the run is writing its staging folder (or at most 30 s), then interrupt it.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, process.isRunning,
            !(try FileManager.default.contentsOfDirectory(atPath: parent.path).contains { $0.contains(".writing-") })
        {
            usleep(2_000)
        }
        #expect(process.isRunning, "the export ended before it could be interrupted")
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(String(decoding: readAll(err.fileHandleForReading), as: UTF8.self).contains("interrupted"))
        try FileManager.default.removeItem(at: raw)
        try expectPreviousIntact(parent, out)
    }

    /// SIGKILL cannot be caught: the killed run leaves its staging folder, the previous export is
    /// untouched, and the next run removes the dead run's folder, saying so, and succeeds.
    @Test func aKilledExportLeavesThePreviousOneIntactAndTheNextRunCleansUp() throws {
        let (parent, out) = try previousExport("sigkill")
        let raw = parent.appendingPathComponent("raw")
        #expect(try BinaryRunner.run(["generate", "--subjects", "600", "--out", raw.path, "--quiet"]).status == 0)
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["export", "--raw", raw.path, "--out", out.path, "--quiet"]
        process.currentDirectoryURL = TestPaths.repositoryRoot
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, process.isRunning,
            !(try FileManager.default.contentsOfDirectory(atPath: parent.path).contains { $0.contains(".writing-") })
        {
            usleep(2_000)
        }
        #expect(process.isRunning, "the export ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        // The previous export is exactly as it was; the dead run's staging folder is still there.
        #expect(try String(contentsOf: out.appendingPathComponent("marker"), encoding: .utf8) == "previous")
        #expect(try String(contentsOf: out.appendingPathComponent(".trialexport"), encoding: .utf8) == Self.toolMarker)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [".trialexport", "marker"])
        let staging = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.contains(".writing-") }
        #expect(staging.count == 1, "\(staging)")

        let next = try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--quiet"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains(staging.first ?? "?"), "the removal is said: \(next.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0 != "export" && $0 != "raw" }
        #expect(left.isEmpty, "no staging folder left: \(left)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("csv/dm.csv").path))
    }

    @Test(.enabled(if: AtomicExportTests.isRoot, "needs root to mount a small tmpfs"))
    func aFullDiskLeavesThePreviousOneIntact() throws {
        let mount = TestPaths.temporaryDirectory("full")
        let mounted = try run("/bin/mount", ["-t", "tmpfs", "-o", "size=96k", "tmpfs", mount.path])
        #expect(mounted == 0)
        defer { _ = try? run("/bin/umount", [mount.path]) }
        let out = mount.appendingPathComponent("export")
        try Self.writePreviousExport(out)
        let result = try BinaryRunner.run(["export", "--out", out.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("previous output") && result.stderr.contains("unchanged"), "\(result.stderr)")
        try expectPreviousIntact(mount, out)
    }

    @Test func aReadOnlyDestinationLeavesThePreviousOneIntact() throws {
        let (parent, out) = try previousExport("readonly")
        // chmod does not stop root; the immutable attribute does.
        let locked = Self.isRoot ? try run("/usr/bin/chattr", ["+i", parent.path]) : try run("/bin/chmod", ["555", parent.path])
        #expect(locked == 0)
        defer {
            _ = Self.isRoot ? try? run("/usr/bin/chattr", ["-i", parent.path]) : try? run("/bin/chmod", ["755", parent.path])
        }
        let result = try BinaryRunner.run(["export", "--out", out.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(parent.path), "the message names the folder: \(result.stderr)")
        try expectPreviousIntact(parent, out)
    }

    func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
