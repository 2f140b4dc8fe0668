import Foundation

/// How one phase of an export went: wall time, records handled and peak resident memory.
public struct PhaseReport: Sendable, Hashable {
    public var phase: String
    public var seconds: Double
    public var records: Int
    /// Peak resident set size during the phase (Linux VmHWM, reset before the phase), in bytes.
    public var peakResidentBytes: Int?

    public init(phase: String, seconds: Double, records: Int, peakResidentBytes: Int?) {
        self.phase = phase
        self.seconds = seconds
        self.records = records
        self.peakResidentBytes = peakResidentBytes
    }

    public var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }
}

/// Measures phases: wall clock from a monotonic clock, peak memory from /proc/self/status.
struct PhaseTimer {
    private(set) var reports: [PhaseReport] = []
    private var start = DispatchTime.now().uptimeNanoseconds
    private let observer: (PhaseReport) -> Void

    init(observer: @escaping (PhaseReport) -> Void) {
        self.observer = observer
        ProcessMemory.resetPeak()
    }

    /// Ends the current phase and starts the next.
    mutating func lap(_ phase: String, records: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        let report = PhaseReport(
            phase: phase, seconds: Double(now - start) / 1e9, records: records,
            peakResidentBytes: ProcessMemory.peakResidentBytes())
        reports.append(report)
        observer(report)
        ProcessMemory.resetPeak()
        start = DispatchTime.now().uptimeNanoseconds
    }

    /// Records a phase that was timed elsewhere (e.g. on another thread).
    mutating func add(_ report: PhaseReport) {
        reports.append(report)
        observer(report)
    }
}

/// The process's resident memory, read from Linux's /proc (nil elsewhere).
public enum ProcessMemory {
    /// Peak resident set size since the last reset (VmHWM), in bytes.
    public static func peakResidentBytes() -> Int? { statusField("VmHWM:") }

    /// Current resident set size (VmRSS), in bytes.
    public static func residentBytes() -> Int? { statusField("VmRSS:") }

    /// Resets the peak to the current size (writing 5 to /proc/self/clear_refs).
    public static func resetPeak() {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return }
        try? handle.write(contentsOf: Data("5".utf8))
        try? handle.close()
    }

    private static func statusField(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first
            return kb.map { $0 * 1024 }
        }
        return nil
    }
}
