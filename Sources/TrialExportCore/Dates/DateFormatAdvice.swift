/// What to declare for a value no automatic shape reads (only run for values that failed).
public enum DateFormatAdvice {
    /// The runs of a value: digits, letters, or one other byte each.
    private enum Run: Equatable {
        case digits(Int)
        case letters(Int)
        case other(UInt8)
    }

    private static func runs(_ b: [UInt8]) -> [Run] {
        var out: [Run] = []
        for byte in b {
            let isDigit = byte &- 0x30 < 10
            let isLetter = DateFormat.isLetter(byte)
            switch out.last {
            case .digits(let n)? where isDigit: out[out.count - 1] = .digits(n + 1)
            case .letters(let n)? where isLetter: out[out.count - 1] = .letters(n + 1)
            default: out.append(isDigit ? .digits(1) : isLetter ? .letters(1) : .other(byte))
            }
        }
        return out
    }

    /// Day and month both numbers (`NN/NN/YYYY`, `N.N.YY`): the separator, whether both have two
    /// digits, and the year's digit count; nil for other shapes.
    private static func numericDayMonth(_ b: [UInt8]) -> (separator: UInt8, twoDigits: Bool, yearDigits: Int)? {
        let r = runs(b)
        // A day or month may be an unknown token (`12/UN/2022`), not both.
        func width(_ run: Run, at offset: Int) -> Int? {
            switch run {
            case .digits(let n): return n
            case .letters(let n) where n <= 3:
                let token = Array(b[offset..<(offset + n)].map { $0 & 0xDF })
                return DateFormat.unknownTokens.contains(token) ? 0 : nil
            default: return nil
            }
        }
        func length(_ run: Run) -> Int {
            switch run {
            case .digits(let n), .letters(let n): return n
            case .other: return 1
            }
        }
        guard r.count >= 5, let a = width(r[0], at: 0), case .other(let s) = r[1],
            let c = width(r[2], at: length(r[0]) + 1), a + c > 0,
            r[3] == .other(s), case .digits(let y) = r[4], a <= 2, c <= 2, y == 2 || y == 4,
            [UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "-")].contains(s)
        else { return nil }
        return (s, a != 1 && c != 1, y)
    }

    /// `DD MMM YY`, `DD-MMM-YY`, `DDMMMYY`: a month name with a two-digit year.
    private static func twoDigitYear(_ b: [UInt8]) -> String? {
        let r = runs(b)
        if r.count == 3, r[0] == .digits(2) || r[0] == .digits(1), r[1] == .letters(3), r[2] == .digits(2) {
            return "DDMMMYY"
        }
        guard r.count == 5, case .digits = r[0], r[1] == r[3], case .other(let s) = r[1], r[2] == .letters(3),
            r[4] == .digits(2)
        else { return nil }
        let separator = String(UnicodeScalar(s))
        return "DD\(separator)MMM\(separator)YY"
    }

    static func dateFailure(_ b: [UInt8]) -> DateReadFailure {
        if numericDayMonth(b) != nil { return .ambiguous }
        if twoDigitYear(b) != nil { return .twoDigitYear }
        return .unrecognised
    }

    static func timeFailure(_ b: [UInt8]) -> DateReadFailure {
        (3...4).contains(b.count) && b.allSatisfy({ $0 &- 0x30 < 10 }) ? .compactTime : .badTime
    }

    /// The formats to declare for an undeclared value, e.g. `DD/MM/YYYY` and `MM/DD/YYYY`.
    public static func suggestions(for value: String) -> [String] {
        let b = Array(value.trimmingSpaces.utf8)
        if let shape = numericDayMonth(b) {
            let s = String(UnicodeScalar(shape.separator))
            let (d, m) = shape.twoDigits ? ("DD", "MM") : ("D", "M")
            let year = shape.yearDigits == 4 ? "YYYY" : "YY; years 1930-2029"
            return ["\(d)\(s)\(m)\(s)\(year)", "\(m)\(s)\(d)\(s)\(year)"]
        }
        if let pattern = twoDigitYear(b) { return [pattern + "; years 1930-2029"] }
        if timeFailure(b) == .compactTime { return [b.count == 4 ? "HHmm" : "Hmm"] }
        return []
    }
}
