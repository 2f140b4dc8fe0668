import Foundation

/// Staging folders that killed runs (SIGKILL, power loss) left beside an output folder.
///
/// `.NAME.writing-PID` (and `.NAME.writing-PID.discard`) hold a half-written output; `.NAME.previous-PID`
/// is the earlier output, moved aside while the new one was swapped in. Only those of a process
/// that no longer exists are touched: a backup whose destination is missing is moved back (it is
/// the previous output), the rest removed. A backup holding files the tool did not write is only named.
enum StaleStaging {
    /// Clears what dead runs left beside `destination`; returns one line per action taken.
    static func clear(beside destination: URL) -> [String] {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return [] }
        let stale = names.compactMap { parse($0, name: destination.lastPathComponent) }.filter { !isAlive($0.pid) }
        var notes: [String] = []
        // Backups first, so a missing destination is restored before anything else is decided.
        for entry in stale.filter(\.isBackup).sorted(by: { $0.pid > $1.pid }) {
            let url = parent.appendingPathComponent(entry.file)
            if !fm.fileExists(atPath: destination.path), (try? fm.moveItem(at: url, to: destination)) != nil {
                notes.append(
                    "restored \(destination.path) from \(entry.file), the previous output a killed run "
                        + "(process \(entry.pid)) had moved aside")
            } else if OutputGuard.isOwnOutput(url), (try? fm.removeItem(at: url)) != nil {
                notes.append(
                    "removed \(url.path), an earlier output a killed run (process \(entry.pid)) had already "
                        + "replaced with a complete one")
            } else {
                notes.append(
                    "left \(url.path) (moved aside by a killed run, process \(entry.pid)): it holds files "
                        + "not written by trialexport; move them back or remove it yourself")
            }
        }
        let removed = stale.filter { !$0.isBackup }.filter {
            (try? fm.removeItem(at: parent.appendingPathComponent($0.file))) != nil
        }
        if !removed.isEmpty {
            notes.append(
                "removed \(removed.count) half-written folder\(removed.count == 1 ? "" : "s") of killed runs beside "
                    + "\(destination.path): " + removed.map(\.file).joined(separator: ", "))
        }
        return notes
    }

    struct Entry {
        var file: String
        var pid: pid_t
        var isBackup: Bool
    }

    /// `.NAME.writing-PID`, `.NAME.writing-PID.discard` or `.NAME.previous-PID`.
    static func parse(_ file: String, name: String) -> Entry? {
        let prefix = ".\(name)."
        guard file.hasPrefix(prefix) else { return nil }
        var rest = Substring(file.dropFirst(prefix.count))
        let isBackup = rest.hasPrefix("previous-")
        guard isBackup || rest.hasPrefix("writing-") else { return nil }
        rest = rest.dropFirst(isBackup ? 9 : 8)
        if !isBackup, rest.hasSuffix(".discard") { rest = rest.dropLast(8) }
        guard !rest.isEmpty, rest.allSatisfy(\.isASCII), rest.allSatisfy(\.isNumber), let pid = pid_t(rest) else { return nil }
        return Entry(file: file, pid: pid, isBackup: isBackup)
    }

    /// True while a process `pid` exists (this process's own leftovers count as dead: it has not staged yet).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard pid > 0, pid != getpid() else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
