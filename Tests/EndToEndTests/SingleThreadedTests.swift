import Foundation
import TestSupport
import Testing

/// Domains are mapped on all cores and sheets and CSV files are written in the background as
/// datasets finish: the bytes must be exactly those of a run on one thread.
struct SingleThreadedTests {
    @Test func concurrentExportIsByteIdenticalToASingleThreadedOne() throws {
        let base = TestPaths.temporaryDirectory("threads")
        let raw = base.appendingPathComponent("edc")
        let generated = try BinaryRunner.run(["generate", "--subjects", "300", "--out", raw.path, "--quiet"])
        #expect(generated.status == 0, "\(generated.stderr)")
        let previous = base.appendingPathComponent("previous")
        #expect(
            try BinaryRunner.run([
                "export", "--raw", raw.path, "--out", previous.path, "--cutoff", "2024-01-31",
                "--quiet",
            ]).status == 0)
        var exports: [URL] = []
        for (name, extra) in [("concurrent", [String]()), ("single", ["--single-threaded"])] {
            let out = base.appendingPathComponent(name)
            let result = try BinaryRunner.run(
                [
                    "export", "--raw", raw.path, "--out", out.path, "--previous", previous.path,
                    "--quiet",
                ] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            exports.append(out)
        }
        let files = try Self.files(in: exports[0])
        #expect(files.count > 20, "CSV files, workbook, reports, findings, reconciliation: \(files)")
        for file in ["xpt/ae.xpt", "json/ae.json", "define.xml", "csv/ae.csv"] {
            #expect(files.contains(file), "\(file) is compared")
        }
        #expect(try Self.files(in: exports[1]) == files)
        for file in files {
            let a = try Data(contentsOf: exports[0].appendingPathComponent(file))
            let b = try Data(contentsOf: exports[1].appendingPathComponent(file))
            #expect(a == b, "\(file) differs between the concurrent and the single-threaded export")
        }
    }

    /// Every file below `folder`, as relative paths, sorted.
    static func files(in folder: URL) throws -> [String] {
        let root = folder.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        return enumerator.compactMap { item -> String? in
            guard let url = item as? URL, (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else {
                return nil
            }
            return String(url.standardizedFileURL.path.dropFirst(root.count))
        }.sorted()
    }
}
