/// A template context value: text, a flag, an object of named values or a list.
///
/// Lists carry the shape of their elements so that a template can be checked against the context
/// even when a list is empty (see ``ReportSchema``).
public indirect enum ReportValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case object([String: ReportValue])
    case list([ReportValue], element: ReportSchema)

    /// The shape of this value.
    public var schema: ReportSchema {
        switch self {
        case .text, .flag: return .scalar
        case .object(let fields): return .object(fields.mapValues(\.schema))
        case .list(_, let element): return .list(element)
        }
    }

    /// A list of objects whose fields are all text (or flags), named by `fields`.
    static func rows(_ items: [[String: ReportValue]], fields: [String]) -> ReportValue {
        .list(items.map(ReportValue.object), element: .object(Dictionary(uniqueKeysWithValues: fields.map { ($0, .scalar) })))
    }
}

/// The shape of a context value, for checking the names a template uses.
public indirect enum ReportSchema: Sendable, Equatable {
    case scalar
    case object([String: ReportSchema])
    case list(ReportSchema)

    /// The fields of an object, empty otherwise.
    public var fields: [String: ReportSchema] {
        if case .object(let fields) = self { return fields }
        return [:]
    }
}
