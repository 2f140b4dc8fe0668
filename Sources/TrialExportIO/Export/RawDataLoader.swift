import Foundation
import TrialExportCore

/// Loads every EDC form (`*.csv`) of a raw data folder, checking the columns the specs need.
public enum RawDataLoader {
    /// Forms in name order; a form the specs need but the folder lacks stops the run.
    public static func load(folder: URL, specs: [DomainSpec], findings: FindingSink) throws -> [RawTable] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw TrialExportError.fileNotFound(path: folder.path, what: "raw data folder")
        }
        let files = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        let required = SpecRequirements.columns(of: specs)
        let present = Set(files.map { RawFormLoader.formName(ofPath: $0) })
        if let missing = required.keys.sorted().first(where: { !present.contains($0) }) {
            let who = required[missing]?.values.sorted().first ?? "a spec"
            throw TrialExportError.fileNotFound(
                path: folder.appendingPathComponent("\(missing).csv").path,
                what: "form \(missing), needed by \(who),")
        }
        return try files.map { file in
            let form = RawFormLoader.formName(ofPath: file)
            return try RawFormLoader.load(
                path: folder.appendingPathComponent(file).path, form: form,
                requiredColumns: required[form] ?? [:], findings: findings, displayPath: file)
        }
    }
}
