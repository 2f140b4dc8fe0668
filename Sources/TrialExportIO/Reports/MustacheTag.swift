/// One tag of a Mustache template, with the line it starts on.
struct MustacheTag: Equatable {
    enum Kind: Equatable {
        case variable, section, invertedSection, close, partial, comment, pragma, setDelimiter, block, parent
    }

    var kind: Kind
    /// The name without sigils and spaces (`arms`, `efficacy.orr`, `count(rows)`).
    var name: String
    var line: Int

    /// Every tag of `text`, in order, following `{{=<% %>=}}` delimiter changes.
    static func scan(_ text: String, template: String) throws -> [MustacheTag] {
        var tags: [MustacheTag] = []
        var open = "{{", close = "}}"
        var rest = Substring(text), line = 1
        while let start = rest.range(of: open) {
            line += rest[..<start.lowerBound].count { $0 == "\n" }
            var body = rest[start.upperBound...]
            var closing = close
            if open == "{{", body.first == "{" { closing = "}" + close }  // {{{name}}}
            guard let end = body.range(of: closing) else {
                throw ReportError.invalidTemplate(
                    template: template, line: line, detail: "tag \"\(open)\" is never closed with \"\(close)\"")
            }
            let inner = String(body[..<end.lowerBound])
            body = body[end.upperBound...]
            let tag = try parse(inner, line: line, template: template)
            if tag.kind == .setDelimiter { (open, close) = try delimiters(tag.name, line: line, template: template) }
            tags.append(tag)
            line += inner.count { $0 == "\n" }
            rest = body
        }
        return tags
    }

    private static func parse(_ inner: String, line: Int, template: String) throws -> MustacheTag {
        guard let sigil = inner.first else {
            throw ReportError.invalidTemplate(template: template, line: line, detail: "empty tag")
        }
        let kinds: [Character: Kind] = [
            "#": .section, "^": .invertedSection, "/": .close, ">": .partial, "!": .comment, "%": .pragma,
            "=": .setDelimiter, "$": .block, "<": .parent, "{": .variable, "&": .variable,
        ]
        guard let kind = kinds[sigil] else { return MustacheTag(kind: .variable, name: inner.trimmingSpaces, line: line) }
        var name = String(inner.dropFirst())
        if kind == .setDelimiter, name.hasSuffix("=") { name.removeLast() }
        return MustacheTag(kind: kind, name: name.trimmingSpaces, line: line)
    }

    private static func delimiters(_ text: String, line: Int, template: String) throws -> (String, String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else {
            throw ReportError.invalidTemplate(
                template: template, line: line, detail: "set-delimiter tag \"=\(text)=\" needs two delimiters")
        }
        return (String(parts[0]), String(parts[1]))
    }
}
