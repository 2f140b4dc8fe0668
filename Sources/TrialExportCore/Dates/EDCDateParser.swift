import Foundation

/// Turns the date and time texts EDC systems export into ISO 8601, keeping partial dates.
///
/// Accepted dates: `05 JAN 2023`, `5-Jan-2023`, `UN JAN 2023`, `UNK UNK 2023`, `UN-UNK-2023`,
/// `2023-01-05`, `2023-01`, `2023`, `2023-01-NK`, `2023-NK-NK`. Unknown parts are `UN`, `UNK`,
/// `NK`, `XX` or `--` and may only hide the day, or the day and the month. A day-first date with
/// a numeric month is read as `DD/MM/YYYY` only when that is the one reading (13/06/2024,
/// 06/06/2024); 01/06/2024 is refused as ambiguous. Times: `14:30`,
/// `14:30:05`, `9:05`.
public enum EDCDateParser {
    public enum Failure: Error, Equatable, Sendable {
        /// The text has no recognised date shape.
        case unrecognised
        /// The shape is right but the date does not exist (e.g. 30 FEB 2023).
        case impossible
        /// A known day with an unknown month, or a known month with an unknown year.
        case unknownOuterPart
        /// Day first with a numeric month, both 12 or less and different (01/06/2024): day and
        /// month could be either way round.
        case ambiguous
        case badTime
    }

    private static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    private static let unknownTokens: Set<String> = ["UN", "UNK", "NK", "XX", "--", "U", "UK", "??"]

    /// Parses a date text; a blank text is nil (not collected).
    public static func parseDate(_ raw: String) -> Result<PartialDate?, Failure> {
        if let fast = fastPath(raw) { return fast }
        let text = raw.trimmingSpaces.uppercased()
        if text.isEmpty { return .success(nil) }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" }).map(String.init)
        guard parts.count == 3 || (parts.count < 3 && parts.first?.count == 4) else { return .failure(.unrecognised) }
        if parts[0].count == 4 {  // year first: ISO-like
            return build(year: parts[0], month: parts.count > 1 ? parts[1] : nil, day: parts.count > 2 ? parts[2] : nil)
        }
        return build(year: parts[2], month: parts[1], day: parts[0], dayFirst: true)
    }

    /// `05 JAN 2023`, the EDC's usual complete date, read from the bytes without allocating.
    private static func fastPath(_ raw: String) -> Result<PartialDate?, Failure>? {
        return raw.utf8.withContiguousStorageIfAvailable { b -> Result<PartialDate?, Failure>? in
            guard b.count == 11, b[2] == 0x20, b[6] == 0x20 else { return nil }
            func digit(_ i: Int) -> Int? { b[i] >= 0x30 && b[i] <= 0x39 ? Int(b[i] - 0x30) : nil }
            guard let d1 = digit(0), let d2 = digit(1), let y1 = digit(7), let y2 = digit(8), let y3 = digit(9),
                let y4 = digit(10)
            else { return nil }
            let letters = (b[3] & 0xDF, b[4] & 0xDF, b[5] & 0xDF)  // upper case
            guard let month = monthBytes.firstIndex(where: { $0 == letters }) else { return nil }
            guard let date = PartialDate(year: y1 * 1000 + y2 * 100 + y3 * 10 + y4, month: month + 1, day: d1 * 10 + d2) else {
                return .failure(.impossible)
            }
            return .success(date)
        } ?? nil
    }

    private static let monthBytes: [(UInt8, UInt8, UInt8)] = months.map { m in
        let b = Array(m.utf8)
        return (b[0], b[1], b[2])
    }

    private static func build(year: String, month: String?, day: String?, dayFirst: Bool = false) -> Result<PartialDate?, Failure>
    {
        guard let y = Int(year), year.count == 4 else {
            return unknownTokens.contains(year) ? .failure(.unknownOuterPart) : .failure(.unrecognised)
        }
        let m: Int?
        switch month {
        case nil: m = nil
        case let token? where unknownTokens.contains(token): m = nil
        case let token?:
            if let index = months.firstIndex(of: token) {
                m = index + 1
            } else if let number = Int(token), token.count <= 2 {
                m = number
            } else {
                return .failure(.unrecognised)
            }
        }
        let d: Int?
        switch day {
        case nil: d = nil
        case let token? where unknownTokens.contains(token): d = nil
        case let token?:
            guard let number = Int(token), token.count <= 2 else { return .failure(.unrecognised) }
            d = number
        }
        if d != nil && m == nil { return .failure(.unknownOuterPart) }
        if dayFirst, let d, let m, d <= 12, m <= 12, d != m, let token = month, Int(token) != nil { return .failure(.ambiguous) }
        guard let date = PartialDate(year: y, month: m, day: d) else { return .failure(.impossible) }
        return .success(date)
    }

    /// Parses `HH:MM` or `HH:MM:SS` into canonical `HH:MM[:SS]`; blank is nil.
    public static func parseTime(_ raw: String) -> Result<String?, Failure> {
        if let canonical = canonicalTime(raw) { return .success(canonical) }
        let text = raw.trimmingSpaces
        if text.isEmpty { return .success(nil) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ (1...2).contains($0.count) }),
            let h = Int(parts[0]), let mi = Int(parts[1]), (0...23).contains(h), (0...59).contains(mi)
        else { return .failure(.badTime) }
        var out = pad(h, 2) + ":" + pad(mi, 2)
        if parts.count == 3 {
            guard let s = Int(parts[2]), (0...59).contains(s) else { return .failure(.badTime) }
            out += ":" + pad(s, 2)
        }
        return .success(out)
    }

    /// The fast path: a time already written `HH:MM` (the usual EDC form) is its own canonical form.
    private static func canonicalTime(_ raw: String) -> String? {
        var text = raw
        return text.withUTF8 { b -> Bool in
            guard b.count == 5, b[2] == UInt8(ascii: ":") else { return false }
            func digit(_ i: Int) -> Int? { (48...57).contains(b[i]) ? Int(b[i]) - 48 : nil }
            guard let h1 = digit(0), let h2 = digit(1), let m1 = digit(3), let m2 = digit(4) else { return false }
            return h1 * 10 + h2 <= 23 && m1 * 10 + m2 <= 59
        } ? raw : nil
    }

    /// ISO 8601 date-time from a date and an optional time; the time is dropped when the date is partial.
    public static func iso8601(date: PartialDate, time: String?) -> String {
        guard let time, date.isComplete else { return date.description }
        return date.description + "T" + time
    }
}
