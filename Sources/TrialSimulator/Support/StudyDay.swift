/// A calendar date as a day count since 1970-01-01, formatted by hand (no Foundation calendar).
struct StudyDay: Comparable, Hashable, Sendable {
    /// Days since 1970-01-01.
    var value: Int

    init(_ value: Int) { self.value = value }

    init(year: Int, month: Int, day: Int) {
        // Days-from-civil (H. Hinnant), proleptic Gregorian.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        value = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`; nil when malformed or impossible.
    init?(iso text: String) {
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2],
            (1...12).contains(m), (1...StudyDay.daysIn(month: m, year: y)).contains(d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month (1-12) and day of month.
    var components: (year: Int, month: Int, day: Int) {
        let z = value + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// EDC style `05 JAN 2023`.
    var edc: String {
        let c = components
        return "\(c.day < 10 ? "0" : "")\(c.day) \(StudyDay.monthNames[c.month - 1]) \(c.year)"
    }

    /// EDC partial date with an unknown day: `UN JAN 2023`.
    var edcMonthOnly: String {
        let c = components
        return "UN \(StudyDay.monthNames[c.month - 1]) \(c.year)"
    }

    /// EDC partial date with unknown day and month: `UN UNK 2023`.
    var edcYearOnly: String { "UN UNK \(components.year)" }

    /// Whole years from `self` to `later` (age at `later` for a birth date).
    func years(until later: StudyDay) -> Int {
        let a = components, b = later.components
        var years = b.year - a.year
        if (b.month, b.day) < (a.month, a.day) { years -= 1 }
        return years
    }

    /// The same calendar date `years` earlier (29 FEB falls back to 28 FEB).
    func minus(years: Int) -> StudyDay {
        let c = components
        let y = c.year - years
        return StudyDay(year: y, month: c.month, day: min(c.day, StudyDay.daysIn(month: c.month, year: y)))
    }

    static func + (lhs: StudyDay, rhs: Int) -> StudyDay { StudyDay(lhs.value + rhs) }
    static func - (lhs: StudyDay, rhs: Int) -> StudyDay { StudyDay(lhs.value - rhs) }
    static func - (lhs: StudyDay, rhs: StudyDay) -> Int { lhs.value - rhs.value }
    static func < (lhs: StudyDay, rhs: StudyDay) -> Bool { lhs.value < rhs.value }
}

/// A clock time of day in minutes, formatted `14:30`.
struct ClockTime: Hashable, Sendable {
    var minutes: Int

    var text: String {
        let h = minutes / 60, m = minutes % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
}
