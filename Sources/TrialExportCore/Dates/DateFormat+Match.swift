/// Matching a compiled ``DateFormat`` against a value's bytes: a small backtracking walk over the
/// elements (a variable-width token such as `D` tries two digits, then one; an optional part is
/// tried, then skipped). Nothing is allocated.
extension DateFormat {
    /// The parts read from a value; -1 is absent.
    struct Fields {
        var year = -1
        var month = -1
        var day = -1
        var hour = -1
        var minute = -1
        var second = -1
        var fraction = 0
        var fractionDigits = 0
        var pm: Bool?
        var yearUnknown = false
        var monthUnknown = false
        var dayUnknown = false
    }

    /// Parses a whole value (spaces around it ignored); blank is nil (not collected).
    public func parse(_ text: String) -> Result<DateTimeValue?, DateReadFailure> {
        var text = text
        return text.withUTF8 { all in
            let b = DateFormat.trimmed(all)
            if b.isEmpty { return .success(nil) }
            var fields = Fields()
            guard run(b, 0, 0, &fields, prefix: false) != nil else { return .failure(.notInFormat) }
            return build(fields).map { $0 }
        }
    }

    /// The bytes without the spaces and tabs around them.
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = b.count
        while start < end, b[start] == 0x20 || b[start] == 0x09 { start += 1 }
        while end > start, b[end - 1] == 0x20 || b[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: b[start..<end])
    }

    /// Matches elements from `i` at byte `pos`; the end position, or nil. Without `prefix` the
    /// match must use every byte.
    func run(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ pos: Int, _ f: inout Fields, prefix: Bool) -> Int? {
        if i == elements.count { return prefix || pos == b.count ? pos : nil }
        switch elements[i] {
        case .optional(let end):
            var inner = f
            if let e = run(b, i + 1, pos, &inner, prefix: prefix) {
                f = inner
                return e
            }
            return run(b, end, pos, &f, prefix: prefix)
        case .literal(let c):
            guard pos < b.count, b[pos] == c || (Self.isLetter(c) && b[pos] | 0x20 == c | 0x20) else { return nil }
            return run(b, i + 1, pos + 1, &f, prefix: prefix)
        case .monthName:
            if let month = Self.monthName(b, pos) {
                var g = f
                g.month = month
                if let e = run(b, i + 1, pos + 3, &g, prefix: prefix) {
                    f = g
                    return e
                }
            }
            return unknownToken(b, i, pos, &f, prefix: prefix)
        case .meridiem:
            guard pos + 1 < b.count, b[pos + 1] | 0x20 == UInt8(ascii: "m") else { return nil }
            let letter = b[pos] | 0x20
            guard letter == UInt8(ascii: "a") || letter == UInt8(ascii: "p") else { return nil }
            f.pm = letter == UInt8(ascii: "p")
            return run(b, i + 1, pos + 2, &f, prefix: prefix)
        case let element:
            return number(element, b, i, pos, &f, prefix: prefix)
        }
    }

    /// A numeric token: the widest digit run it allows first, then narrower ones, then an unknown token.
    private func number(
        _ element: Element, _ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ pos: Int, _ f: inout Fields, prefix: Bool
    )
        -> Int?
    {
        let (least, most) = Self.widths(element)
        var available = 0
        while available < most, pos + available < b.count, b[pos + available] &- 0x30 < 10 { available += 1 }
        var width = available
        while width >= least {
            var value = 0
            for k in pos..<(pos + width) { value = value * 10 + Int(b[k] &- 0x30) }
            var g = f
            Self.set(element, value, digits: width, in: &g)
            if let e = run(b, i + 1, pos + width, &g, prefix: prefix) {
                f = g
                return e
            }
            width -= 1
        }
        return unknownToken(b, i, pos, &f, prefix: prefix)
    }

    private static func widths(_ element: Element) -> (Int, Int) {
        switch element {
        case .year4: return (4, 4)
        case .month1, .day1, .hour1, .hour12x1: return (1, 2)
        case .fraction: return (1, 9)
        default: return (2, 2)
        }
    }

    private static func set(_ element: Element, _ value: Int, digits: Int, in f: inout Fields) {
        switch element {
        case .year4: f.year = value
        case .year2: f.year = value
        case .month2, .month1: f.month = value
        case .day2, .day1: f.day = value
        case .hour2, .hour1, .hour12x2, .hour12x1: f.hour = value
        case .minute: f.minute = value
        case .second: f.second = value
        case .fraction:
            f.fraction = value
            f.fractionDigits = digits
        default: break
        }
    }

    /// `UN`, `UNK`, `UK`, `NK`, `XX`, `--`, `??` or `U` in a year, month or day position.
    private func unknownToken(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ pos: Int, _ f: inout Fields, prefix: Bool) -> Int? {
        let element = elements[i]
        switch element {
        case .year4, .month2, .month1, .monthName, .day2, .day1: break
        default: return nil
        }
        for token in Self.unknownTokens where pos + token.count <= b.count {
            guard (0..<token.count).allSatisfy({ b[pos + $0] & (Self.isLetter(token[$0]) ? 0xDF : 0xFF) == token[$0] })
            else { continue }
            var g = f
            switch element {
            case .year4: g.yearUnknown = true
            case .day2, .day1: g.dayUnknown = true
            default: g.monthUnknown = true
            }
            if let e = run(b, i + 1, pos + token.count, &g, prefix: prefix) {
                f = g
                return e
            }
        }
        return nil
    }

    static let unknownTokens: [[UInt8]] = ["UNK", "UN", "UK", "NK", "XX", "--", "??", "U"].map { Array($0.utf8) }

    /// The month (1-12) of an English abbreviation at `pos`, any case.
    static func monthName(_ b: UnsafeBufferPointer<UInt8>, _ pos: Int) -> Int? {
        guard pos + 2 < b.count else { return nil }
        let letters = (b[pos] & 0xDF, b[pos + 1] & 0xDF, b[pos + 2] & 0xDF)
        return monthBytes.firstIndex { $0 == letters }.map { $0 + 1 }
    }

    private static let monthBytes: [(UInt8, UInt8, UInt8)] = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ].map { m in
        let b = Array(m.utf8)
        return (b[0], b[1], b[2])
    }
}
