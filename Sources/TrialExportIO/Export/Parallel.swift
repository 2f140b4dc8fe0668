import Foundation

/// Runs independent jobs on their own threads and returns their results in the given order.
enum Parallel {
    /// The first error (in job order) is rethrown after every job has finished.
    static func run<T>(_ jobs: [() throws -> T]) throws -> [T] {
        let results = ResultBox<T>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            results.set(i, Result { try jobs[i]() })
        }
        return try results.values.map { try $0!.get() }
    }
}

/// Results written from several threads. @unchecked Sendable: every access holds `lock`.
private final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Result<T, Error>?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<T, Error>) {
        lock.lock(); defer { lock.unlock() }
        storage[index] = value
    }

    var values: [Result<T, Error>?] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }
}
