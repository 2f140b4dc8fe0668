import Foundation
import TrialExportCore

/// Fills a staging folder beside `destination` and swaps it in only when everything succeeded.
///
/// A failure (bad input, disk full, read-only destination) or an interrupt (see
/// ``InterruptCleanup``) leaves the previous folder as it was and no staging folder behind.
public enum AtomicFolder {
    /// Fills the staging folder, writes `marker` last, and swaps it in.
    public static func replace(_ destination: URL, marker: OutputMarker, fill: (URL) throws -> Void) throws {
        let staging = try StagingFolder(destination: destination)
        do {
            try fill(staging.url)
            try staging.commit(marker: marker)
        } catch {
            staging.abandon()
            if let known = error as? TrialExportError { throw known }
            throw TrialExportError.writeFailed(path: destination.path, detail: error.localizedDescription)
        }
    }

    /// Moves the old folder aside and the new one in.
    static func swap(_ staging: URL, into destination: URL, backup: URL) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: destination.path) { try fm.moveItem(at: destination, to: backup) }
        try fm.moveItem(at: staging, to: destination)
    }

    /// Removes the staging folder and puts the previous export back if it was moved aside.
    static func undo(staging: URL, backup: URL, destination: URL) {
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

/// The folder an export is written into before it replaces the destination (see ``AtomicFolder``).
///
/// Until ``commit()`` nothing at the destination changes; ``abandon()`` (also on deinit and on an
/// interrupt) removes the staging folder.
public final class StagingFolder {
    public let url: URL
    private let destination: URL
    private let backup: URL
    private let token: Int
    private var finished = false

    public init(destination: URL) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).writing-\(pid)")
        let backup = parent.appendingPathComponent(".\(name).previous-\(pid)")
        self.url = staging
        self.destination = destination
        self.backup = backup
        // Registered before the staging folder exists, so an interrupt at any point cleans up.
        token = InterruptCleanup.register { AtomicFolder.undo(staging: staging, backup: backup, destination: destination) }
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            InterruptCleanup.unregister(token)
            throw TrialExportError.writeFailed(
                path: parent.path, detail: "cannot create a folder there (\(error.localizedDescription))")
        }
    }

    /// Writes `marker` (listing every file written) as the last file, then swaps the staging folder
    /// in place of the destination.
    public func commit(marker: OutputMarker) throws {
        do {
            try marker.write(into: url)
            try AtomicFolder.swap(url, into: destination, backup: backup)
        } catch {
            abandon()
            throw TrialExportError.writeFailed(path: destination.path, detail: error.localizedDescription)
        }
        try? FileManager.default.removeItem(at: backup)
        finished = true
        InterruptCleanup.unregister(token)
    }

    /// Removes what was written; the destination stays as it was.
    public func abandon() {
        guard !finished else { return }
        AtomicFolder.undo(staging: url, backup: backup, destination: destination)
        finished = true
        InterruptCleanup.unregister(token)
    }

    deinit { abandon() }
}
