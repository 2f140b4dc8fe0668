/// A `multi_select` variable's checkbox columns, e.g. REDCap's `race___1` .. `race___6`.
public struct MultiSelectSpec: Codable, Hashable, Sendable {
    /// One checkbox column and the value it stands for.
    public struct Option: Codable, Hashable, Sendable {
        public var column: String
        public var value: String

        public init(column: String, value: String) {
            self.column = column
            self.value = value
        }
    }

    /// How several checked options are written.
    public enum Several: String, Codable, Hashable, Sendable {
        /// The `multiple` value, each option's value in SUPP-- (QNAM `suppPrefix` + 1..n).
        case supp
        /// The options' values joined by `separator`.
        case list
    }

    public var options: [Option]
    /// Tick values meaning checked (case-insensitive); default ``defaultChecked``.
    public var checked: [String]?
    /// Tick values meaning not checked (case-insensitive, blank always); default ``defaultUnchecked``.
    public var unchecked: [String]?
    public var several: Several
    /// The value when several options are checked (`several: supp`); default `MULTIPLE`.
    public var multiple: String?
    /// For `several: list`; default `; `.
    public var separator: String?
    /// For `several: supp`: the QNAM stem (default: the variable), at most 7 characters.
    public var suppPrefix: String?
    /// For `several: supp`: QLABEL stem (numbered) and QORIG of the SUPP-- records.
    public var suppLabel: String?
    public var suppOrigin: String?

    public static let defaultChecked = ["1", "CHECKED", "Y", "YES", "X", "TRUE"]
    public static let defaultUnchecked = ["0", "UNCHECKED", "N", "NO", "FALSE"]

    public init(options: [Option], several: Several) {
        self.options = options
        self.several = several
    }

    /// The SUPP-- QNAMs (`RACE1` ..) for a variable, one per option, when several go to SUPP--.
    public func suppNames(of variable: String) -> [String] {
        guard several == .supp else { return [] }
        let stem = suppPrefix ?? variable
        return options.indices.map { "\(stem)\($0 + 1)" }
    }
}

/// Which of several looked-up records is used.
public enum LookupPick: String, Codable, Hashable, Sendable {
    case first
    case last
}
