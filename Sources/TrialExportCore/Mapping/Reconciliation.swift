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
        /// Per record (by position among the loaded rows): 0 untouched, 1 mapped, 2+n excluded for `reasons[n]`.
        private var rowState: [UInt16] = []
        private var reasons: [String] = []

        /// Records that were the primary source of at least one SDTM record.
        public var sourced: Int { rowState.reduce(0) { $0 + ($1 == 1 ? 1 : 0) } }

        /// Records of this form that drove no record, per reason (e.g. after the data cut-off).
        public var excluded: [String: Int] {
            var out: [String: Int] = [:]
            for state in rowState where state >= 2 { out[reasons[Int(state) - 2], default: 0] += 1 }
            return out
        }

        /// Marks a record as mapped into `dataset`; mapped wins over any exclusion by another block.
        /// `counted` is false for the other members of a group that makes a single record.
        public mutating func markMapped(row: Int, into dataset: String, counted: Bool = true) {
            grow(to: row)
            rowState[row] = 1
            if counted { mapped[dataset, default: 0] += 1 }
        }

        /// Marks a record as excluded, unless another block maps it (or excluded it first).
        public mutating func markExcluded(row: Int, reason: String) {
            grow(to: row)
            guard rowState[row] == 0 else { return }
            let index =
                reasons.firstIndex(of: reason)
                ?? {
                    reasons.append(reason); return reasons.count - 1
                }()
            rowState[row] = UInt16(index + 2)
        }

        /// Adds what another mapping (of another domain) did with this form's records: mapped wins,
        /// an exclusion counts where nothing else happened.
        public mutating func merge(_ other: FormAccount) {
            for (dataset, count) in other.mapped { mapped[dataset, default: 0] += count }
            usedFor.formUnion(other.usedFor)
            if !other.rowState.isEmpty { grow(to: other.rowState.count - 1) }
            for (row, state) in other.rowState.enumerated() where state != 0 {
                if state == 1 {
                    rowState[row] = 1
                } else if rowState[row] == 0 {
                    let reason = other.reasons[Int(state) - 2]
                    let index =
                        reasons.firstIndex(of: reason)
                        ?? {
                            reasons.append(reason); return reasons.count - 1
                        }()
                    rowState[row] = UInt16(index + 2)
                }
            }
        }

        private mutating func grow(to row: Int) {
            if rowState.count <= row { rowState += [UInt16](repeating: 0, count: row + 1 - rowState.count) }
        }

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
    /// SUPP-- datasets and the parent they were split from (their records are qualifiers of the parent's).
    public var supplementalOf: [String: String] = [:]
    /// Datasets built from the study definition rather than from raw records (TS, TA, TE, TI).
    public var fromStudyDefinition: Set<String> = []
    /// Files of the raw folder that no spec reads: not parsed (see ``tableRows()``).
    public var unreadFiles: [String] = []

    public init() {}

    /// Adds another reconciliation's form accounts (see ``FormAccount/merge(_:)``).
    public mutating func merge(_ other: Reconciliation) {
        for name in other.forms.keys.sorted() {
            guard let account = other.forms[name] else { continue }
            if forms[name] == nil { forms[name] = FormAccount(form: account.form, file: account.file) }
            forms[name]?.merge(account)
        }
    }

    public mutating func account(for table: RawTable) -> FormAccount {
        forms[table.form] ?? FormAccount(form: table.form, file: table.file)
    }

    /// True when, for every form, each record read is rejected, excluded or sourced, or the form
    /// is a derivation-only source, and every dataset's written count equals its mapped records.
    public var balances: Bool {
        forms.values.allSatisfy { $0.notMappedAsPrimary >= 0 }
            && written.allSatisfy { dataset, count in
                supplementalOf[dataset] != nil || fromStudyDefinition.contains(dataset)
                    || forms.values.reduce(0) { $0 + ($1.mapped[dataset] ?? 0) } == count
            }
    }
}
