/// Text formats the study definition uses: dates, durations, country codes, criterion ids.
extension StudyValidator {
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2],
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month)
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// ISO 8601 durations with whole numbers: `P28D`, `P6W`, `P1Y2M`, `PT12H`.
    static func isDuration(_ text: String) -> Bool {
        text.wholeMatch(of: #/P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?/#) != nil
    }

    static func isCountryCode(_ text: String) -> Bool {
        text.count == 3 && text.allSatisfy { $0.isASCII && $0.isUppercase }
    }

    static func isCriterionId(_ id: String, prefix: String) -> Bool {
        id.count <= 8 && id.hasPrefix(prefix) && id.count > prefix.count
            && id.dropFirst(prefix.count).allSatisfy { $0.isASCII && $0.isNumber }
    }
}
