/// How one EDC form is exported (an entry of `forms.yaml`): its file, header and skipped rows,
/// encoding, delimiter, subject column and record key. Unset keys take the file's `defaults`.
public struct FormLayout: Codable, Sendable, Hashable {
    /// The form name the domain specs use (`form: ae`).
    public var name: String
    /// The file name in the raw folder, exactly or as a pattern with `*` and `?` (default `<name>.csv`).
    public var file: String?
    public var headerRow: Int?
    public var skipRows: Int?
    public var encoding: String?
    public var delimiter: String?
    public var subjectColumn: String?
    /// The columns that identify a record of the form (documentation; named in findings).
    public var key: [String]?
    /// Declared date and time formats of the form's fields (read by the date-format support).
    public var dateFormat: String?
    public var timeFormat: String?

    public init(name: String, file: String? = nil) {
        self.name = name
        self.file = file
    }
}

/// Layout keys that apply to every form unless the form sets its own.
public struct FormLayoutDefaults: Codable, Sendable, Hashable {
    public var headerRow: Int?
    public var skipRows: Int?
    public var encoding: String?
    public var delimiter: String?
    public var subjectColumn: String?
    public var dateFormat: String?
    public var timeFormat: String?

    public init() {}
}

/// The character encodings a raw file may declare.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case latin1 = "latin1"
    case windows1252 = "windows-1252"

    /// The encoding a name stands for (case-insensitive; `latin1`, `iso-8859-1`, `cp1252`, ...).
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1": self = .latin1
        case "windows-1252", "cp1252", "win-1252": self = .windows1252
        default: return nil
        }
    }

    /// The names accepted, for messages.
    public static let acceptedNames = ["utf-8", "latin1", "iso-8859-1", "windows-1252", "cp1252"]
}
