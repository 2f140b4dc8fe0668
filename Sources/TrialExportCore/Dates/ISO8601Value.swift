/// Reads and validates the ISO 8601 texts found in SDTM --DTC variables.
public enum ISO8601Value {
    /// The date part of an SDTM date/time text (`2023-05-17T14:30` -> 2023-05-17), or nil if invalid.
    ///
    /// Parses the UTF-8 bytes directly: it runs several times per record (study days, epochs).
    public static func date(of text: String) -> PartialDate? {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable(parseDate) ?? parseDate(Array(utf8).withUnsafeBufferPointer { $0 })
    }

    private static func parseDate(_ bytes: UnsafeBufferPointer<UInt8>) -> PartialDate? {
        var end = bytes.count
        if let t = bytes.firstIndex(of: UInt8(ascii: "T")) { end = t }
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= end else { return nil }
            var value = 0
            for i in from..<(from + count) {
                let b = bytes[i]
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard let year = number(0, 4) else { return nil }
        switch end {
        case 4: return PartialDate(year: year)
        case 7:
            guard bytes[4] == UInt8(ascii: "-"), let month = number(5, 2) else { return nil }
            return PartialDate(year: year, month: month)
        case 10:
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let month = number(5, 2),
                let day = number(8, 2)
            else { return nil }
            return PartialDate(year: year, month: month, day: day)
        default: return nil
        }
    }

    /// True when `text` is a valid SDTM date or date-time (partial allowed, time only with a full date).
    public static func isValid(_ text: String) -> Bool {
        let pieces = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard let date = date(of: text) else { return false }
        guard pieces.count == 2 else { return true }
        guard date.isComplete else { return false }
        if case .success(let t?) = EDCDateParser.parseTime(String(pieces[1])), t == pieces[1] { return true }
        return false
    }

    /// SDTM study day of `date` relative to `reference`: no day 0; nil when either is partial.
    public static func studyDay(_ date: String, reference: String) -> Int? {
        guard let d = dayNumber(ofComplete: date), let r = dayNumber(ofComplete: reference) else { return nil }
        return studyDay(day: d, reference: r)
    }

    /// SDTM study day of a day number against the reference's day number: no day 0.
    public static func studyDay(day: Int, reference: Int) -> Int { day >= reference ? day - reference + 1 : day - reference }

    /// Days since 1970-01-01 of a complete date (`YYYY-MM-DD[Thh:mm[:ss]]`); nil when partial or invalid.
    public static func dayNumber(ofComplete text: String) -> Int? { date(of: text)?.dayNumber }

    /// Whole years between two complete dates (age at `reference` for a birth date).
    public static func completedYears(from birth: PartialDate, to reference: PartialDate) -> Int? {
        guard let bm = birth.month, let bd = birth.day, let rm = reference.month, let rd = reference.day else { return nil }
        var years = reference.year - birth.year
        if (rm, rd) < (bm, bd) { years -= 1 }
        return years
    }
}
