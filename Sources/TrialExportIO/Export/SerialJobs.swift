import Foundation

/// Jobs run one after another on a background queue; the first error stops the rest and is
/// rethrown by ``wait()``.
final class SerialJobs: @unchecked Sendable {
    // @unchecked Sendable: `error` and `seconds` are only touched on `queue`, and read after `wait()` drained it.
    private let queue: DispatchQueue
    private var error: Error?
    /// Time spent in the jobs so far.
    private(set) var seconds = 0.0

    private let background: Bool

    /// `background: false` runs each job at once on the calling thread.
    init(label: String, background: Bool = true) {
        queue = DispatchQueue(label: label, qos: .userInitiated)
        self.background = background
    }

    func run(_ job: @escaping () throws -> Void) {
        let handed = Job(body: job)
        let work: @Sendable () -> Void = {
            guard self.error == nil else { return }
            let started = DispatchTime.now().uptimeNanoseconds
            do { try handed.body() } catch { self.error = error }
            self.seconds += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        }
        if background { queue.async(execute: work) } else { queue.sync(execute: work) }
    }

    /// A job handed to the queue.
    private struct Job: @unchecked Sendable {
        // @unchecked Sendable: the caller hands over what the job captures (a dataset, the workbook) and
        // does not touch it again until `wait()` has drained the queue, so only the queue uses it.
        let body: () throws -> Void
    }

    /// Waits for the queued jobs; rethrows the first error.
    func wait() throws {
        try queue.sync { if let error { throw error } }
    }
}
