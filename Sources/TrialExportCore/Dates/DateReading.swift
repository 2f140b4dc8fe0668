/// Reads a raw date or time field with its declared format, or the automatic shapes when none is
/// declared. The automatic path of the usual `05 JAN 2023` and `14:30` allocates nothing.
enum DateReading {
    /// A date field's date and, for a date-time value, its time (ISO 8601); nil when blank.
    static func date(_ text: String, format: DateFormat?) -> Result<(date: PartialDate, time: String?)?, DateReadFailure> {
        guard let format else {
            if let fast = EDCDateParser.fastPath(text) { return fast.map { $0.map { ($0, nil) } } }
            return AutomaticFormats.parseDate(text).map(pair)
        }
        return format.parse(text).map(pair)
    }

    private static func pair(_ value: DateTimeValue?) -> (date: PartialDate, time: String?)? {
        guard let value, let date = value.date else { return nil }
        return (date, value.time?.description)
    }

    /// A time field's time (ISO 8601 `hh:mm[:ss[.fff]]`); nil when blank.
    static func time(_ text: String, format: DateFormat?) -> Result<String?, DateReadFailure> {
        guard let format else { return EDCDateParser.parseTime(text) }
        return format.parse(text).map { $0?.time?.description }
    }
}
