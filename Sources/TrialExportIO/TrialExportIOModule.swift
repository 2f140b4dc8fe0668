import Foundation
import TrialExportCore
import Yams

/// Reads the YAML files a data manager edits (study definition, specs, CT map).
public enum SpecFile {
    /// Decodes `path` as YAML into `T`; a problem names the file, line, column, the spec entry's
    /// variable and the key, in plain words (see ``load(_:from:)``).
    public static func decode<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        try load(type, from: path).value
    }

    /// The text of a top-level key of a YAML mapping (nil when absent, not text, or the file not YAML).
    public static func topLevelText(_ key: String, in path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
            case .mapping(let mapping)? = try? Yams.compose(yaml: text)
        else { return nil }
        return mapping[Node(key)]?.string
    }

    /// The decoded file and its YAML nodes (for locating later problems). A key the type has no
    /// field for is an error too: a misspelt key would otherwise be ignored and its value lost.
    static func load<T: Decodable>(_ type: T.Type, from path: String) throws -> (value: T, document: SpecDocument) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TrialExportError.fileNotFound(path: path, what: "spec file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TrialExportError.invalidSpec(path: path, location: "file", detail: "not valid UTF-8")
        }
        let document = SpecDocument(path: path, text: text)
        let value: T
        do {
            value = try YAMLDecoder().decode(T.self, from: text)
        } catch let error as DecodingError {
            throw document.error(for: error)
        } catch {
            throw TrialExportError.invalidSpec(path: path, location: "YAML", detail: "\(error)")
        }
        if let unknown = UnknownKeys.first(in: value, node: document.root), case .key(let name)? = unknown.path.last {
            throw document.error(
                at: unknown.path, detail: SpecWording.unknown("key", name, known: unknown.allowed),
                markKey: true)
        }
        return (value, document)
    }
}

extension DecodingError {
    var codingPathDescription: String {
        let path: [CodingKey]
        switch self {
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .keyNotFound(_, c), let .dataCorrupted(c):
            path = c.codingPath
        @unknown default: path = []
        }
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.isEmpty ? "top level" : String(text.drop(while: { $0 == "." }))
    }

    var shortDescription: String {
        switch self {
        case let .keyNotFound(key, _): return "missing key \"\(key.stringValue)\"; add it"
        case let .typeMismatch(type, c): return "expected \(type): \(c.debugDescription)"
        case let .valueNotFound(type, c): return "expected a value of type \(type): \(c.debugDescription)"
        case let .dataCorrupted(c):
            guard let underlying = c.underlyingError else { return c.debugDescription }
            // Yams reports the line and column of a syntax error in its own error's text.
            let detail = String(describing: underlying).split(separator: "\n").joined(separator: " ")
            return "\(c.debugDescription) \(detail). Fix the YAML there (quote a value that contains ': ' or ' #')."
        @unknown default: return "\(self)"
        }
    }
}
