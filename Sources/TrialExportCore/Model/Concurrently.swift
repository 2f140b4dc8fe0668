import Foundation

/// Runs independent work on all cores; results come back in the input's order, so the output
/// never depends on which thread finished first.
public enum Concurrently {
    /// `body` for every element; the first error (in element order) is rethrown after all finished.
    /// With `concurrent: false` the elements are done one after another on the calling thread.
    public static func map<T, R>(_ items: [T], concurrent: Bool = true, _ body: (T) throws -> R) throws -> [R] {
        guard concurrent else { return try items.map(body) }
        let results = UnsafeMutableBufferPointer<Result<R, Error>?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // Each iteration writes its own slot only.
        DispatchQueue.concurrentPerform(iterations: items.count) { i in results[i] = Result { try body(items[i]) } }
        return try results.map { try $0!.get() }
    }

    /// Runs the jobs side by side; results in the jobs' order.
    public static func run<R>(_ jobs: [() throws -> R], concurrent: Bool = true) throws -> [R] {
        try map(jobs, concurrent: concurrent) { try $0() }
    }
}
