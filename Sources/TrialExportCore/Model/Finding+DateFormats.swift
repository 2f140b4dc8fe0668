/// Findings about raw dates and times that could not be read (MAP0002, MAP0003, MAP0015-MAP0018).
extension Finding {
    /// A date or time value that could not be read; `format` is the declared format (nil when
    /// none was), `effect` what became of it when not the default (date null, time left out).
    static func invalidDate(
        _ loc: RawLocation?, domain: String, usubjid: String?, variable: String, value: String,
        failure: DateReadFailure, format: String? = nil, effect: String? = nil
    ) -> Finding {
        let (code, why, hint) = dateProblem(failure, value: value, format: format)
        let severity: Severity = failure == .badTime && format == nil ? .warning : .error
        let outcome =
            effect ?? (failure.isTime || format.map(isTimePattern) == true ? "the time is left out" : "the value is left null")
        return raw(
            severity, code, loc, domain: domain, usubjid: usubjid, variable: variable, value: value,
            message: "\(variable): \"\(value)\" \(why); \(outcome)", hint: hint)
    }

    private static func isTimePattern(_ format: String) -> Bool { !format.contains("Y") }

    private static let whereToDeclare =
        "on this field (`dateFormat:`/`timeFormat:` of the variable or `sources` entry), its record block, or the form or study"

    /// Code, reason and hint of a failure.
    private static func dateProblem(_ failure: DateReadFailure, value: String, format: String?) -> (String, String, String) {
        let suggestions = DateFormatAdvice.suggestions(for: value).map { "`\($0)`" }
        let query = "Correct the value in the EDC (raise a data query)."
        let read = format.map { " (read as \($0))" } ?? ""
        switch failure {
        case .impossible: return ("MAP0002", "is not a real calendar date\(read)", query)
        case .unknownOuterPart:
            return ("MAP0002", "has a known day with an unknown month (or a known month with an unknown year)", query)
        case .unrecognised:
            return (
                "MAP0002", "is not a date in a shape read without a declared format (05 JAN 2023, 2023-01-05, 20230930, ...)",
                "Declare the column's format \(whereToDeclare), e.g. `dateFormat: MMM-DD-YYYY`; or correct the value in the EDC."
            )
        case .badTime: return ("MAP0003", "is not a time (HH:MM, HH:MM:SS.fff, h:mm AM/PM)\(read)", query)
        case .ambiguous:
            return (
                "MAP0015", "has the day and the month both as numbers: day/month or month/day is never guessed",
                "Declare the column's format \(whereToDeclare): "
                    + suggestions.map { "dateFormat: \($0)" }.joined(separator: " or ") + "."
            )
        case .notInFormat:
            return (
                "MAP0016", "does not fit the declared format \"\(format ?? "")\"",
                "Correct the value in the EDC, or the declared format if the whole column is written another way."
            )
        case .twoDigitYear:
            return (
                "MAP0017", "has a two-digit year: the century is never guessed",
                "Declare the column's format \(whereToDeclare) with the 100 years its dates fall in: "
                    + suggestions.map { "dateFormat: \($0)" }.joined(separator: " or ") + "."
            )
        case .compactTime:
            return (
                "MAP0017", "is a time without separator, which is never guessed",
                "Declare the column's format \(whereToDeclare): "
                    + suggestions.map { "timeFormat: \($0)" }.joined(separator: " or ") + "."
            )
        }
    }

    /// A time collected with a partial date: ISO 8601 in SDTM has no place for it.
    static func timeOfPartialDate(
        _ loc: RawLocation?, domain: String, usubjid: String?, variable: String, value: String, date: String
    ) -> Finding {
        raw(
            .note, "MAP0018", loc, domain: domain, usubjid: usubjid, variable: variable, value: value,
            message: "\(variable): time \"\(value)\" was collected with the partial date \(date);"
                + " SDTM keeps a time only with a complete date, so \(variable) is \(date)",
            hint: "Nothing to do when the day is really unknown; otherwise complete the date in the EDC.")
    }

    /// A date-time value with its own time and a time field holding another time.
    static func timeConflict(
        _ loc: RawLocation?, domain: String, usubjid: String?, variable: String, value: String, dateTime: String
    ) -> Finding {
        raw(
            .warning, "MAP0019", loc, domain: domain, usubjid: usubjid, variable: variable, value: value,
            message: "\(variable): the time field holds \"\(value)\" but the date-time \"\(dateTime)\" has another time;"
                + " the date-time's time is used",
            hint: "Correct the one that is wrong in the EDC, or map only one of the two fields.")
    }
}
