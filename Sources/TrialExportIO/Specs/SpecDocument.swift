import Foundation
import TrialExportCore
import Yams

/// A YAML spec file as composed by Yams: every value with its line and column, so that a problem
/// found while decoding or validating is reported where the user can fix it.
struct SpecDocument {
    /// One step of a path into the document: a mapping key or a list position.
    enum Step: Equatable {
        case key(String)
        case index(Int)
    }

    let path: String
    let root: Node?

    init(path: String, text: String) {
        self.path = path
        root = try? Yams.compose(yaml: text)
    }

    /// The steps of a decoding path.
    static func steps(_ codingPath: [CodingKey]) -> [Step] {
        codingPath.map { $0.intValue.map(Step.index) ?? .key($0.stringValue) }
    }

    /// The steps of a key path written `arms[0].code`.
    static func steps(parsing key: String) -> [Step] {
        key.split(separator: ".").flatMap { part -> [Step] in
            let pieces = part.split(separator: "[")
            guard let name = pieces.first else { return [] }
            let head: [Step] = part.hasPrefix("[") ? [] : [.key(String(name))]
            let indexes = pieces.dropFirst(part.hasPrefix("[") ? 0 : 1).compactMap { Int($0.dropLast()) }.map(Step.index)
            return head + indexes
        }
    }

    /// The error for the value at `steps` (the deepest part of the path the file has): file, line,
    /// column, the `variable:` of the nearest enclosing spec entry, the key path and `detail`.
    func error(at steps: [Step], detail: String, markKey: Bool = false) -> TrialExportError {
        var node = root
        var mark = root?.mark
        var variable: String?
        for step in steps {
            if let name = node?.mapping?["variable"]?.string { variable = name }
            guard let next = Self.child(of: node, step, key: markKey && step == steps.last) else { break }
            node = next
            mark = next.mark ?? mark
        }
        if let name = node?.mapping?["variable"]?.string { variable = name }
        return .invalidSpecAt(
            path: path, line: mark?.line ?? 1, column: mark?.column ?? 1, variable: variable,
            key: Self.describe(steps), detail: detail)
    }

    /// The child of `node` at `step` (the key's own node when `key` is true, e.g. for an unknown key).
    private static func child(of node: Node?, _ step: Step, key: Bool) -> Node? {
        switch (step, node) {
        case (.key(let name), .mapping(let mapping)?):
            guard let pair = mapping.first(where: { $0.key.string == name }) else { return nil }
            return key ? pair.key : pair.value
        case (.index(let i), .sequence(let sequence)?):
            return i < sequence.count ? sequence[sequence.index(sequence.startIndex, offsetBy: i)] : nil
        default:
            return nil
        }
    }

    /// `records[0].variables[16].algorithm`, or `top level`.
    static func describe(_ steps: [Step]) -> String {
        let text = steps.map { step -> String in
            switch step {
            case .key(let name): return "." + name
            case .index(let i): return "[\(i)]"
            }
        }.joined()
        return text.isEmpty ? "top level" : String(text.dropFirst(text.hasPrefix(".") ? 1 : 0))
    }

    /// The located error for a decoding error, in plain words.
    func error(for error: DecodingError) -> TrialExportError {
        switch error {
        case let .keyNotFound(key, context):
            return self.error(
                at: Self.steps(context.codingPath), detail: "the key \"\(key.stringValue)\" is missing here; add it")
        case let .typeMismatch(type, context):
            return self.error(at: Self.steps(context.codingPath), detail: "expected \(SpecWording.kind(of: type)) here")
        case let .valueNotFound(type, context):
            return self.error(
                at: Self.steps(context.codingPath), detail: "expected \(SpecWording.kind(of: type)) here, found nothing")
        case let .dataCorrupted(context):
            if let yaml = context.underlyingError as? YamlError, let syntax = Self.syntax(yaml) {
                return .invalidSpecAt(
                    path: path, line: syntax.mark.line, column: syntax.mark.column, variable: nil,
                    key: "YAML", detail: syntax.detail)
            }
            return self.error(at: Self.steps(context.codingPath), detail: SpecWording.corrupted(context))
        @unknown default:
            return self.error(at: [], detail: "\(error)")
        }
    }

    /// Where a YAML syntax error is and what it is, in words (nil for other Yams errors).
    static func syntax(_ error: YamlError) -> (mark: Mark, detail: String)? {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let during = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return (
                mark, "not valid YAML: \(problem)\(during); quote a value that contains ': ' or ' #', and check the indentation"
            )
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark, "the key(s) \(duplicates.joined(separator: ", ")) appear twice in one mapping; keep one")
        default:
            return nil
        }
    }
}
