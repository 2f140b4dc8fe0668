import TrialExportCore

/// Plain words for spec problems: what kind of value was expected, which values are valid, and the
/// closest valid one to what was written.
enum SpecWording {
    /// Valid values of the enumerations a spec may name, by the type name decoding errors give.
    static let enumerations: [String: (noun: String, values: [String])] = [
        "Algorithm": ("algorithm", Algorithm.allCases.map(\.rawValue))
    ]

    /// `a list`, `text`, `a whole number`, ... for a decoding type.
    static func kind(of type: Any.Type) -> String {
        let name = String(describing: type)
        if name.hasPrefix("Array<") || name.hasPrefix("[") && !name.contains(":") { return "a list" }
        if name.hasPrefix("Dictionary<") || name.hasPrefix("[") { return "a mapping (key: value)" }
        switch name {
        case "Scalar": return "a single value (text or a number), not a list or a mapping"
        case "Mapping": return "a mapping (key: value)"
        case "Sequence": return "a list"
        case "String": return "text"
        case "Int": return "a whole number"
        case "Double": return "a number"
        case "Bool": return "true or false"
        default: return "a mapping (key: value) of \(name)"
        }
    }

    /// A data-corrupted decoding error in plain words, with the valid values when they are known.
    static func corrupted(_ context: DecodingError.Context) -> String {
        let text = context.debugDescription
        let pattern = "Cannot initialize "
        if text.hasPrefix(pattern), let from = text.range(of: " from invalid "), let value = text.range(of: " value ") {
            let type = String(text[pattern.endIndex..<from.lowerBound])
            let given = String(text[value.upperBound...])
            if let known = enumerations[type] { return unknown(known.noun, given, known: known.values) }
            return "\"\(given)\" is not a valid \(type) here"
        }
        guard let underlying = context.underlyingError else { return text }
        // Yams reports the line and column of a syntax error in its own error's text.
        let detail = String(describing: underlying).split(separator: "\n").joined(separator: " ")
        return "\(text) \(detail). Fix the YAML there (quote a value that contains ': ' or ' #')"
    }

    /// `unknown algorithm "assign_magic"; the algorithms are: a, b, c. Did you mean "assign_ct"?`
    static func unknown(_ noun: String, _ given: String, known: [String]) -> String {
        let list = known.sorted().joined(separator: ", ")
        let guess = closest(to: given, in: known).map { " Did you mean \"\($0)\"?" } ?? ""
        return "unknown \(noun) \"\(given)\"; valid \(noun)s: \(list).\(guess)"
    }

    /// The valid value nearest to `given` (edit distance, case ignored), when it is near enough to be a typo.
    static func closest(to given: String, in known: [String]) -> String? {
        let target = Array(given.lowercased())
        let scored = known.map { ($0, distance(target, Array($0.lowercased()))) }
        guard let best = scored.min(by: { $0.1 < $1.1 || $0.1 == $1.1 && $0.0 < $1.0 }) else { return nil }
        return best.1 <= max(2, target.count / 3) ? best.0 : nil
    }

    /// Levenshtein distance.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
