import TrialExportCore

/// A calendar date as a day count since 1970-01-01, formatted by hand (no Foundation calendar).
struct StudyDay: Comparable, Hashable, Sendable {
    /// Days since 1970-01-01.
    var value: Int

    init(_ value: Int) { self.value = value }

    init(year: Int, month: Int, day: Int) {
        value = PartialDate.daysFromCivil(year: year, month: month, day: day)
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
        let date = PartialDate.fromDayNumber(value)
        return (date.year, date.month!, date.day!)
    }

    static let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    static func daysIn(month: Int, year: Int) -> Int { PartialDate.daysIn(month: month, year: year) }

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
