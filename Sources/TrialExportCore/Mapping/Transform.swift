import Foundation

/// A `transform:` list compiled once per block: regular expressions built, parameters checked.
///
/// ``apply(_:)`` runs the steps in order. An empty value stays empty (a null is not transformed);
/// a step that cannot apply to a non-empty value stops the list and says which step and why.
struct Transform {
    /// A compiled step.
    enum Compiled {
        case simple(TransformStep)
        case extract(NSRegularExpression, group: Int)
        case replace(NSRegularExpression, template: String)
    }

    /// Why a step could not apply to a value.
    struct Failure: Error, Equatable {
        let step: String
        let value: String
        let reason: String
    }

    let steps: [Compiled]

    /// Compiles the steps; a pattern that does not compile (already refused while the spec was
    /// decoded) makes a step that always fails, so nothing is silently skipped.
    init(_ steps: [TransformStep]) {
        self.steps = steps.map { step in
            switch step {
            case .regexExtract(let pattern, let group):
                return (try? NSRegularExpression(pattern: pattern)).map { .extract($0, group: group) } ?? .simple(step)
            case .regexReplace(let pattern, let with):
                return (try? NSRegularExpression(pattern: pattern)).map { .replace($0, template: with) } ?? .simple(step)
            default:
                return .simple(step)
            }
        }
    }

    func apply(_ value: String) -> Result<String, Failure> {
        var text = value
        for step in steps {
            if text.isEmpty { return .success("") }
            switch Self.apply(step, to: text) {
            case .success(let next): text = next
            case .failure(let failure): return .failure(failure)
            }
        }
        return .success(text)
    }

    private static func apply(_ step: Compiled, to text: String) -> Result<String, Failure> {
        let range = NSRange(text.startIndex..., in: text)
        switch step {
        case .extract(let regex, let group):
            guard let match = regex.firstMatch(in: text, range: range) else {
                return .failure(Failure(step: "regex_extract", value: text, reason: "does not match \"\(regex.pattern)\""))
            }
            let captured = match.range(at: group)
            guard captured.location != NSNotFound, let r = Range(captured, in: text) else {
                return .failure(
                    Failure(
                        step: "regex_extract", value: text,
                        reason: "group \(group) of \"\(regex.pattern)\" is not part of the match"))
            }
            return .success(String(text[r]))
        case .replace(let regex, let template):
            return .success(regex.stringByReplacingMatches(in: text, range: range, withTemplate: template))
        case .simple(let simple):
            return TransformText.apply(simple, to: text)
        }
    }
}

/// The steps that need no compiled state.
enum TransformText {
    static func apply(_ step: TransformStep, to text: String) -> Result<String, Transform.Failure> {
        switch step {
        case .upper: return .success(text.uppercased())
        case .lower: return .success(text.lowercased())
        case .trim: return .success(text.trimmingCharacters(in: .whitespacesAndNewlines))
        case .collapseSpaces:
            return .success(text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
        case .datePart, .timePart: return dateTimePart(step, of: text)
        case .substring(let start, let length):
            let tail = text.dropFirst(start - 1)
            guard start <= text.count else {
                return .failure(.init(step: step.name, value: text, reason: "is shorter than start \(start)"))
            }
            return .success(String(length.map { tail.prefix($0) } ?? tail))
        case .prefix(let prefix): return .success(prefix + text)
        case .suffix(let suffix): return .success(text + suffix)
        case .padLeft(let width, let with):
            return .success(String(repeating: with, count: max(0, width - text.count)) + text)
        case .number(let decimals): return number(text, decimals: decimals)
        case .regexExtract, .regexReplace:
            return .failure(.init(step: step.name, value: text, reason: "has an invalid regular expression"))
        }
    }

    /// `2022-02-16 08:06` or `2022-02-16T08:06`: the text before or after the separator.
    private static func dateTimePart(_ step: TransformStep, of text: String) -> Result<String, Transform.Failure> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let separator = trimmed.firstIndex(where: { $0 == "T" || $0 == " " }) else {
            if step == .datePart { return .success(trimmed) }
            return .failure(
                .init(step: step.name, value: text, reason: "has no time part (date and time are separated by a space or T)"))
        }
        let date = String(trimmed[..<separator])
        let time = trimmed[trimmed.index(after: separator)...].trimmingCharacters(in: .whitespaces)
        guard !date.isEmpty, !time.isEmpty, !time.contains(" ") else {
            return .failure(.init(step: step.name, value: text, reason: "is not a date and a time separated by one space or T"))
        }
        return .success(step == .datePart ? date : time)
    }

    /// A decimal number rounded half away from zero to `decimals` places, without binary rounding.
    static func number(_ text: String, decimals: Int) -> Result<String, Transform.Failure> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.wholeMatch(of: /[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/) != nil,
            var decimal = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
        else {
            return .failure(.init(step: "number", value: text, reason: "is not a number"))
        }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &decimal, decimals, .plain)
        var digits = "\(rounded)"
        if digits == "-0" { digits = "0" }
        guard decimals > 0 else { return .success(digits) }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        return .success(parts[0] + "." + fraction + String(repeating: "0", count: decimals - fraction.count))
    }
}

extension TransformText {
    /// The date part of a date-time text, or the text itself.
    static func datePartOrWhole(_ text: String) -> String {
        if case .success(let date) = apply(.datePart, to: text) { return date }
        return text
    }
}
