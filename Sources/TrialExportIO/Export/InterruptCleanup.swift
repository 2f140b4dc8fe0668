import Foundation

/// Removes half-written output when the process is interrupted (SIGINT, SIGTERM, SIGHUP), so an
/// interrupted export leaves the previous one exactly as it was.
///
/// ``AtomicFolder`` registers its staging folder (and, while swapping, the backup of the
/// previous export) here; the handler undoes whatever is registered and exits with 128 + signal.
public enum InterruptCleanup {
    private static let state = CleanupState()

    /// Installs the handlers; call once at start-up (the command-line tool does).
    public static func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                state.undoAll()
                FileHandle.standardError.write(
                    Data("trialexport: interrupted; nothing was written, the previous output is unchanged.\n".utf8))
                exit(128 + sig)
            }
            source.resume()
            state.keep(source)
        }
    }

    static func register(_ action: @escaping @Sendable () -> Void) -> Int { state.add(action) }
    static func unregister(_ token: Int) { state.remove(token) }
}

/// Pending undo actions. @unchecked Sendable: every access holds `lock`.
private final class CleanupState: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Int: @Sendable () -> Void] = [:]
    private var next = 0
    private var sources: [DispatchSourceSignal] = []

    func add(_ action: @escaping @Sendable () -> Void) -> Int {
        lock.lock(); defer { lock.unlock() }
        next += 1
        actions[next] = action
        return next
    }

    func remove(_ token: Int) {
        lock.lock(); defer { lock.unlock() }
        actions[token] = nil
    }

    func keep(_ source: DispatchSourceSignal) {
        lock.lock(); defer { lock.unlock() }
        sources.append(source)
    }

    /// Runs the actions, newest first.
    func undoAll() {
        lock.lock()
        let pending = actions.sorted { $0.key > $1.key }.map(\.value)
        actions = [:]
        lock.unlock()
        for action in pending { action() }
    }
}
