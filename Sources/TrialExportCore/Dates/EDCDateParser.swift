/// Reads EDC date and time texts with no declared format (see ``AutomaticFormats`` for the shapes)
/// into ISO 8601, keeping partial dates; declared formats are ``DateFormat``s.
///
/// Accepted dates: `05 JAN 2023`, `5-Jan-2023`, `30SEP2023`, `UN JAN 2023`, `UNK UNK 2023`,
/// `2023-01-05`, `2023-01`, `2023`, `2023-01-NK`, `20230930`. A date whose day and month are both
/// numbers (`13/06/2024`, `30.09.2023`) is never read without a declared format. Times: `14:30`,
/// `14:30:05`, `14:30:05.250`, `9:05`, `2:30 PM`.
public enum EDCDateParser {
    public typealias Failure = DateReadFailure

    /// Parses a date text (a time after it is ignored); a blank text is nil (not collected).
    public static func parseDate(_ raw: String) -> Result<PartialDate?, Failure> {
        if let fast = fastPath(raw) { return fast }
        return AutomaticFormats.parseDate(raw).map { $0?.date }
    }

    /// `05 JAN 2023`, the EDC's usual complete date, read from the bytes without allocating.
    static func fastPath(_ raw: String) -> Result<PartialDate?, Failure>? {
        return raw.utf8.withContiguousStorageIfAvailable { b -> Result<PartialDate?, Failure>? in
            guard b.count == 11, b[2] == 0x20, b[6] == 0x20 else { return nil }
            func digit(_ i: Int) -> Int? { b[i] >= 0x30 && b[i] <= 0x39 ? Int(b[i] - 0x30) : nil }
            guard let d1 = digit(0), let d2 = digit(1), let y1 = digit(7), let y2 = digit(8), let y3 = digit(9),
                let y4 = digit(10), let month = DateFormat.monthName(b, 3)
            else { return nil }
            guard let date = PartialDate(year: y1 * 1000 + y2 * 100 + y3 * 10 + y4, month: month, day: d1 * 10 + d2) else {
                return .failure(.impossible)
            }
            return .success(date)
        } ?? nil
    }

    /// Parses a time into canonical `HH:MM[:SS[.fff]]` (24-hour, the collected precision); blank is nil.
    public static func parseTime(_ raw: String) -> Result<String?, Failure> {
        if let canonical = canonicalTime(raw) { return .success(canonical) }
        return AutomaticFormats.parseTime(raw).map { $0?.description }
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
