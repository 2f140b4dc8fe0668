import Mustache

/// Section structure of a template, checked before swift-mustache parses it, so that an unclosed
/// or mismatched section is reported at the line where it opened, in plain words.
enum MustacheSections {
    /// Throws ``ReportError/invalidTemplate(template:line:detail:)`` for the first section that is
    /// never closed (at its opening line) or a section end that closes no open section or another one.
    static func check(_ tags: [MustacheTag], template: String) throws {
        var open: [MustacheTag] = []
        for tag in tags {
            switch tag.kind {
            case .section, .invertedSection, .block, .parent:
                open.append(tag)
            case .close:
                guard let last = open.popLast() else {
                    throw ReportError.invalidTemplate(
                        template: template, line: tag.line,
                        detail:
                            "section end {{/\(tag.name)}} closes no open section (remove it, or open the section with {{#\(tag.name)}} before it)"
                    )
                }
                guard last.name == tag.name else {
                    throw ReportError.invalidTemplate(
                        template: template, line: tag.line,
                        detail:
                            "section end {{/\(tag.name)}} does not match section \"\(last.name)\" opened on line \(last.line) (close that one first with {{/\(last.name)}})"
                    )
                }
            default:
                continue
            }
        }
        if let last = open.last {
            throw ReportError.invalidTemplate(
                template: template, line: last.line,
                detail: "section \"\(last.name)\" opened here is never closed ({{/\(last.name)}} missing)")
        }
    }

    /// swift-mustache's parser error in plain words.
    static func describe(_ error: MustacheTemplate.ParserError) -> String {
        switch error.error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section end does not match the section it closes"
        case .unfinishedName?: return "a tag is not finished (a name, or a closing \"}}\", is missing)"
        case .expectedSectionEnd?: return "a section is never closed"
        case .invalidSetDelimiter?: return "a set-delimiter tag {{=<% %>=}} is not well formed"
        case .transformAppliedToInheritanceSection?: return "a transform cannot be applied to an inherited section"
        case .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
            return "only {{$block}} sections may stand inside a {{<parent}} section"
        case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?:
            return "a {{% pragma}} tag is not one swift-mustache knows (only CONTENT_TYPE)"
        case nil: return "the template is not valid Mustache (\(error.error))"
        }
    }
}
