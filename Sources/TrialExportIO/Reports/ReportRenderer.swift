import Foundation
import Mustache
import TrialExportCore

/// Renders report contexts with the Mustache templates of one folder (`templates/` or a user's copy).
///
/// Every `*.mustache` file of the folder is loaded (name = file name without `.mustache`) and can
/// be used as a partial. Before rendering, each template is checked against the context's shape:
/// an unknown name fails with ``ReportError/unknownField(template:line:field:known:)``. Values are
/// inserted as they are (no HTML escaping: the output is Markdown).
public struct ReportRenderer: Sendable {
    /// The templates the reports need.
    public static let consortTemplate = "consort.md"
    public static let armTemplate = "arm.md"

    public let folder: URL
    private let texts: [String: String]
    private let library: MustacheLibrary

    /// Loads the folder's templates; throws when the folder or a required template is missing or invalid.
    public init(folder: URL) throws {
        self.folder = folder
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw TrialExportError.fileNotFound(path: folder.path, what: "templates folder")
        }
        var texts: [String: String] = [:]
        var library = MustacheLibrary()
        for file in files {
            let name = String(file.dropLast(".mustache".count))
            let url = folder.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw TrialExportError.fileNotFound(path: url.path, what: "template")
            }
            if let invalid = String.firstInvalidUTF8(in: Array(data)) {
                throw TrialExportError.invalidUTF8(
                    path: url.path, line: invalid.line, column: invalid.column, bytes: invalid.excerpt)
            }
            let text = String(decoding: data, as: UTF8.self)
            texts[name] = text
            try library.register(Self.parse(text, file: file), named: name)
        }
        for required in [Self.consortTemplate, Self.armTemplate] where texts[required] == nil {
            throw ReportError.templateMissing(folder: folder.path, name: required + ".mustache")
        }
        self.texts = texts
        self.library = library
    }

    /// Renders template `name` with `context`, after checking every name it uses.
    public func render(_ name: String, context: ReportValue) throws -> String {
        try TemplateChecker(templates: texts).check(name, against: context.schema)
        return library.render(Self.mustacheValue(context), withTemplate: name) ?? ""
    }

    /// Parses `text` as plain text output (no HTML escaping); errors name the file and line (an unclosed
    /// section the line where it opened) in plain words.
    private static func parse(_ text: String, file: String) throws -> MustacheTemplate {
        try MustacheSections.check(MustacheTag.scan(text, template: file), template: file)
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + text)
        } catch let error as MustacheTemplate.ParserError {
            throw ReportError.invalidTemplate(
                template: file, line: max(1, error.context.lineNumber - 1), detail: MustacheSections.describe(error))
        }
    }

    /// The context as swift-mustache reads it: dictionaries, arrays, strings and booleans.
    static func mustacheValue(_ value: ReportValue) -> Any {
        switch value {
        case .text(let text): return text
        case .flag(let flag): return flag
        case .object(let fields): return fields.mapValues(mustacheValue)
        case .list(let items, _): return items.map(mustacheValue)
        }
    }
}
