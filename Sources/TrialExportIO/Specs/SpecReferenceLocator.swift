import Foundation
import TrialExportCore
import Yams

/// Finds where a spec names a column, so that a reference no header resolves is reported at its
/// YAML file, line and column (the domain specs of a study, then its `forms.yaml`).
public struct SpecReferenceLocator: Sendable {
    /// Where a reference is written: file, line, column, the enclosing `variable:` and the key.
    struct Place: Sendable {
        var path: String
        var line: Int
        var column: Int
        var variable: String?
        var key: String
    }

    /// The spec files, in the order searched.
    private let paths: [String]

    /// The specs of `domains` (a study's `domains/` folder) and, if present, `forms`. Nothing is
    /// read until a place is asked for (only when a run stops on a column).
    public init(domains: URL, forms: URL? = nil) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: domains.path)) ?? []
        var paths = names.filter { $0.hasSuffix(".yaml") }.sorted().map { domains.appendingPathComponent($0).path }
        if let forms, FileManager.default.fileExists(atPath: forms.path) { paths.append(forms.path) }
        self.paths = paths
    }

    /// Each file composed: its path, top-level `domain:` and scalars with their places.
    private func files() -> [(path: String, domain: String?, scalars: [(text: String, place: Place)])] {
        paths.compactMap { path in
            guard let text = try? String(contentsOfFile: path, encoding: .utf8), let root = try? Yams.compose(yaml: text)
            else { return nil }
            var scalars: [(String, Place)] = []
            Self.collect(root, path: path, variable: nil, key: "top level", into: &scalars)
            return (path, root.mapping?["domain"]?.string, scalars)
        }
    }

    /// The first place the spec of `domain` (else any spec) names `column` of a form: as a whole
    /// scalar, after a form's dot, or inside a template's `{...}`.
    func place(ofColumn column: String, domain: String?) -> Place? {
        let files = files()
        let ordered = files.filter { $0.domain == domain } + files.filter { $0.domain != domain }
        for file in ordered {
            if let hit = file.scalars.first(where: { Self.names($0.text, column) }) { return hit.place }
        }
        return nil
    }

    private static func names(_ text: String, _ column: String) -> Bool {
        text == column || text.hasSuffix("." + column) || text.contains("{" + column + "}")
            || text.contains("." + column + "}")
    }

    private static func collect(_ node: Node, path: String, variable: String?, key: String, into out: inout [(String, Place)]) {
        switch node {
        case .scalar(let scalar):
            let mark = node.mark
            out.append(
                (scalar.string, Place(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1, variable: variable, key: key))
            )
        case .mapping(let mapping):
            let name = mapping["variable"]?.string ?? variable
            for (k, value) in mapping { collect(value, path: path, variable: name, key: k.string ?? key, into: &out) }
        case .sequence(let sequence):
            for item in sequence { collect(item, path: path, variable: variable, key: key, into: &out) }
        case .alias:
            return
        }
    }
}
