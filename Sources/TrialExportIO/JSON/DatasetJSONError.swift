import Foundation

/// Why a Dataset-JSON file could not be written; the message text is here and nowhere else.
public enum DatasetJSONError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    /// A value of a `Num` variable that is not a number.
    case notANumber(path: String, dataset: String, variable: String, row: Int, value: String)

    public var description: String {
        switch self {
        case let .notANumber(path, dataset, variable, row, value):
            return "\(path): could not be written: \(dataset) row \(row): \(variable) is a numeric variable but holds"
                + " \"\(value)\", which is not a number; correct the mapping spec or export without json (--formats csv,xlsx,xpt)."
        }
    }

    public var errorDescription: String? { description }
}
