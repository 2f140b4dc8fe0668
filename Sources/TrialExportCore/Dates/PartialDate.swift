/// A calendar date of which the year, the year and month, or all three are known.
///
/// SDTM keeps only what was collected (`2023`, `2023-05`, `2023-05-17`); nothing is imputed.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Creates a date, or nil when it does not exist (month 13, 30 February, a day without a month).
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public var isComplete: Bool { day != nil }

    /// True when every day this (possibly partial) date can stand for is after `other`'s.
    public func isAfter(_ other: PartialDate) -> Bool {
        if year != other.year { return year > other.year }
        guard let month, let otherMonth = other.month else { return false }
        if month != otherMonth { return month > otherMonth }
        guard let day, let otherDay = other.day else { return false }
        return day > otherDay
    }

    /// ISO 8601 text: `2023`, `2023-05` or `2023-05-17`.
    public var description: String {
        var text = pad(year, 4)
        if let month { text += "-" + pad(month, 2) }
        if let day { text += "-" + pad(day, 2) }
        return text
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for complete dates only.
    public var dayNumber: Int? {
        guard let month, let day else { return nil }
        return PartialDate.daysFromCivil(year: year, month: month, day: day)
    }

    /// The first and last day (as ``dayNumber``s) that this date, partial or not, can stand for.
    public var dayRange: ClosedRange<Int> {
        let first = PartialDate.daysFromCivil(year: year, month: month ?? 1, day: day ?? 1)
        let lastMonth = month ?? 12
        let last = PartialDate.daysFromCivil(
            year: year, month: lastMonth, day: day ?? PartialDate.daysIn(month: lastMonth, year: year))
        return first...last
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0) < (b.year, b.month ?? 0, b.day ?? 0)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a valid calendar date (Howard Hinnant's days-from-civil algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The complete date `days` days after 1970-01-01.
    public static func fromDayNumber(_ days: Int) -> PartialDate {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return PartialDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }
}

@inline(__always)
func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
