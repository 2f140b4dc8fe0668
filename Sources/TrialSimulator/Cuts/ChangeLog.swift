/// What the generator changed between two weekly cuts: the data manager's view of a week.
///
/// Encoded as JSON by `generate --change-log`; entries are in subject (consent) order, then form
/// and row order, so the same run always gives the same log.
public struct ChangeLog: Codable, Equatable, Sendable {
    /// A record of a form: its subject and the columns naming it within the subject (empty for one-per-subject forms).
    public struct Record: Codable, Equatable, Sendable {
        public var form: String
        public var subject: String
        public var key: [String: String]
    }

    /// One value that differs between the cuts.
    public struct Value: Codable, Equatable, Sendable {
        /// Why it changed: `correction` (a data query resolved) or `update` (new information, e.g. an event ended).
        public enum Reason: String, Codable, Sendable { case correction, update }

        public var form: String
        public var subject: String
        public var key: [String: String]
        public var column: String
        public var old: String
        public var new: String
        public var reason: Reason
        /// For corrections: what was wrong (`adverseEventGrade`, `adverseEventEndDate`, `measurement`, `missingTime`).
        public var query: String?
    }

    public var study: String
    public var seed: UInt64
    /// The earlier cut (`--since`, default a week before `asOf`) and this cut, `YYYY-MM-DD`.
    public var since: String
    public var asOf: String
    /// Subjects with no row in the earlier cut.
    public var subjectsAdded: [String] = []
    public var recordsAdded: [Record] = []
    /// Records of the earlier cut missing from this one (the generator never removes any; listed if it ever did).
    public var recordsRemoved: [Record] = []
    public var valuesChanged: [Value] = []

    public init(study: String, seed: UInt64, since: String, asOf: String) {
        self.study = study
        self.seed = seed
        self.since = since
        self.asOf = asOf
    }
}

extension ChangeLog {
    /// Adds one subject's differences between its rows on the earlier cut (`old`) and this cut (`new`).
    mutating func add(
        subject: String, old: [(index: Int, values: [String])], new: [(index: Int, values: [String])], rows: [EDCRow],
        queries: [DataQuery], layout: FormLayout, since: StudyDay
    ) {
        if old.isEmpty, !new.isEmpty { subjectsAdded.append(subject) }
        var earlier: [Int: [String]] = [:]
        for (i, values) in old { earlier[i] = values }
        for (i, values) in new {
            let form = rows[i].form
            let key = layout.key(form, values)
            guard let before = earlier.removeValue(forKey: i) else {
                recordsAdded.append(Record(form: form.rawValue, subject: subject, key: key))
                continue
            }
            for c in values.indices where values[c] != before[c] {
                let query = queries.first { $0.row == i && $0.column == c && $0.isOpen(on: since) }
                valuesChanged.append(
                    Value(
                        form: form.rawValue, subject: subject, key: key, column: layout.headers[form]![c], old: before[c],
                        new: values[c],
                        reason: query == nil ? .update : .correction, query: query?.kind.rawValue))
            }
        }
        for (i, values) in old where earlier[i] != nil {
            recordsRemoved.append(Record(form: rows[i].form.rawValue, subject: subject, key: layout.key(rows[i].form, values)))
        }
    }
}
