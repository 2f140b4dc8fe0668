import Foundation
import TrialExportCore

/// Tells an export folder from any other folder before `diff` or `export --previous` reads it.
///
/// Accepted: a folder with the export's ``OutputMarker`` and its `csv/` folder; an export written
/// before markers existed, i.e. a folder whose `csv/` holds SDTM dataset files (a known dataset
/// name, a header with STUDYID); or such a `csv/` folder itself. Refused, with the reason: an
/// empty folder, a folder of `generate` output or raw EDC forms, a folder without dataset files.
public enum ExportFolderCheck {
    /// The dataset files of the export in `folder` (as ``ExportDiffer/datasetFiles(in:)``), or a
    /// usage error naming `role` (e.g. "--previous") and why the folder is not an export.
    public static func datasetFiles(of folder: String, role: String, metadata: StandardMetadata) throws -> [String: String] {
        let url = URL(fileURLWithPath: folder)
        let fail = { (why: String) in TrialExportError.usage("\(role) \(folder) is not a trialexport export: \(why)") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw TrialExportError.fileNotFound(path: folder, what: "export folder")
        }
        guard isDirectory.boolValue else { throw fail("it is a file, not a folder") }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        if names.isEmpty { throw fail("the folder is empty") }
        let marker = OutputMarker.read(in: url)
        if case .success(let found)? = marker, found.kind != .export {
            throw fail("it holds \(found.kind.contents); export it first and give the export folder")
        }
        let files = try ExportDiffer.datasetFiles(in: folder)
        if case .success? = marker, names.contains("csv") { return files }
        guard !files.isEmpty else {
            throw fail("it has no csv/ folder of SDTM datasets (an export holds csv/dm.csv, csv/ae.csv, ...)")
        }
        for (name, path) in files.sorted(by: { $0.key < $1.key }) {
            let file = (path as NSString).lastPathComponent
            guard metadata.dataset(name) != nil || (name.hasPrefix("SUPP") && name.count == 6) else {
                throw fail("\(file) is not an SDTM dataset name (an export holds csv/dm.csv, csv/ae.csv, ...)")
            }
            // An empty file is left to the loader, whose error names it.
            let columns = try header(of: path)
            guard columns.isEmpty || columns.contains("STUDYID") else {
                throw fail("\(file) has no STUDYID column, so it is not an SDTM dataset (raw EDC forms are not an export)")
            }
        }
        return files
    }

    /// The column names of a CSV file's first line (BOM and quotes removed).
    private static func header(of path: String) throws -> [String] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TrialExportError.fileNotFound(path: path, what: "readable dataset file")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1 << 16)) ?? Data()
        let line = String(decoding: head, as: UTF8.self).prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        return line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\u{FEFF} ")) }
    }
}
