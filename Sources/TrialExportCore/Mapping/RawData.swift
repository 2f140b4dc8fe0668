import Foundation

/// The loaded EDC forms of a study, indexed by subject for joins and aggregates.
public final class RawData: @unchecked Sendable {
    // @unchecked: indexes are built lazily while one thread maps (DM), and all of them by
    // `indexAll()` before domains are mapped on several threads, which then only read.
    public private(set) var tables: [String: RawTable]
    public let subjectColumn: String
    private var subjectIndex: [String: [String: [Int]]] = [:]

    public init(tables: [RawTable], subjectColumn: String) {
        var byForm: [String: RawTable] = [:]
        for table in tables { byForm[table.form] = table }
        self.tables = byForm
        self.subjectColumn = subjectColumn
    }

    public func table(_ form: String) -> RawTable? { tables[form] }

    /// Frees the raw records once every domain is mapped (the export no longer needs them).
    public func release() {
        tables = [:]
        subjectIndex = [:]
    }

    /// Builds the subject index of every form, so that later lookups only read.
    public func indexAll() {
        for form in tables.keys.sorted() { _ = rows(of: "", in: form) }
    }

    /// Row positions of `subject` in `form`, in file order.
    public func rows(of subject: String, in form: String) -> [Int] {
        if let index = subjectIndex[form] { return index[subject] ?? [] }
        guard let table = tables[form], let column = table.columnIndex[subjectColumn] else { return [] }
        var index: [String: [Int]] = [:]
        for (i, row) in table.rows.enumerated() where column < row.values.count {
            index[RawData.clean(row.values[column]), default: []].append(i)
        }
        subjectIndex[form] = index
        return index[subject] ?? []
    }

    /// A subject identifier or value as compared: surrounding white space removed.
    @inline(__always)
    static func clean(_ s: String) -> String { s.trimmingSpaces }
}

/// A reference to a raw field, `form.COLUMN` or just `COLUMN` (the block's primary form).
struct FieldRef: Hashable {
    let form: String
    let column: String

    init(_ text: String, defaultForm: String) {
        if let dot = text.firstIndex(of: ".") {
            form = String(text[..<dot])
            column = String(text[text.index(after: dot)...])
        } else {
            form = defaultForm
            column = text
        }
    }
}
