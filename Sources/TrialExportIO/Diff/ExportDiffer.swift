import Foundation
import TrialExportCore

/// Compares two exports, or two dataset CSV files, record by record.
///
/// An export is a folder whose `csv/` subfolder holds one `<dataset>.csv` per dataset (a folder
/// without `csv/` is taken as that subfolder itself); the XLSX, findings and reconciliation are
/// not compared. Datasets are named by their file names (`dm.csv` is DM) and compared one at a
/// time, so memory holds two versions of one dataset at most.
public enum ExportDiffer {
    /// Compares `old` with `new`: two export folders or two CSV files, as the user named them.
    public static func compare(
        old: String, new: String, standards: StandardMetadata,
        options: DiffOptions = DiffOptions()
    ) throws -> ExportDiff {
        let oldIsFolder = try kind(old), newIsFolder = try kind(new)
        guard oldIsFolder == newIsFolder else {
            throw TrialExportError.usage(
                "cannot compare a folder with a file: \(old) and \(new); give two export folders or two dataset CSV files")
        }
        if !oldIsFolder {
            let name = datasetName(new)
            let diff = try compareFiles(old, new, name: name, standards: standards, options: options)
            return ExportDiff(old: old, new: new, datasets: [diff])
        }
        return try compareFolders(old, new, standards: standards, options: options)
    }

    /// Compares one dataset's two files.
    public static func compareFiles(
        _ old: String, _ new: String, name: String, standards: StandardMetadata,
        options: DiffOptions = DiffOptions()
    ) throws -> DatasetDiff {
        // The two files are read side by side.
        let tables = try Concurrently.map([old, new]) { try DiffTableLoader.load($0, name: name) }
        return DatasetDiff.compare(
            old: tables[0], new: tables[1], metadata: standards.dataset(name.uppercased()), options: options)
    }

    /// A SUPP-- dataset compared with its records pointing at the parent's natural key (see ``SupplementalKeys``).
    private static func compareSupplemental(
        _ name: String, old: (supp: String, parent: String), new: (supp: String, parent: String),
        standards: StandardMetadata, options: DiffOptions
    ) throws -> DatasetDiff {
        let parentName = String(name.dropFirst(4))
        let keys = standards.dataset(parentName)?.keys ?? []
        let tables = try Concurrently.map([old, new]) { paths in
            SupplementalKeys.rekey(
                try DiffTableLoader.load(paths.supp, name: name),
                parent: try DiffTableLoader.load(paths.parent, name: parentName), parentKeys: keys)
        }
        return DatasetDiff.compare(old: tables[0], new: tables[1], metadata: standards.dataset(name), options: options)
    }

    private static func compareFolders(
        _ old: String, _ new: String, standards: StandardMetadata,
        options: DiffOptions
    ) throws -> ExportDiff {
        let oldFiles = try ExportFolderCheck.datasetFiles(of: old, role: "old", metadata: standards)
        let newFiles = try ExportFolderCheck.datasetFiles(of: new, role: "new", metadata: standards)
        var added: [ExportDiff.DatasetPresence] = [], removed: [ExportDiff.DatasetPresence] = []
        var datasets: [DatasetDiff] = []
        for (name, path) in newFiles.sorted(by: { $0.key < $1.key }) {
            if let oldPath = oldFiles[name] {
                if name.hasPrefix("SUPP"), let oldParent = oldFiles[String(name.dropFirst(4))],
                    let newParent = newFiles[String(name.dropFirst(4))]
                {
                    datasets.append(
                        try compareSupplemental(
                            name, old: (oldPath, oldParent), new: (path, newParent),
                            standards: standards, options: options))
                    continue
                }
                datasets.append(try compareFiles(oldPath, path, name: name, standards: standards, options: options))
            } else {
                added.append(.init(name: name, records: try DiffTableLoader.count(path)))
            }
        }
        for (name, path) in oldFiles.sorted(by: { $0.key < $1.key }) where newFiles[name] == nil {
            removed.append(.init(name: name, records: try DiffTableLoader.count(path)))
        }
        return ExportDiff(old: old, new: new, datasetsAdded: added, datasetsRemoved: removed, datasets: datasets)
    }

    /// The dataset CSV files of an export, by upper-case dataset name.
    static func datasetFiles(in folder: String) throws -> [String: String] {
        let csv = (folder as NSString).appendingPathComponent("csv")
        var isDirectory: ObjCBool = false
        let root = FileManager.default.fileExists(atPath: csv, isDirectory: &isDirectory) && isDirectory.boolValue ? csv : folder
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root)
        } catch {
            throw TrialExportError.fileNotFound(path: root, what: "readable export folder")
        }
        var files: [String: String] = [:]
        for file in names.sorted() where file.lowercased().hasSuffix(".csv") {
            let name = datasetName(file), path = (root as NSString).appendingPathComponent(file)
            if let other = files[name] {
                throw TrialExportError.usage("\(other) and \(path) both hold dataset \(name); keep one")
            }
            files[name] = path
        }
        return files
    }

    /// The dataset a file holds: its name without `.csv`, upper-cased (`dm.csv` is DM).
    static func datasetName(_ path: String) -> String {
        let file = (path as NSString).lastPathComponent
        return String(file.dropLast(file.lowercased().hasSuffix(".csv") ? 4 : 0)).uppercased()
    }

    /// True for a folder, false for a file; an error naming the path when it does not exist.
    private static func kind(_ path: String) throws -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TrialExportError.fileNotFound(path: path, what: "export folder or dataset CSV file")
        }
        return isDirectory.boolValue
    }
}
