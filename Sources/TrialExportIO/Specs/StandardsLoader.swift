import Foundation
import TrialExportCore

/// Loads the bundled standards: SDTMIG metadata and CDISC CT (`standards/*.json`).
public enum StandardsLoader {
    /// SDTMIG metadata from `standards/sdtmig-3.4.json`.
    public static func metadata(at path: String) throws -> StandardMetadata {
        let file = try decodeJSON(MetadataFile.self, from: path)
        var datasets: [String: DatasetMetadata] = [:]
        for (index, dataset) in file.datasets.enumerated() {
            guard datasets[dataset.name] == nil else {
                throw TrialExportError.invalidSpec(
                    path: path, location: "datasets[\(index)].name",
                    detail: "dataset \"\(dataset.name)\" appears twice; re-run the extraction script")
            }
            datasets[dataset.name] = DatasetMetadata(
                name: dataset.name, label: dataset.label, structure: dataset.structure,
                keys: dataset.keys, variables: dataset.variables,
                datasetClass: dataset.datasetClass)
        }
        return StandardMetadata(version: file.version, modelVersion: file.modelVersion, datasets: datasets)
    }

    /// CDISC CT from `standards/ct/sdtm-ct-<date>.json`.
    public static func terminology(at path: String) throws -> ControlledTerminology {
        terminology(of: try decodeCT(at: path))
    }

    /// The NCI code of every term in the same CT file, keyed by codelist name and by code.
    public static func termCodes(at path: String) throws -> TermCodes {
        termCodes(of: try decodeCT(at: path))
    }

    /// The terminology and its term codes from one reading of the CT file (it holds every codelist of the release).
    public static func controlledTerminology(at path: String) throws -> (ControlledTerminology, TermCodes) {
        let file = try decodeCT(at: path)
        return (terminology(of: file), termCodes(of: file))
    }

    static func terminology(of file: CTFile) -> ControlledTerminology {
        let lists = file.codelists.map { Codelist(code: $0.code, name: $0.name, extensible: $0.extensible, terms: $0.terms) }
        return ControlledTerminology(version: file.version, codelists: lists)
    }

    static func termCodes(of file: CTFile) -> TermCodes {
        var lists: [String: [String: String]] = [:]
        for list in file.codelists {
            let codes = Dictionary(zip(list.terms, list.termCodes ?? []), uniquingKeysWith: { first, _ in first })
            lists[list.name] = codes
            lists[list.code] = codes
        }
        return TermCodes(lists)
    }

    static func decodeCT(at path: String) throws -> CTFile {
        let file = try decodeJSON(CTFile.self, from: path)
        for (index, list) in file.codelists.enumerated() {
            if let codes = list.termCodes, codes.count != list.terms.count {
                throw TrialExportError.invalidSpec(
                    path: path, location: "codelists[\(index)].termCodes",
                    detail: "\(codes.count) codes for \(list.terms.count) terms in \(list.name); re-run the extraction script")
            }
        }
        return file
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TrialExportError.fileNotFound(path: path, what: "bundled standards file")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw TrialExportError.invalidSpec(path: path, location: error.codingPathDescription, detail: error.shortDescription)
        }
    }

    struct MetadataFile: Decodable {
        var version: String
        var modelVersion: String?
        var datasets: [DatasetMetadata]
    }

    struct CTFile: Decodable {
        var version: String
        var codelists: [CodelistEntry]
    }

    /// One codelist as stored: `Codelist` itself is built through its initializer.
    struct CodelistEntry: Decodable {
        var code: String
        var name: String
        var extensible: Bool
        var terms: [String]
        var termCodes: [String]?
    }
}
