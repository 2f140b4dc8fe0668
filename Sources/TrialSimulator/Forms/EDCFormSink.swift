/// Receives the simulated EDC export form by form, row by row, as it is generated.
///
/// The simulator calls `begin` once per form (all forms, before any row), then `write` in any
/// interleaving of forms, then `end` once.
public protocol EDCFormSink: AnyObject {
    func begin(form: String, header: [String]) throws
    func write(form: String, row: [String]) throws
    func end() throws
}

/// Keeps every form in memory; for tests and small runs.
public final class InMemoryFormSink: EDCFormSink {
    /// Header per form name.
    public private(set) var headers: [String: [String]] = [:]
    /// Rows per form name, in the order written.
    public private(set) var rows: [String: [[String]]] = [:]
    /// Form names in the order they were begun.
    public private(set) var formNames: [String] = []
    public private(set) var ended = false

    public init() {}

    public func begin(form: String, header: [String]) throws {
        headers[form] = header
        rows[form] = []
        formNames.append(form)
    }

    public func write(form: String, row: [String]) throws {
        rows[form, default: []].append(row)
    }

    public func end() throws { ended = true }

    /// The rows of `form` as dictionaries keyed by column name.
    public func records(_ form: String) -> [[String: String]] {
        let header = headers[form] ?? []
        return (rows[form] ?? []).map { row in
            var record: [String: String] = [:]
            for (name, value) in zip(header, row) { record[name] = value }
            return record
        }
    }
}
