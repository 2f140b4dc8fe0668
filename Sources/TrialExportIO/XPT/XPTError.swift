import Foundation

/// Why an XPT file could not be written; the message text is here and nowhere else.
public enum XPTError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// ReadStat refused a call: its code and message, with what was being written.
    case readStat(path: String, code: String, detail: String)
    /// A value of a `Num` variable that is not a number (the XPT cannot hold it as text).
    case notANumber(path: String, dataset: String, variable: String, row: Int, value: String)
    /// A character value longer than the 200 bytes a v5 variable holds (CHK0030 reports each).
    case valueTooLong(path: String, dataset: String, variable: String, bytes: Int)

    public var description: String {
        switch self {
        case let .readStat(path, code, detail):
            return "\(path): could not be written: ReadStat error \(code): \(detail)"
        case let .notANumber(path, dataset, variable, row, value):
            return "\(path): could not be written: \(dataset) row \(row): \(variable) is a numeric variable but holds"
                + " \"\(value)\", which is not a number; correct the mapping spec or export without xpt (--formats csv,xlsx,json)."
        case let .valueTooLong(path, dataset, variable, bytes):
            return "\(path): could not be written: \(dataset).\(variable) has a value of \(bytes) bytes, more than the 200 a SAS"
                + " XPORT v5 variable holds (findings.csv lists each as CHK0030); split the text as its hint says, or export"
                + " without xpt (--formats csv,xlsx,json)."
        }
    }

    public var errorDescription: String? { description }
}
