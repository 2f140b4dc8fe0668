import Foundation

/// Locations tests need: the repository root, the built binary, fresh temporary folders.
public enum TestPaths {
    /// The repository root (the folder holding Package.swift).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// A new empty temporary folder, unique per call, inside this test process's own folder,
    /// which is removed when the process exits (so test runs leave nothing in /tmp).
    public static func temporaryDirectory(_ label: String = "test") -> URL {
        let url = processFolder.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `trialexport-tests-<pid>` in the system's temporary folder, removed at exit.
    private static let processFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trialexport-tests-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("trialexport-tests-\(getpid())")
            _ = try? FileManager.default.removeItem(at: url)
        }
        return url
    }()
}
