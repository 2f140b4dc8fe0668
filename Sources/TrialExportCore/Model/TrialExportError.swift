import Foundation

/// Problems that stop a run: the input cannot be read at all, or a spec is invalid.
///
/// Every case names the file and, where it applies, the line and column, and says what to do.
public enum TrialExportError: Error, Equatable, Sendable {
    case fileNotFound(path: String, what: String)
    case emptyFile(path: String)
    /// `bytes`: the text around the first invalid byte, each invalid byte shown as `\xHH`.
    case invalidUTF8(path: String, line: Int, column: Int, columnName: String? = nil, bytes: String)
    case unterminatedQuote(path: String, line: Int)
    case malformedCSV(path: String, line: Int, detail: String)
    case duplicateHeader(path: String, column: String, positions: [Int])
    case missingColumn(path: String, column: String, neededBy: String)
    case invalidSpec(path: String, location: String, detail: String)
    /// A spec problem at a line and column of its YAML file, in the entry of `variable` when there is one.
    case invalidSpecAt(path: String, line: Int, column: Int, variable: String?, key: String, detail: String)
    case writeFailed(path: String, detail: String)
    case usage(String)
}

extension TrialExportError: CustomStringConvertible, LocalizedError {
    public var description: String {
        switch self {
        case let .fileNotFound(path, what):
            return "\(path): \(what) not found. Check the path, or run from the repository root."
        case let .emptyFile(path):
            return "\(path): the file is empty; an EDC export has at least a header line. Re-export the form from the EDC."
        case let .invalidUTF8(path, line, column, columnName, bytes):
            return
                "\(path):\(line): column \(column)\(columnName.map { " (\($0))" } ?? ""): the bytes are not valid UTF-8: \"\(bytes)\" (invalid bytes shown as \\xHH)."
                + " Re-export the file as UTF-8 (with or without BOM), or correct the character at its source."
        case let .unterminatedQuote(path, line):
            return
                "\(path):\(line): a quoted field opened on this line is never closed. Check for a stray '\"' in this record or re-export the form."
        case let .malformedCSV(path, line, detail):
            return "\(path):\(line): \(detail). Fix the record or re-export the form."
        case let .duplicateHeader(path, column, positions):
            let where_ = positions.map(String.init).joined(separator: " and ")
            return
                "\(path):1: column \"\(column)\" appears more than once in the header (positions \(where_)). Rename or remove the duplicate."
        case let .missingColumn(path, column, neededBy):
            return
                "\(path):1: column \"\(column)\" is needed by \(neededBy) but the file has no such column. Add the column to the export or correct the spec."
        case let .invalidSpec(path, location, detail):
            return "\(path): \(location): \(detail)"
        case let .invalidSpecAt(path, line, column, variable, key, detail):
            let place = variable.map { "variable \($0) (\(key))" } ?? key
            let end = detail.hasSuffix(".") || detail.hasSuffix("?") ? " " : ". "
            return "\(path):\(line):\(column): \(place): \(detail)\(end)Correct the spec there."
        case let .writeFailed(path, detail):
            return "\(path): could not be written: \(detail)"
        case let .usage(text):
            return text
        }
    }

    public var errorDescription: String? { description }
}
