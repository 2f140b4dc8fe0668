import Foundation

/// The loaded EDC forms of a study, indexed by subject for joins and aggregates.
///
/// Domains are mapped on several threads; each form is freed as soon as the last domain that
/// reads it is done (see ``release(_:)``), which bounds the memory a large study needs.
public final class RawData: @unchecked Sendable {
    // @unchecked: every access to the mutable state below holds `lock`.
    private let lock = NSLock()
    private var storage: [String: RawTable]
    private var subjectIndex: [String: [String: [Int]]] = [:]
    /// The subject column of a form without its own (``subjectColumns``).
    public let subjectColumn: String
    /// Per-form subject columns declared in `forms.yaml`.
    public let subjectColumns: [String: String]
    /// Files of the raw folder no spec reads (not parsed), for the reconciliation.
    public let unreadFiles: [String]
    /// The names of the forms loaded, for telling a form prefix from a column with a dot.
    public let formNames: FormNames

    public init(
        tables: [RawTable], subjectColumn: String, subjectColumns: [String: String] = [:], unreadFiles: [String] = []
    ) {
        var byForm: [String: RawTable] = [:]
        for table in tables { byForm[table.form] = table }
        self.storage = byForm
        self.subjectColumn = subjectColumn
        self.subjectColumns = subjectColumns
        self.unreadFiles = unreadFiles
        self.formNames = FormNames(byForm.keys)
    }

    /// The subject column of `form`: its declared one, else the study's.
    public func subjectColumn(of form: String) -> String {
        subjectColumns[form] ?? subjectColumn
    }

    /// The forms still held, by name.
    public var tables: [String: RawTable] {
        lock.lock(); defer { lock.unlock() }
        return storage
    }

    public func table(_ form: String) -> RawTable? {
        lock.lock(); defer { lock.unlock() }
        return storage[form]
    }

    /// Frees the named forms (no domain still to be mapped reads them).
    public func release(_ forms: some Sequence<String>) {
        lock.lock(); defer { lock.unlock() }
        for form in forms {
            storage[form] = nil
            subjectIndex[form] = nil
        }
    }

    /// Frees every raw record once all domains are mapped.
    public func release() {
        lock.lock(); defer { lock.unlock() }
        storage = [:]
        subjectIndex = [:]
    }

    /// Builds the subject index of every form.
    public func indexAll() {
        for form in tables.keys.sorted() { _ = rows(of: "", in: form) }
    }

    /// Row positions of `subject` in `form`, in file order.
    public func rows(of subject: String, in form: String) -> [Int] {
        subjectIndex(of: form)[subject] ?? []
    }

    /// Row positions of every subject in `form`, in file order (built on first use); empty when
    /// the form is not held. Taken once per block, it spares a lock per record.
    public func subjectIndex(of form: String) -> [String: [Int]] {
        lock.lock(); defer { lock.unlock() }
        if let index = subjectIndex[form] { return index }
        guard let table = storage[form], let column = table.columnIndex[subjectColumn(of: form)] else { return [:] }
        var index: [String: [Int]] = [:]
        for i in 0..<table.rowCount {
            index[table.cleanValue(i, column), default: []].append(i)
        }
        subjectIndex[form] = index
        return index
    }

    /// A subject identifier or value as compared: surrounding white space removed.
    @inline(__always)
    static func clean(_ s: String) -> String { s.trimmingSpaces }
}
