import Foundation
import TrialExportCore

/// Fills a staging folder beside `destination` and swaps it in only when everything succeeded.
///
/// A failure (bad input, disk full, read-only destination) leaves the previous folder as it was.
public enum AtomicFolder {
    public static func replace(_ destination: URL, fill: (URL) throws -> Void) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).writing-\(pid)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw TrialExportError.writeFailed(path: parent.path, detail: "cannot create a folder there (\(error.localizedDescription))")
        }
        do {
            try fill(staging)
            try swap(staging, into: destination, pid: pid)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    /// Moves the old folder aside, the new one in, then deletes the old one.
    private static func swap(_ staging: URL, into destination: URL, pid: Int32) throws {
        let fm = FileManager.default
        let backup = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).previous-\(pid)")
        let hadPrevious = fm.fileExists(atPath: destination.path)
        do {
            if hadPrevious { try fm.moveItem(at: destination, to: backup) }
            try fm.moveItem(at: staging, to: destination)
        } catch {
            if hadPrevious, !fm.fileExists(atPath: destination.path) { try? fm.moveItem(at: backup, to: destination) }
            throw TrialExportError.writeFailed(path: destination.path, detail: error.localizedDescription)
        }
        if hadPrevious { try? fm.removeItem(at: backup) }
    }
}
