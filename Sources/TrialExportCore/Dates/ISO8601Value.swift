/// Reads and validates the ISO 8601 texts found in SDTM --DTC variables.
public enum ISO8601Value {
    /// The date part of an SDTM date/time text (`2023-05-17T14:30` -> 2023-05-17), or nil if invalid.
    public static func date(of text: String) -> PartialDate? {
        let datePart = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let fields = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(fields.count), fields[0].count == 4, let y = Int(fields[0]) else { return nil }
        var m: Int? = nil, d: Int? = nil
        if fields.count > 1 { guard fields[1].count == 2, let v = Int(fields[1]) else { return nil }; m = v }
        if fields.count > 2 { guard fields[2].count == 2, let v = Int(fields[2]) else { return nil }; d = v }
        return PartialDate(year: y, month: m, day: d)
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
        guard let d = self.date(of: date)?.dayNumber, let r = self.date(of: reference)?.dayNumber else { return nil }
        return d >= r ? d - r + 1 : d - r
    }

    /// Whole years between two complete dates (age at `reference` for a birth date).
    public static func completedYears(from birth: PartialDate, to reference: PartialDate) -> Int? {
        guard let bm = birth.month, let bd = birth.day, let rm = reference.month, let rd = reference.day else { return nil }
        var years = reference.year - birth.year
        if (rm, rd) < (bm, bd) { years -= 1 }
        return years
    }
}
