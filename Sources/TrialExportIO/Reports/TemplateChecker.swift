import TrialExportCore

/// Checks that every name a template uses exists in the context at that place (Mustache renders
/// unknown names as empty text, so a typo would otherwise go unnoticed).
///
/// Names resolve as Mustache resolves them: up the stack of enclosing sections; `a.b` finds `a`
/// that way and `b` inside it; `.` is the current item; `fn(name)` checks `name`. Partials are
/// checked where they are included.
struct TemplateChecker {
    /// Template texts by name (file name without `.mustache`).
    var templates: [String: String]

    /// swift-mustache's transforms that a tag may apply, e.g. `{{count(rows)}}`.
    static let transforms: Set<String> = [
        "empty", "capitalized", "lowercased", "uppercased", "reversed", "first", "last", "count", "sorted",
        "enumerated", "equalzero", "plusone", "minusone", "even", "odd",
    ]

    /// Throws ``ReportError`` for the first unknown name, unknown partial or unbalanced section.
    func check(_ name: String, against schema: ReportSchema) throws {
        try check(name, scopes: [schema], depth: 0)
    }

    private func check(_ name: String, scopes: [ReportSchema], depth: Int) throws {
        let file = name + ".mustache"
        guard let text = templates[name] else { throw ReportError.templateMissing(folder: "templates", name: file) }
        var stack: [(name: String, scopes: [ReportSchema], line: Int)] = []
        var scopes = scopes
        for tag in try MustacheTag.scan(text, template: file) {
            switch tag.kind {
            case .variable:
                _ = try resolve(tag, in: scopes, file: file)
            case .section, .invertedSection:
                let schema = try resolve(tag, in: scopes, file: file)
                stack.append((tag.name, scopes, tag.line))
                if tag.kind == .section { scopes = Self.enter(schema, scopes) }
            case .close:
                guard let open = stack.popLast(), open.name == tag.name else {
                    throw ReportError.invalidTemplate(
                        template: file, line: tag.line, detail: "section end {{/\(tag.name)}} matches no open section")
                }
                scopes = open.scopes
            case .partial:
                guard templates[tag.name] != nil else {
                    throw ReportError.unknownPartial(template: file, line: tag.line, partial: tag.name)
                }
                if depth < 8 { try check(tag.name, scopes: scopes, depth: depth + 1) }
            case .comment, .pragma, .setDelimiter, .block, .parent:
                continue
            }
        }
        if let open = stack.last {
            throw ReportError.invalidTemplate(
                template: file, line: open.line, detail: "section {{#\(open.name)}} is never closed")
        }
    }

    /// The scopes inside a section on a value of shape `schema`.
    private static func enter(_ schema: ReportSchema?, _ scopes: [ReportSchema]) -> [ReportSchema] {
        switch schema {
        case .list(let element)?: return scopes + [element]
        case .object?: return scopes + [schema!]
        default: return scopes
        }
    }

    /// The shape `tag` names, or an unknown-field error naming the fields in reach.
    private func resolve(_ tag: MustacheTag, in scopes: [ReportSchema], file: String) throws -> ReportSchema? {
        var name = tag.name
        while let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            let transform = String(name[..<open])
            guard Self.transforms.contains(transform) else { throw unknown(tag, transform + "()", scopes, file) }
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        }
        if name == "." || name.isEmpty { return scopes.last }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(""), var schema = scopes.reversed().lazy.compactMap({ $0.fields[parts[0]] }).first else {
            throw unknown(tag, name, scopes, file)
        }
        for part in parts.dropFirst() {
            guard let next = schema.fields[part] else { throw unknown(tag, name, scopes, file) }
            schema = next
        }
        return schema
    }

    private func unknown(_ tag: MustacheTag, _ field: String, _ scopes: [ReportSchema], _ file: String) -> ReportError {
        let known = Set(scopes.flatMap { $0.fields.keys }).sorted()
        return .unknownField(template: file, line: tag.line, field: field, known: known)
    }
}
