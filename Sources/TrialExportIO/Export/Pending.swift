import Foundation

/// A value one queue sets and another waits for.
final class Pending<Value>: @unchecked Sendable {
    // @unchecked: `result` is written once, before `ready` is signalled, and read only after waiting for it.
    private var result: Result<Value, Error>?
    private let ready = DispatchSemaphore(value: 0)

    func set(_ result: Result<Value, Error>) {
        self.result = result
        ready.signal()
    }

    /// Waits for the value (once); rethrows the error it was set with.
    func value() throws -> Value {
        ready.wait()
        return try result!.get()
    }
}
