/// Findings of value transforms, multi-select columns and filtered lookups (MAP0020-MAP0024).
extension Finding {
    /// A transform step could not apply to a non-empty value: the variable is left null.
    static func transformFailed(
        _ loc: RawLocation?, record: (file: String, line: Int)?, domain: String, usubjid: String?, variable: String,
        failure: Transform.Failure
    ) -> Finding {
        Finding(
            severity: .error, code: "MAP0020",
            message:
                "\(variable): transform step \(failure.step) cannot apply: \"\(failure.value)\" \(failure.reason); the value is left null",
            hint: "Correct the value in the EDC (raise a data query), or change the `transform:` of \(variable) in the spec.",
            file: loc?.file ?? record?.file, line: loc?.line ?? record?.line, column: loc?.column, domain: domain,
            usubjid: usubjid, variable: variable, value: failure.value)
    }

    /// A multi-select column holds a value that is neither a checked nor an unchecked tick.
    static func unknownTick(_ loc: RawLocation?, domain: String, usubjid: String?, variable: String, value: String) -> Finding {
        raw(
            .error, "MAP0021", loc, domain: domain, usubjid: usubjid, variable: variable, value: value,
            message:
                "\(variable): tick \"\(value)\" is neither a checked nor an unchecked value; the option is not counted and \(variable) is left null",
            hint: "Correct the value in the EDC, or add it to `checked:` or `unchecked:` of \(variable) in the spec.")
    }

    /// A filtered lookup found several records and has no pick rule: none is used.
    static func ambiguousLookup(form: String, file: String, lines: [Int], subject: String, filter: String) -> Finding {
        Finding(
            severity: .error, code: "MAP0022",
            message:
                "subject \"\(subject)\" has \(lines.count) records in form \(form) where \(filter) (lines \(lines.map(String.init).joined(separator: ", "))); none is used",
            hint: "Narrow the lookup's `where:` or add `pick: first` or `pick: last` (with `by:` a date column).",
            file: file, line: lines.first, usubjid: subject, value: subject)
    }

    /// A record of a filtered lookup picked by date has no usable date: it is not a candidate.
    static func undatedLookupRecord(form: String, file: String, line: Int, column: String, subject: String, value: String)
        -> Finding
    {
        Finding(
            severity: .error, code: "MAP0023",
            message:
                "subject \"\(subject)\": \"\(value)\" in form \(form) is not a date, so the record cannot be ordered for `pick:`; it is not used",
            hint: "Correct the date in the EDC (raise a data query).",
            file: file, line: line, column: column, usubjid: subject, value: value)
    }
}
