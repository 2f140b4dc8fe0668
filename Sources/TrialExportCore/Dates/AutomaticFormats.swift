/// The shapes read without a declared format: only those with one reading.
///
/// Dates: `D MMM YYYY`, `D-MMM-YYYY`, `D/MMM/YYYY`, `DMMMYYYY` (unknown parts allowed),
/// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY/MM/DD`, `YYYYMMDD`; a complete date may be followed by
/// `T`, a space or `:` and a time. Times: `H:mm[:ss[.S]]` and `h:mm[:ss] AM/PM`. Everything else
/// (day and month both numbers, two-digit years, `1430`) needs a declared format.
enum AutomaticFormats {
    private static func compiled(_ pattern: String) -> DateFormat {
        do { return try DateFormat(pattern, kind: pattern.contains("Y") ? .date : .time) } catch {
            preconditionFailure("built-in format \(pattern): \(error)")
        }
    }

    /// Date shapes in the order tried (the EDC's usual `05 JAN 2023` first); true when a time may follow.
    static let dates: [(format: DateFormat, time: Bool)] = [
        ("D MMM YYYY", true), ("D-MMM-YYYY", true), ("DMMMYYYY", true), ("YYYY-MM-DD", true), ("D/MMM/YYYY", true),
        ("YYYY-MM", false), ("YYYY", false), ("YYYY/MM/DD", true), ("YYYYMMDD", true),
    ].map { (compiled($0.0), $0.1) }

    static let times: [DateFormat] = [compiled("H:mm[:ss[.S]]"), compiled("h:mm[:ss][ ]a")]

    /// A date (and time) in one of the automatic shapes; blank is nil.
    static func parseDate(_ text: String) -> Result<DateTimeValue?, DateReadFailure> {
        var text = text
        return text.withUTF8 { all -> Result<DateTimeValue?, DateReadFailure> in
            let b = DateFormat.trimmed(all)
            if b.isEmpty { return .success(nil) }
            for (format, timeAllowed) in dates {
                var fields = DateFormat.Fields()
                guard let end = format.run(b, 0, 0, &fields, prefix: true) else { continue }
                var time: TimeOfDay?
                if end < b.count {
                    let separator = b[end] | 0x20
                    guard timeAllowed, separator == UInt8(ascii: "t") || separator == 0x20 || b[end] == UInt8(ascii: ":"),
                        case .success(let t?) = parseTime(UnsafeBufferPointer(rebasing: b[(end + 1)...]))
                    else { continue }
                    time = t
                }
                let built = format.build(fields).map { DateTimeValue?.some(DateTimeValue(date: $0.date, time: time)) }
                // `12/UN/2022` fits `D/MMM/YYYY` with an unknown month, but is month/day just as well.
                if case .failure = built, DateFormatAdvice.dateFailure(Array(b)) == .ambiguous { return .failure(.ambiguous) }
                return built
            }
            return .failure(DateFormatAdvice.dateFailure(Array(b)))
        }
    }

    /// A time in one of the automatic shapes; blank is nil.
    static func parseTime(_ text: String) -> Result<TimeOfDay?, DateReadFailure> {
        var text = text
        return text.withUTF8 { all in
            let b = DateFormat.trimmed(all)
            if b.isEmpty { return .success(nil) }
            switch parseTime(b) {
            case .success(let time): return .success(time)
            case .failure(let failure): return .failure(failure == .badTime ? DateFormatAdvice.timeFailure(Array(b)) : failure)
            }
        }
    }

    private static func parseTime(_ b: UnsafeBufferPointer<UInt8>) -> Result<TimeOfDay?, DateReadFailure> {
        for format in times {
            var fields = DateFormat.Fields()
            guard format.run(b, 0, 0, &fields, prefix: false) != nil else { continue }
            return format.build(fields).map(\.time)
        }
        return .failure(.badTime)
    }
}
