import Foundation
import TrialExportCore

/// Fills a staging folder beside `destination` and swaps it in only when everything succeeded.
///
/// A failure (bad input, disk full, read-only destination) or an interrupt (see
/// ``InterruptCleanup``) leaves the previous folder as it was and no staging folder behind.
public enum AtomicFolder {
    public static func replace(_ destination: URL, fill: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).writing-\(pid)")
        let backup = parent.appendingPathComponent(".\(name).previous-\(pid)")
        // Registered before the staging folder exists, so an interrupt at any point cleans up.
        let token = InterruptCleanup.register { undo(staging: staging, backup: backup, destination: destination) }
        defer { InterruptCleanup.unregister(token) }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw TrialExportError.writeFailed(path: parent.path, detail: "cannot create a folder there (\(error.localizedDescription))")
        }
        do {
            try fill(staging)
            try swap(staging, into: destination, backup: backup)
        } catch {
            undo(staging: staging, backup: backup, destination: destination)
            if let known = error as? TrialExportError { throw known }
            throw TrialExportError.writeFailed(path: destination.path, detail: error.localizedDescription)
        }
        try? fm.removeItem(at: backup)
    }

    /// Moves the old folder aside and the new one in.
    private static func swap(_ staging: URL, into destination: URL, backup: URL) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: destination.path) { try fm.moveItem(at: destination, to: backup) }
        try fm.moveItem(at: staging, to: destination)
    }

    /// Removes the staging folder and puts the previous export back if it was moved aside.
    private static func undo(staging: URL, backup: URL, destination: URL) {
        let fm = FileManager.default
        // Renamed first (atomic), so a writer still running cannot add files under the old path
        // while the folder is being deleted.
        let discard = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + ".discard")
        if (try? fm.moveItem(at: staging, to: discard)) != nil {
            for _ in 0..<3 where fm.fileExists(atPath: discard.path) { try? fm.removeItem(at: discard) }
        }
        guard fm.fileExists(atPath: backup.path) else { return }
        if fm.fileExists(atPath: destination.path) {
            try? fm.removeItem(at: backup)  // the new export is complete; only the old copy was left
        } else {
            try? fm.moveItem(at: backup, to: destination)
        }
    }
}
