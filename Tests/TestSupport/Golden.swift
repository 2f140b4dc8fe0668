import Foundation

/// Golden files: compared byte for byte; re-recorded only when `TRIALEXPORT_RECORD_GOLDENS=1`.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["TRIALEXPORT_RECORD_GOLDENS"] == "1" }

    /// Nil when `actual` matches the golden file (or was just recorded); otherwise what differs.
    public static func mismatch(_ actual: Data, golden: URL) -> String? {
        if recording {
            try? FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            do { try actual.write(to: golden) } catch { return "cannot record \(golden.path): \(error)" }
            return nil
        }
        guard let expected = FileManager.default.contents(atPath: golden.path) else {
            return
                "golden file \(golden.path) is missing: run the tests with TRIALEXPORT_RECORD_GOLDENS=1 to record it, then review it"
        }
        if expected == actual { return nil }
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, e.count) where (i < a.count ? a[i] : nil) != (i < e.count ? e[i] : nil) {
            return
                "\(golden.lastPathComponent) line \(i + 1) differs:\n  expected: \(i < e.count ? String(e[i]) : "<none>")\n  actual:   \(i < a.count ? String(a[i]) : "<none>")\n(re-record with TRIALEXPORT_RECORD_GOLDENS=1 if the change is intended)"
        }
        return "\(golden.lastPathComponent) differs in bytes (line endings?)"
    }
}
