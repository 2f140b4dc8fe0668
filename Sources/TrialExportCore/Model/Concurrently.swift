import Foundation

/// Runs independent work on all cores; results come back in the input's order, so the output
/// never depends on which thread finished first.
public enum Concurrently {
    /// `body` for every element; the first error (in element order) is rethrown after all finished.
    public static func map<T, R>(_ items: [T], _ body: (T) throws -> R) throws -> [R] {
        let results = UnsafeMutableBufferPointer<Result<R, Error>?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // Each iteration writes its own slot only.
        DispatchQueue.concurrentPerform(iterations: items.count) { i in results[i] = Result { try body(items[i]) } }
        return try results.map { try $0!.get() }
    }

    /// Runs the jobs side by side; results in the jobs' order.
    public static func run<R>(_ jobs: [() throws -> R]) throws -> [R] {
        try map(jobs) { try $0() }
    }
}
