import Foundation

/// Whether a value is written as its ODM DataType requires (ODM 1.3.2, section 3.1.3). The data
/// type is resolved once per item (``Kind``); values are checked by their bytes, without regular
/// expressions.
enum ODMDataType {
    enum Kind {
        case integer, float, boolean, date, time, datetime, partialDate, partialTime, nonEmpty
        /// text, string, URI, hexBinary, base64...: any text.
        case anyText

        init(_ dataType: String) {
            switch dataType {
            case "integer": self = .integer
            case "float", "double": self = .float
            case "boolean": self = .boolean
            case "date": self = .date
            case "time": self = .time
            case "datetime": self = .datetime
            case "partialDate": self = .partialDate
            case "partialTime": self = .partialTime
            case "partialDatetime", "incompleteDatetime", "incompleteDate", "incompleteTime", "durationDatetime",
                "intervalDatetime":
                self = .nonEmpty
            default: self = .anyText
            }
        }
    }

    static func fits(_ value: String, _ dataType: String) -> Bool {
        fits(value, Kind(dataType))
    }

    static func fits(_ value: String, _ kind: Kind) -> Bool {
        switch kind {
        case .anyText: return true
        case .nonEmpty: return !value.isEmpty
        case .integer: return Int(value) != nil
        case .float:
            return Double(value) != nil
                && value.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic || $0 == "e" || $0 == "E" }
        case .boolean: return ["true", "false", "1", "0", "yes", "no"].contains(value.lowercased())
        default:
            var value = value
            return value.withUTF8 { bytes in
                var scan = Scanner(bytes)
                switch kind {
                case .date: return scan.date() && scan.atEnd
                case .time: return scan.time(zone: true) && scan.atEnd
                case .datetime: return scan.date() && scan.byte(UInt8(ascii: "T")) && scan.time(zone: true) && scan.atEnd
                case .partialDate: return scan.partialDate() && scan.atEnd
                case .partialTime: return scan.partialTime() && scan.atEnd
                default: return true
                }
            }
        }
    }

    /// A cursor over a value's bytes matching the ISO 8601 shapes ODM uses.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { at == bytes.count }

        mutating func byte(_ wanted: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == wanted else { return false }
            at += 1
            return true
        }

        /// Exactly `n` digits.
        mutating func digits(_ n: Int) -> Bool {
            guard at + n <= bytes.count else { return false }
            for i in at..<(at + n) where !(0x30...0x39).contains(bytes[i]) { return false }
            at += n
            return true
        }

        /// `-` then two digits, or nothing consumed.
        mutating func optional(_ separator: UInt8) -> Bool? {
            guard at < bytes.count, bytes[at] == separator else { return nil }
            at += 1
            return digits(2)
        }

        /// `YYYY-MM-DD`
        mutating func date() -> Bool { digits(4) && byte(UInt8(ascii: "-")) && digits(2) && byte(UInt8(ascii: "-")) && digits(2) }

        /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
        mutating func partialDate() -> Bool {
            guard digits(4) else { return false }
            guard let month = optional(UInt8(ascii: "-")) else { return true }
            guard month else { return false }
            return optional(UInt8(ascii: "-")) ?? true
        }

        /// `HH`, `HH:MM`, `HH:MM:SS` or `HH:MM:SS.f...`
        mutating func partialTime() -> Bool {
            guard digits(2) else { return false }
            guard let minutes = optional(UInt8(ascii: ":")) else { return true }
            guard minutes else { return false }
            guard let seconds = optional(UInt8(ascii: ":")) else { return true }
            return seconds && fraction()
        }

        /// `HH:MM`, then optional `:SS` and `.f...`, then optional zone `Z` or `±HH:MM`.
        mutating func time(zone: Bool) -> Bool {
            guard digits(2), byte(UInt8(ascii: ":")), digits(2) else { return false }
            if let seconds = optional(UInt8(ascii: ":")) {
                guard seconds, fraction() else { return false }
            }
            guard zone, at < bytes.count else { return true }
            switch bytes[at] {
            case UInt8(ascii: "Z"):
                at += 1
                return true
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                at += 1
                return digits(2) && byte(UInt8(ascii: ":")) && digits(2)
            default: return true
            }
        }

        /// Optional `.` and one or more digits.
        mutating func fraction() -> Bool {
            guard byte(UInt8(ascii: ".")) else { return true }
            let start = at
            while at < bytes.count, (0x30...0x39).contains(bytes[at]) { at += 1 }
            return at > start
        }
    }
}
