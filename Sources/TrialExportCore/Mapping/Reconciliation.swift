/// What happened to every raw record of every form: mapped, excluded (and why), or rejected.
public struct Reconciliation: Sendable, Hashable {
    public struct FormAccount: Sendable, Hashable {
        public var form: String
        public var file: String
        /// Records read from the file (blank lines are not records).
        public var read = 0
        /// Rejected while loading (e.g. ragged rows), with line and reason.
        public var rejected: [RejectedRecord] = []
        /// SDTM records made from this form's records, per dataset.
        public var mapped: [String: Int] = [:]
        /// Records of this form that drove no record, per reason (e.g. after the data cut-off).
        public var excluded: [String: Int] = [:]
        /// Records that were the primary source of at least one SDTM record.
        public var sourced = 0
        /// Datasets and variables this form feeds through joins or aggregates.
        public var usedFor: Set<String> = []

        public init(form: String, file: String) {
            self.form = form
            self.file = file
        }

        /// Records read = rejected + sourced + excluded + records not used as a primary source.
        public var notMappedAsPrimary: Int { read - rejected.count - sourced - excluded.values.reduce(0, +) }
    }

    public var forms: [String: FormAccount] = [:]
    /// Records written per dataset.
    public var written: [String: Int] = [:]

    public init() {}

    public mutating func account(for table: RawTable) -> FormAccount {
        forms[table.form] ?? FormAccount(form: table.form, file: table.file)
    }

    /// True when, for every form, each record read is rejected, excluded or sourced, or the form
    /// is a derivation-only source, and every dataset's written count equals its mapped records.
    public var balances: Bool {
        forms.values.allSatisfy { $0.notMappedAsPrimary >= 0 } && written.allSatisfy { dataset, count in
            forms.values.reduce(0) { $0 + ($1.mapped[dataset] ?? 0) } == count
        }
    }
}
