import Foundation

/// Runs the built `trialexport` binary, as a user would, and captures what it prints.
public struct BinaryRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The binary beside the test bundle (`.build/<triple>/debug/trialexport`).
    public static var binary: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidates = [
            exe.deletingLastPathComponent(), URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        for dir in candidates {
            let url = dir.appendingPathComponent("trialexport")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("trialexport binary not found beside \(exe.path): build it with `swift build` first")
    }

    /// Runs `trialexport arguments` in `directory` with extra environment variables.
    public static func run(
        _ arguments: [String], in directory: URL = TestPaths.repositoryRoot,
        environment: [String: String] = [:]
    ) throws -> Result {
        try run(executable: binary, arguments, in: directory, environment: environment)
    }

    /// Runs another program found on the PATH (`python3`, `xmllint`) the same way.
    public static func runTool(
        _ arguments: [String], in directory: URL = TestPaths.repositoryRoot, environment: [String: String] = [:]
    ) throws -> Result {
        try run(executable: URL(fileURLWithPath: "/usr/bin/env"), arguments, in: directory, environment: environment)
    }

    private static func run(
        executable: URL, _ arguments: [String], in directory: URL,
        environment: [String: String]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once so that neither can fill up and block the child.
        let stderrBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrBox.data = readAll(err.fileHandleForReading); group.leave()
        }
        let stdoutData = readAll(out.fileHandleForReading)
        group.wait()
        let stderrData = stderrBox.data
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

/// Everything a pipe delivers until its end. A read interrupted by a signal (EINTR) is retried:
/// `FileHandle.readDataToEndOfFile()` stops the whole test process on it.
public func readAll(_ handle: FileHandle) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let fd = handle.fileDescriptor
    while true {
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
            data.append(contentsOf: buffer[0..<count])
        } else if count == 0 || errno != EINTR {
            return data
        }
    }
}

/// Bytes read on another thread. @unchecked Sendable: written once before `group.leave()`, read after `group.wait()`.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
