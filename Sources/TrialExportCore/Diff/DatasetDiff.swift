/// The differences between two versions of one dataset, records matched by natural keys.
///
/// Build one with ``DatasetDiff/compare(old:new:metadata:options:)``. Records are matched on the
/// dataset's SDTMIG natural keys without its `--SEQ` variable, so renumbering alone is no change.
/// Every list is sorted by key (numeric keys as numbers), then by line, so output is stable.
public struct DatasetDiff: Sendable, Equatable {
    /// How records of the two versions were paired.
    public enum Matching: String, Sendable, Codable {
        /// On the dataset's natural keys (those present in both versions, `--SEQ` left out).
        case naturalKeys
        /// On every compared column: no usable keys, so a changed record shows as removed and added.
        case wholeRecord
    }

    /// The dataset name in upper case, e.g. `AE`.
    public var name: String
    public var matching: Matching
    /// The variables records were matched on, in key order.
    public var keys: [String]
    /// The `--SEQ` variable ignored when matching (and when comparing, unless asked), if any.
    public var sequenceVariable: String?
    public var oldRecords: Int
    public var newRecords: Int
    /// Columns only the new version has, in its column order.
    public var columnsAdded: [String] = []
    /// Columns only the old version has, in its column order.
    public var columnsRemoved: [String] = []
    /// True when both versions have the same columns in a different order.
    public var columnOrderChanged = false
    public var added: [DiffRecord] = []
    public var removed: [DiffRecord] = []
    public var changed: [RecordChange] = []
    /// Keys held by more than one record in either version; such records were paired in order.
    public var duplicateKeys = 0
    /// Matched records whose `--SEQ` value differs (not listed as changes unless asked).
    public var sequenceRenumbered = 0
    /// What a reader should know about how the comparison was made, e.g. keys missing.
    public var notes: [String] = []

    public init(
        name: String, matching: Matching, keys: [String], sequenceVariable: String?,
        oldRecords: Int, newRecords: Int
    ) {
        self.name = name
        self.matching = matching
        self.keys = keys
        self.sequenceVariable = sequenceVariable
        self.oldRecords = oldRecords
        self.newRecords = newRecords
    }

    /// True when nothing differs: same columns in the same order, no record added, removed or changed.
    public var isIdentical: Bool {
        columnsAdded.isEmpty && columnsRemoved.isEmpty && !columnOrderChanged
            && added.isEmpty && removed.isEmpty && changed.isEmpty
    }
}

/// Settings of a comparison.
public struct DiffOptions: Sendable, Equatable {
    /// List `--SEQ` differences of matched records as changes (never used for matching).
    public var compareSequence: Bool

    public init(compareSequence: Bool = false) {
        self.compareSequence = compareSequence
    }
}

/// A record present in only one version: its key values, the line it is on and all its values.
public struct DiffRecord: Sendable, Equatable {
    /// Values of ``DatasetDiff/keys``, in that order.
    public var key: [String]
    /// The line of the record in its file (the header is line 1).
    public var line: Int
    /// Every value of the record, by variable name, in the file's column order.
    public var values: [(variable: String, value: String)]

    public init(key: [String], line: Int, values: [(variable: String, value: String)]) {
        self.key = key
        self.line = line
        self.values = values
    }

    public static func == (a: DiffRecord, b: DiffRecord) -> Bool {
        a.key == b.key && a.line == b.line
            && a.values.map(\.variable) == b.values.map(\.variable) && a.values.map(\.value) == b.values.map(\.value)
    }
}

/// A record present in both versions with different values.
public struct RecordChange: Sendable, Equatable {
    /// Values of ``DatasetDiff/keys``, in that order.
    public var key: [String]
    public var oldLine: Int
    public var newLine: Int
    /// The differing variables, in the new version's column order.
    public var changes: [ValueChange]

    public init(key: [String], oldLine: Int, newLine: Int, changes: [ValueChange]) {
        self.key = key
        self.oldLine = oldLine
        self.newLine = newLine
        self.changes = changes
    }
}

/// One variable of a matched record whose value changed ("" is null).
public struct ValueChange: Sendable, Equatable {
    public var variable: String
    public var old: String
    public var new: String

    public init(variable: String, old: String, new: String) {
        self.variable = variable
        self.old = old
        self.new = new
    }
}
