import Foundation

/// A format the export writes each dataset in (`--formats`); `define.xml` comes with `xpt`.
public enum OutputFormat: String, CaseIterable, Sendable, Hashable, Comparable {
    case csv, xlsx, xpt, json

    /// The folder of the dataset files (`csv/`, `xpt/`, `json/`), or nil for the workbook.
    var folder: String? { self == .xlsx ? nil : rawValue }

    /// The name of its write phase in the progress lines and the benchmark.
    var phase: String {
        switch self {
        case .csv: "write CSV"
        case .xlsx: "write XLSX"
        case .xpt: "write XPT"
        case .json: "write Dataset-JSON"
        }
    }

    public static func < (a: OutputFormat, b: OutputFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The formats in `list` (`csv,xlsx,xpt,json`), or nil naming the first unknown one.
    public static func parse(_ list: String) -> Result<Set<OutputFormat>, UnknownFormat> {
        var formats: Set<OutputFormat> = []
        for name in list.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = OutputFormat(rawValue: trimmed) else { return .failure(UnknownFormat(name: String(name))) }
            formats.insert(format)
        }
        return .success(formats)
    }

    /// A name `--formats` does not know.
    public struct UnknownFormat: Error, Sendable {
        public let name: String
    }
}
