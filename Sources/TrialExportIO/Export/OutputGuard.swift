import Foundation
import TrialExportCore

/// Decides whether a run may replace its output folder, before anything is written.
///
/// `--out` may never be, hold or lie inside one of the run's inputs. A folder is replaced only when
/// it does not exist, is empty, or holds the ``OutputMarker`` of the same kind of run and no file
/// that run did not write (or, for an export made before markers existed, only files an export
/// writes). Anything else is refused with a usage error saying what is there.
public enum OutputGuard {
    /// An input of the run, by the option that names it (`--raw`), which `--out` must keep clear of.
    public typealias Input = (option: String, url: URL)

    /// Checks `destination` and clears stale staging folders beside it; returns what was cleared, one line each.
    public static func prepare(_ destination: URL, kind: OutputMarker.Kind, inputs: [Input]) throws -> [String] {
        try checkOverlap(destination, inputs: inputs)
        let notes = StaleStaging.clear(beside: destination)
        try checkContents(destination, kind: kind)
        return notes
    }

    /// `--out` equal to, inside or above an input is refused, whatever the folder holds.
    static func checkOverlap(_ destination: URL, inputs: [Input]) throws {
        let out = resolved(destination)
        for (option, url) in inputs {
            let input = resolved(url)
            let relation: String
            if out == input {
                relation = "is the same folder as \(option) \(url.path)"
            } else if out.starts(with: input) {
                relation = "is inside \(option) \(url.path)"
            } else if input.starts(with: out) {
                relation = "contains \(option) \(url.path): replacing it would delete that input"
            } else {
                continue
            }
            throw TrialExportError.usage(
                "--out \(destination.path) \(relation). The output folder is replaced as a whole, so nothing was "
                    + "written: give --out a folder apart from every input (e.g. beside the raw data, not above it).")
        }
    }

    /// The folder's real path as components, symbolic links resolved for the part that exists.
    static func resolved(_ url: URL) -> [String] {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while realpath(existing.path, nil) == nil, existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var base = existing.path
        if let real = realpath(existing.path, nil) {
            base = String(cString: real)
            free(real)
        }
        return URL(fileURLWithPath: base).pathComponents + rest
    }

    /// Refuses a destination that is not a folder this kind of run may replace.
    static func checkContents(_ destination: URL, kind: OutputMarker.Kind) throws {
        let path = destination.path
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // nothing there yet
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK:
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw refusal(
                destination, "is a symbolic link (to \(target)); the link, not its target, would be replaced",
                "give the folder it points to as --out")
        case S_IFREG:
            throw refusal(destination, "is a file (\(info.st_size) bytes), not a folder", "give --out a folder path")
        default:
            throw refusal(destination, "is not a folder", "give --out a folder path")
        }
        let entries: [String]
        do {
            entries = try OutputMarker.entries(in: destination)
        } catch {
            throw refusal(destination, "cannot be listed (\(error.localizedDescription))", "check its permissions")
        }
        let foreign = try foreignEntries(destination, entries: entries, kind: kind)
        guard !foreign.isEmpty else { return }
        let files = foreign.filter { !$0.hasSuffix("/") }
        let top = foreign.filter { !$0.dropLast().contains("/") }
        let shown = (top.isEmpty ? foreign : top).prefix(3)
        let what = "\(files.count) file\(files.count == 1 ? "" : "s")" + (files.count < foreign.count ? " and folders" : "")
        let git = entries.contains(".git/") ? "is a git repository and " : ""
        throw refusal(
            destination,
            "\(git)holds \(what) not written by trialexport \(kind.rawValue) (e.g. "
                + shown.joined(separator: ", ") + (foreign.count > 3 ? ", ...)" : ")"),
            "move them elsewhere, or give an --out that does not exist, is empty or holds an earlier "
                + "\(kind.rawValue) of this tool")
    }

    /// The entries a run of `kind` did not write.
    private static func foreignEntries(_ destination: URL, entries: [String], kind: OutputMarker.Kind) throws -> [String] {
        switch OutputMarker.read(in: destination) {
        case nil:
            if kind == .export, isEarlierExport(entries) { return [] }
            return entries
        case .failure?:
            throw refusal(
                destination, "holds a \(OutputMarker.fileName) file that is not a trialexport marker",
                "give another --out, or remove the folder yourself if it can go")
        case .success(let marker)?:
            guard marker.kind == kind else {
                throw refusal(
                    destination, "holds \(marker.kind.contents) (study \(marker.studyId)), not \(kind.contents)",
                    "give another --out")
            }
            let known = Set(marker.files)
            let folders = Set(
                marker.files.flatMap { file in
                    file.split(separator: "/").dropLast().indices.map { i in
                        file.split(separator: "/").prefix(i + 1).joined(separator: "/") + "/"
                    }
                })
            return entries.filter { !known.contains($0) && !folders.contains($0) }
        }
    }

    /// True when every file in `folder` was written by one run of the tool (of either kind).
    static func isOwnOutput(_ folder: URL) -> Bool {
        guard let entries = try? OutputMarker.entries(in: folder) else { return false }
        let kind = (try? OutputMarker.read(in: folder)?.get().kind) ?? .export
        return (try? foreignEntries(folder, entries: entries, kind: kind))?.isEmpty == true
    }

    /// An export written before markers existed: only files an export writes, with its csv/ folder.
    static func isEarlierExport(_ entries: [String]) -> Bool {
        entries.contains("csv/")
            && entries.allSatisfy { entry in
                ["csv/", "reports/", "xpt/", "json/", "findings.csv", "reconciliation.csv", "define.xml"].contains(entry)
                    || (entry.hasPrefix("xpt/") && entry.hasSuffix(".xpt") && !entry.dropFirst(4).contains("/"))
                    || (entry.hasPrefix("json/") && (entry.hasSuffix(".json") || entry.hasSuffix(".ndjson"))
                        && !entry.dropFirst(5).contains("/"))
                    || (entry.hasPrefix("csv/") && entry.hasSuffix(".csv") && !entry.dropFirst(4).contains("/"))
                    || (entry.hasPrefix("reports/") && (entry.hasSuffix(".md") || entry.hasSuffix(".svg"))
                        && !entry.dropFirst(8).contains("/"))
                    || (entry.hasSuffix("-sdtm.xlsx") && !entry.contains("/"))
            }
    }

    private static func refusal(_ destination: URL, _ what: String, _ todo: String) -> TrialExportError {
        .usage("--out \(destination.path) \(what). It would be replaced as a whole, so nothing was written: \(todo).")
    }
}
