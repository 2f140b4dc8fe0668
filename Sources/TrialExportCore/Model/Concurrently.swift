import Foundation

/// Runs independent work on all cores; results come back in the input's order, so the output
/// never depends on which thread finished first.
public enum Concurrently {
    /// `body` for every element; the first error (in element order) is rethrown after all finished.
    /// With `concurrent: false` the elements are done one after another on the calling thread.
    public static func map<T: Sendable, R: Sendable>(
        _ items: [T], concurrent: Bool = true, _ body: @Sendable (T) throws -> R
    ) throws -> [R] {
        guard concurrent else { return try items.map(body) }
        let results = Slots<Result<R, Error>>(count: items.count)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: items.count) { i in results.set(i, Result { try body(items[i]) }) }
        return try results.values().map { try $0.get() }
    }

    /// Runs the jobs side by side; results in the jobs' order.
    public static func run<R: Sendable>(_ jobs: [@Sendable () throws -> R], concurrent: Bool = true) throws -> [R] {
        try map(jobs, concurrent: concurrent) { try $0() }
    }
}

/// One slot per parallel iteration.
///
/// @unchecked Sendable: iteration `i` of `concurrentPerform` writes slot `i` only, so no two
/// threads touch the same memory; ``values()`` reads after `concurrentPerform` has returned,
/// which happens-after every iteration.
private struct Slots<Value>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    func set(_ index: Int, _ value: Value) { buffer[index] = value }
    func values() -> [Value] { buffer.map { $0! } }
    func deallocate() {
        buffer.deinitialize()
        buffer.deallocate()
    }
}
