import Foundation

/// One step of a variable's `transform:` list, e.g. `upper`, `{regex_extract: "^(\\d+)-", group: 1}`.
///
/// Written as a bare word (`upper`, `lower`, `trim`, `collapse_spaces`, `date_part`, `time_part`) or a
/// one-step mapping. Decoding refuses an unknown step, an unknown key and an invalid regular
/// expression, so a spec error names the YAML line and column.
public enum TransformStep: Hashable, Sendable {
    case upper
    case lower
    case trim
    case collapseSpaces
    case datePart
    case timePart
    case regexExtract(pattern: String, group: Int)
    case regexReplace(pattern: String, with: String)
    case substring(start: Int, length: Int?)
    case prefix(String)
    case suffix(String)
    case padLeft(width: Int, with: String)
    case number(decimals: Int)

    /// The bare-word steps by name.
    static let words: [String: TransformStep] = [
        "upper": .upper, "lower": .lower, "trim": .trim, "collapse_spaces": .collapseSpaces,
        "date_part": .datePart, "time_part": .timePart,
    ]

    /// Every step name, for error messages.
    static let names =
        words.keys.sorted() + ["number", "pad_left", "prefix", "regex_extract", "regex_replace", "substring", "suffix"]

    /// The step's name as written in a spec.
    public var name: String {
        switch self {
        case .upper: return "upper"
        case .lower: return "lower"
        case .trim: return "trim"
        case .collapseSpaces: return "collapse_spaces"
        case .datePart: return "date_part"
        case .timePart: return "time_part"
        case .regexExtract: return "regex_extract"
        case .regexReplace: return "regex_replace"
        case .substring: return "substring"
        case .prefix: return "prefix"
        case .suffix: return "suffix"
        case .padLeft: return "pad_left"
        case .number: return "number"
        }
    }
}

/// `{start: N, length: N}` of a `substring` step (start counts from 1).
struct SubstringParameters: Codable {
    var start: Int
    var length: Int?
}

/// `{width: N, with: "0"}` of a `pad_left` step.
struct PadParameters: Codable {
    var width: Int
    var with: String?
}

/// `{decimals: N}` of a `number` step.
struct NumberParameters: Codable {
    var decimals: Int
}
