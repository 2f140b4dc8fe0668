import Foundation
import TrialExportCore

/// Reads the dataset CSVs of a written export (`csv/<name>.csv`) back into datasets, for reports
/// rebuilt from an export folder; values are kept as text, exactly as the files hold them.
public enum ExportedDatasets {
    /// Every `*.csv` of `folder`, in file name order; dataset names are the upper-cased file names.
    public static func load(csvFolder folder: URL) throws -> [Dataset] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        } catch {
            throw TrialExportError.fileNotFound(path: folder.path, what: "folder of dataset CSV files")
        }
        return try files.map { file in
            let name = String(file.dropLast(4)).uppercased()
            let table = try DiffTableLoader.load(folder.appendingPathComponent(file).path, name: name)
            let variables = table.header.enumerated().map { i, column in
                VariableMetadata(dataset: name, order: i + 1, name: column, label: "", type: .char, core: .perm)
            }
            return Dataset(name: name, label: "", keys: [], variables: variables, rows: table.rows.map(\.values))
        }
    }
}
