import TrialExportCore

/// Something the CSV reader met in a file that it did not refuse; the loader turns each into a finding.
public struct CSVNotice: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A field holds control characters (C0 other than tab, CR and LF, or DEL); the value is kept as it is.
        case controlCharacters
        /// A byte-order mark (U+FEFF) inside the file, at the start of a line or in a field; it was removed.
        case byteOrderMark
        /// Bytes the declared encoding does not define (windows-1252's 0x81, 0x8D, 0x8F, 0x90, 0x9D);
        /// each was kept as the control character of the same number (U+0081, ...).
        case undefinedBytes(String)
    }

    public var kind: Kind
    /// The physical line the field starts on (1-based).
    public var line: Int
    /// The field's position in its record (1-based).
    public var column: Int
    /// The value as it is in the file (before a byte-order mark was removed).
    public var value: String

    public init(kind: Kind, line: Int, column: Int, value: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.value = value
    }
}

/// How the lines of a file end, counting only line ends between records (not inside quoted fields).
public struct CSVLineEnds: Sendable, Hashable {
    public enum Style: String, Sendable, Hashable, CaseIterable {
        case crlf = "CRLF", lf = "LF", cr = "CR"
    }

    /// Line ends of each style.
    public var counts: [Style: Int] = [:]
    /// The line each style first ends.
    public var firstLine: [Style: Int] = [:]

    public init() {}

    mutating func add(_ style: Style, line: Int) {
        counts[style, default: 0] += 1
        if firstLine[style] == nil { firstLine[style] = line }
    }

    /// True when records end in more than one style.
    public var isMixed: Bool { counts.count > 1 }
}
