/// A declared date, time or date-time format such as `MM/DD/YYYY`, `DDMMMYYYY:HH:mm` or `h:mm a`,
/// compiled once from its pattern into a list of ``Element``s that ``parse(_:)`` matches against a
/// value's UTF-8 bytes (no regular expression, no allocation).
///
/// Tokens: `YYYY`, `YY` (only with a `years` window option), `MM`, `M`, `MMM` (English month
/// abbreviation, any case), `DD`, `D`, `HH`, `H`, `hh`/`h` (12-hour, with `a`), `mm`, `ss`, `S`...
/// (fractional seconds, one or more digits), `a` (AM/PM); anything else that is not a letter is a
/// literal separator, `T` is a literal, `[...]` is an optional part. Options follow a `;`:
/// `years 1950-2049` (the century window of `YY`), `00 unknown` (`00` as a day or month means unknown).
public struct DateFormat: Hashable, Sendable, CustomStringConvertible {
    /// One piece of a pattern.
    enum Element: Hashable, Sendable {
        case year4, year2, month2, month1, monthName, day2, day1
        case hour2, hour1, hour12x2, hour12x1, minute, second, fraction, meridiem
        /// A separator byte (letters match in any case).
        case literal(UInt8)
        /// An optional part: the elements up to (not including) the index given.
        case optional(end: Int)
    }

    /// What a pattern may hold: a date (possibly with a time), or a time only.
    public enum Kind: Sendable { case date, time }

    /// The pattern as written in the spec (shown in findings).
    public let pattern: String
    let elements: [Element]
    /// The first year of the 100-year window of `YY`.
    let windowStart: Int?
    /// `00` as a day or month means unknown.
    let zeroIsUnknown: Bool

    public var description: String { pattern }

    /// True when the pattern holds a time part (an hour).
    public var hasTime: Bool { elements.contains { [.hour2, .hour1, .hour12x2, .hour12x1].contains($0) } }
    /// True when the pattern holds a date part (a year).
    public var hasDate: Bool { elements.contains { $0 == .year4 || $0 == .year2 } }

    /// Compiles a pattern; a pattern that cannot work is a ``PatternError`` saying why.
    public init(_ pattern: String, kind: Kind) throws(PatternError) {
        self.pattern = pattern
        let parts = pattern.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
        let (window, zero) = try Self.options(parts.count > 1 ? String(parts[1]) : "")
        windowStart = window
        zeroIsUnknown = zero
        elements = try Self.tokens(Array(String(parts[0]).trimmingSpaces.utf8))
        try check(kind: kind)
    }

    init(elements: [Element], pattern: String) {
        self.pattern = pattern
        self.elements = elements
        windowStart = nil
        zeroIsUnknown = false
    }

    /// The `;` options: `years NNNN-NNNN` and `00 unknown`, separated by commas.
    private static func options(_ text: String) throws(PatternError) -> (Int?, Bool) {
        var window: Int?
        var zero = false
        for option in text.split(separator: ",").map({ String($0).trimmingSpaces.lowercased() }) where !option.isEmpty {
            if option == "00 unknown" {
                zero = true
            } else if option.hasPrefix("years ") {
                let range = option.dropFirst(6).split(separator: "-").map { Int(String($0).trimmingSpaces) }
                guard range.count == 2, let first = range[0], let last = range[1], last - first == 99 else {
                    throw .badOption(option)
                }
                window = first
            } else {
                throw .badOption(option)
            }
        }
        return (window, zero)
    }

    /// Splits the pattern into tokens, longest first (`YYYY` before `YY`, `MMM` before `MM`).
    private static func tokens(_ bytes: [UInt8]) throws(PatternError) -> [Element] {
        var out: [Element] = []
        var open: [Int] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            var run = 1
            while i + run < bytes.count, bytes[i + run] == b { run += 1 }
            if let token = try token(b, run: run) {
                out.append(token)
                i += b == UInt8(ascii: "S") ? run : tokenLength(b, run: run)
                continue
            }
            switch b {
            case UInt8(ascii: "["):
                open.append(out.count)
                out.append(.optional(end: 0))
            case UInt8(ascii: "]"):
                guard let start = open.popLast() else { throw .unbalanced }
                out[start] = .optional(end: out.count)
            case UInt8(ascii: "A"),
                UInt8(ascii: "P") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "M"):
                out.append(.meridiem)  // `AM` or `PM` written in the pattern stands for either
                i += 2
                continue
            case UInt8(ascii: "T"): out.append(.literal(b))
            case _ where isLetter(b): throw .unknownToken(String(decoding: bytes[i..<(i + run)], as: UTF8.self))
            default: out.append(.literal(b))
            }
            i += 1
        }
        guard open.isEmpty else { throw .unbalanced }
        return out
    }

    private static func tokenLength(_ b: UInt8, run: Int) -> Int {
        switch b {
        case UInt8(ascii: "Y"): return run >= 4 ? 4 : 2
        case UInt8(ascii: "M"): return min(run, 3)
        case UInt8(ascii: "a"): return 1
        default: return min(run, 2)
        }
    }

    private static func token(_ b: UInt8, run: Int) throws(PatternError) -> Element? {
        switch (b, run) {
        case (UInt8(ascii: "Y"), 4): return .year4
        case (UInt8(ascii: "Y"), 2): return .year2
        case (UInt8(ascii: "M"), 1): return .month1
        case (UInt8(ascii: "M"), 2): return .month2
        case (UInt8(ascii: "M"), 3): return .monthName
        case (UInt8(ascii: "D"), 1): return .day1
        case (UInt8(ascii: "D"), 2): return .day2
        case (UInt8(ascii: "H"), 1): return .hour1
        case (UInt8(ascii: "H"), 2): return .hour2
        case (UInt8(ascii: "h"), 1): return .hour12x1
        case (UInt8(ascii: "h"), 2): return .hour12x2
        case (UInt8(ascii: "m"), 2): return .minute
        case (UInt8(ascii: "s"), 2): return .second
        case (UInt8(ascii: "S"), _): return .fraction
        case (UInt8(ascii: "a"), 1): return .meridiem
        case (UInt8(ascii: "Y"), _), (UInt8(ascii: "M"), _), (UInt8(ascii: "D"), _), (UInt8(ascii: "H"), _),
            (UInt8(ascii: "h"), _), (UInt8(ascii: "m"), _), (UInt8(ascii: "s"), _), (UInt8(ascii: "a"), _):
            throw .unknownToken(String(repeating: Character(Unicode.Scalar(b)), count: run))
        default: return nil
        }
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }

    /// Every token once, and the parts a date or time needs.
    private func check(kind: Kind) throws(PatternError) {
        let fields = elements.filter { if case .literal = $0 { false } else if case .optional = $0 { false } else { true } }
        for field in fields where fields.filter({ $0 == field }).count > 1 { throw .repeated }
        func has(_ any: Element...) -> Bool { any.contains { fields.contains($0) } }
        let hour = has(.hour2, .hour1, .hour12x2, .hour12x1)
        if kind == .time, has(.year4, .year2, .month2, .month1, .monthName, .day2, .day1) { throw .dateInTime }
        if kind == .time, !hour { throw .missing("an hour (HH, H, hh or h)") }
        if kind == .date, !has(.year4, .year2) { throw .missing("a year (YYYY)") }
        if has(.year4) && has(.year2) || has(.hour2, .hour1) && has(.hour12x2, .hour12x1) { throw .repeated }
        if has(.day2, .day1), !has(.month2, .month1, .monthName) { throw .missing("a month for the day") }
        if has(.year2), windowStart == nil { throw .twoDigitYear }
        if has(.hour12x2, .hour12x1) != has(.meridiem) { throw .meridiem }
        if hour, !has(.minute) { throw .missing("minutes (mm)") }
        if has(.fraction), !has(.second) { throw .missing("seconds (ss) before the fraction") }
        if has(.minute), !hour { throw .missing("an hour before the minutes") }
    }
}

/// Why a declared format pattern cannot be used (a spec error at load time).
public enum PatternError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownToken(String)
    case badOption(String)
    case unbalanced
    case repeated
    case dateInTime
    case missing(String)
    case twoDigitYear
    case meridiem

    public var description: String {
        switch self {
        case .unknownToken(let token):
            return "\"\(token)\" is not a token; use YYYY, YY, MM, M, MMM, DD, D, HH, H, hh, h, mm, ss, SSS, a, T,"
                + " separators and [optional parts]"
        case .badOption(let option):
            return "unknown option \"\(option)\" after ';'; options are `years 1950-2049` (a 100-year window) and `00 unknown`"
        case .unbalanced: return "the brackets [ ] of optional parts are not balanced"
        case .repeated: return "a part (year, month, day, hour, ...) is given twice"
        case .dateInTime: return "a timeFormat holds only a time (HH, mm, ss, ...); put dates in dateFormat"
        case .missing(let what): return "the format lacks \(what)"
        case .twoDigitYear:
            return "YY (two-digit year) needs its century window, e.g. `DD-MMM-YY; years 1950-2049`: it is never guessed"
        case .meridiem: return "a 12-hour hour (hh, h) and AM/PM (a) go together"
        }
    }
}
