/// A time of day as collected: hour and minute, seconds and fractional seconds when given.
public struct TimeOfDay: Hashable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int
    public let second: Int?
    /// The fractional seconds' digits as a number and their count (`.050` is 50 and 3).
    public let fraction: Int
    public let fractionDigits: Int

    public init?(hour: Int, minute: Int, second: Int? = nil, fraction: Int = 0, fractionDigits: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), second.map({ (0...59).contains($0) }) ?? true,
            fractionDigits == 0 || second != nil
        else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
        self.fraction = fraction
        self.fractionDigits = fractionDigits
    }

    /// ISO 8601 `hh:mm[:ss[.fff]]`, keeping the collected precision.
    public var description: String {
        var text = pad(hour, 2) + ":" + pad(minute, 2)
        if let second { text += ":" + pad(second, 2) }
        if fractionDigits > 0 { text += "." + pad(fraction, fractionDigits) }
        return text
    }
}

/// A date (possibly partial) and/or a time read from one raw value.
public struct DateTimeValue: Hashable, Sendable {
    public var date: PartialDate?
    public var time: TimeOfDay?

    public init(date: PartialDate?, time: TimeOfDay?) {
        self.date = date
        self.time = time
    }
}

extension DateFormat {
    /// The date and time of matched fields, or why they are no real date or time.
    func build(_ f: Fields) -> Result<DateTimeValue, DateReadFailure> {
        var date: PartialDate?
        if f.year >= 0 || f.yearUnknown {
            if f.yearUnknown { return .failure(.unknownOuterPart) }
            var year = f.year
            if let start = windowStart, year < 100 {
                year += start - start % 100
                if year < start { year += 100 }
            }
            let month = f.month < 0 || f.monthUnknown || (zeroIsUnknown && f.month == 0) ? nil : f.month
            let day = f.day < 0 || f.dayUnknown || (zeroIsUnknown && f.day == 0) ? nil : f.day
            if day != nil && month == nil { return .failure(.unknownOuterPart) }
            guard let known = PartialDate(year: year, month: month, day: day) else { return .failure(.impossible) }
            date = known
        }
        var time: TimeOfDay?
        if f.hour >= 0 {
            var hour = f.hour
            if let pm = f.pm {
                guard (1...12).contains(hour) else { return .failure(.badTime) }
                hour = hour % 12 + (pm ? 12 : 0)
            }
            guard
                let known = TimeOfDay(
                    hour: hour, minute: f.minute, second: f.second < 0 ? nil : f.second, fraction: f.fraction,
                    fractionDigits: f.fractionDigits)
            else { return .failure(.badTime) }
            time = known
        }
        return .success(DateTimeValue(date: date, time: time))
    }
}
