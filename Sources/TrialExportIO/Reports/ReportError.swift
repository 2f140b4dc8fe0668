import Foundation

/// Problems with report templates that stop an export; each names the template file and line.
public enum ReportError: Error, Equatable, Sendable {
    /// A `{{name}}` (or section, or dotted name) that the context does not have at that place.
    case unknownField(template: String, line: Int, field: String, known: [String])
    /// A `{{> name}}` with no template file `name.mustache` in the folder.
    case unknownPartial(template: String, line: Int, partial: String)
    /// The template is not valid Mustache (unclosed tag or section, mismatched section end, ...).
    case invalidTemplate(template: String, line: Int, detail: String)
    /// A template the reports need is missing from the folder.
    case templateMissing(folder: String, name: String)
}

extension ReportError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case let .unknownField(template, line, field, known):
            let names = known.isEmpty ? "none" : known.joined(separator: ", ")
            return "\(template):\(line): unknown field \"\(field)\" in the template. "
                + "Fields available there: \(names). Correct the name or remove the tag."
        case let .unknownPartial(template, line, partial):
            return
                "\(template):\(line): partial \"\(partial)\" not found: add \(partial).mustache to the templates folder or remove the tag."
        case let .invalidTemplate(template, line, detail):
            return "\(template):\(line): \(detail). Correct the template."
        case let .templateMissing(folder, name):
            return "\(folder): template \(name) not found. Copy it from the default templates/ folder."
        }
    }

    public var errorDescription: String? { description }
}
