/// Dates given on the command line: ISO 8601 `YYYY-MM-DD` exactly, nothing guessed.
extension PartialDate {
    /// A real calendar date written exactly `YYYY-MM-DD` (ASCII digits, zero-padded), or nil.
    public init?(isoCalendarDate text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in bytes[range] {
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date an option such as `--cutoff` names; a usage error saying what is accepted otherwise.
    public static func option(_ text: String, name: String) throws -> PartialDate {
        if let date = PartialDate(isoCalendarDate: text) { return date }
        throw TrialExportError.usage(optionMessage(text, name: name))
    }

    /// Why `text` is refused, with the ISO spelling(s) it may have meant.
    static func optionMessage(_ text: String, name: String) -> String {
        let message = "\(name) \"\(text)\" is not a date written YYYY-MM-DD (ISO 8601, e.g. 2024-06-01)"
        let parts = text.split(whereSeparator: { "/.-".contains($0) }).map { Int($0) }
        guard parts.count == 3, let a = parts[0], let b = parts[1], let c = parts[2] else { return message }
        let candidates = a > 31 ? [(a, b, c)] : [(c, b, a), (c, a, b)]
        let spelled = Set(candidates.compactMap { PartialDate(year: $0, month: $1, day: $2)?.description }).sorted()
        if spelled.isEmpty { return message + "; no such day exists" }
        return message + "; write " + spelled.joined(separator: " or ")
            + (spelled.count > 1 ? " (the day/month order is never guessed)" : "")
    }
}
