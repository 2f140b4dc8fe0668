/// Maps the raw forms into one SDTM dataset following its spec.
public struct DomainMapper {
    let context: MappingContext
    let spec: DomainSpec
    let findings: FindingSink

    /// Variables whose codelist the spec settles at value level: every entry that sets them names
    /// a `codelist` (or `none`), so the dataset-level check must not apply the variable's default one.
    public var variablesCheckedWhileMapping: Set<String> {
        let all = spec.records.flatMap(\.variables)
        return Set(all.filter { $0.codelist != nil }.map(\.variable)).subtracting(all.filter { $0.codelist == nil }.map(\.variable))
    }

    /// Reports hard-coded values that are not terms of the codelist they name (once per spec entry).
    public func checkHardcodedTerms() {
        for variable in spec.records.flatMap(\.variables) where variable.algorithm == .hardcodeCT {
            guard let value = variable.value, let name = variable.codelist, let list = context.terminology.codelist(name),
                  !list.contains(value) else { continue }
            findings.report(.notInCodelist(domain: spec.domain, usubjid: nil, seq: nil, variable: variable.variable,
                                           value: value, codelist: list))
        }
    }

    public init(context: MappingContext, spec: DomainSpec, findings: FindingSink) {
        self.context = context
        self.spec = spec
        self.findings = findings
    }

    /// The dataset in SDTMIG variable order, unsorted, and what happened to each raw record.
    public func map(into reconciliation: inout Reconciliation) throws -> Dataset {
        let mappedNames = Set(spec.records.flatMap { $0.variables.map(\.variable) })
        guard let meta = context.metadata.dataset(spec.domain)?.addingTimingVariables(mappedNames) else {
            throw TrialExportError.invalidSpec(path: spec.domain, location: "domain", detail: "no SDTMIG metadata for \(spec.domain)")
        }
        // Records are kept as arrays in the order of `names` (not dictionaries): millions of them may be held.
        let names = Self.variableNames(spec)
        var interners = [StringInterner](repeating: StringInterner(), count: names.count)
        var records: [[String]] = []
        func keep(_ builder: RecordBuilder) {
            records.append(names.indices.map { interners[$0].intern(builder.values[names[$0]] ?? "") })
        }
        for block in spec.records {
            guard let table = context.raw.table(block.form) else {
                throw TrialExportError.fileNotFound(path: "\(block.form).csv", what: "form \(block.form) used by the \(spec.domain) spec")
            }
            var account = reconciliation.account(for: table)
            for join in block.join ?? [] { reconciliation.forms[join, default: .init(form: join, file: join)].usedFor.insert(spec.domain) }
            if let keys = block.groupBy {
                for group in groups(of: table, by: keys, block: block, account: &account) {
                    keep(buildRecord(group, block: block, table: table, account: &account))
                }
            } else {
                for (index, row) in table.rows.enumerated() {
                    guard let joined = accepts(row, at: index, block: block, table: table, account: &account) else { continue }
                    keep(buildRecord([(index, row)], block: block, table: table, joined: joined, account: &account))
                }
            }
            reconciliation.forms[table.form] = account
        }
        return assemble(records, names: names, meta: meta)
    }

    /// The joined records of a primary record that passes the block's condition and the cut-off
    /// (nil when joins were not needed to decide); `.none` at the outer level when the record is
    /// excluded, and then counted as such.
    private func accepts(_ row: RawRow, at index: Int, block: RecordSpec, table: RawTable,
                         account: inout Reconciliation.FormAccount) -> Joined?? {
        let needsJoins = block.where != nil && !((block.lookups ?? []).isEmpty && (block.join ?? []).isEmpty)
        let joined = needsJoins ? joins(for: subject(of: row, in: table), row: row, table: table, block: block) : [:]
        let lookup: (String?, String?) -> String = { column, _ in
            guard let column else { return "" }
            let ref = FieldRef(column, defaultForm: block.form)
            if ref.form == block.form { return table.value(ref.column, in: row) ?? "" }
            guard let other = joined[ref.form] else { return "" }
            return other.table.value(ref.column, in: other.row) ?? ""
        }
        if let condition = block.where, !condition.holds(lookup) {
            account.markExcluded(row: index, reason: block.excludedReason ?? "not \(condition.summary)")
            return .none
        }
        if isAfterCutoff(row, block: block, table: table) {
            account.markExcluded(row: index, reason: "dated after the data cut-off")
            return .none
        }
        return .some(needsJoins ? joined : nil)
    }

    /// Accepted records grouped by the `groupBy` columns, groups in order of first appearance.
    private func groups(of table: RawTable, by keys: [String], block: RecordSpec,
                        account: inout Reconciliation.FormAccount) -> [[(Int, RawRow)]] {
        var order: [[String]] = []
        var members: [[String]: [(Int, RawRow)]] = [:]
        for (index, row) in table.rows.enumerated() where accepts(row, at: index, block: block, table: table, account: &account) != nil {
            let key = [subject(of: row, in: table)] + keys.map { table.value($0, in: row).map(RawData.clean) ?? "" }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append((index, row))
        }
        return order.map { members[$0]! }
    }

    /// One SDTM record from a primary record (or a group of them, the first standing for the group).
    /// `joined`: the joins already made to test the block's condition, if any.
    private func buildRecord(_ group: [(Int, RawRow)], block: RecordSpec, table: RawTable, joined: Joined? = nil,
                             account: inout Reconciliation.FormAccount) -> RecordBuilder {
        let row = group[0].1
        let subject = subject(of: row, in: table)
        reportDuplicateJoins(for: subject, block: block)
        var builder = RecordBuilder(context: context, domain: spec.domain, block: block, table: table, row: row,
                                    subject: subject, joined: joined ?? joins(for: subject, row: row, table: table, block: block),
                                    findings: findings)
        builder.group = group.map(\.1)
        builder.subjectRecord = context.subjects[subject]
        builder.build()
        for (position, (index, _)) in group.enumerated() {
            account.markMapped(row: index, into: spec.domain, counted: position == 0)
        }
        return builder
    }

    private func subject(of row: RawRow, in table: RawTable) -> String {
        table.value(spec.subjectColumn, in: row).map(RawData.clean) ?? ""
    }

    private func isAfterCutoff(_ row: RawRow, block: RecordSpec, table: RawTable) -> Bool {
        guard let cutoff = context.cutoff, let field = block.dateField,
              case .success(let date?) = EDCDateParser.parseDate(table.value(FieldRef(field, defaultForm: block.form).column, in: row) ?? "")
        else { return false }
        return date.isAfter(cutoff)
    }

    /// The records joined to a primary record, by form.
    typealias Joined = [String: (table: RawTable, row: RawRow)]

    private func joins(for subject: String, row: RawRow, table: RawTable, block: RecordSpec) -> Joined {
        var out: Joined = [:]
        for form in block.join ?? [] {
            guard let joined = context.raw.table(form), let first = context.raw.rows(of: subject, in: form).first else { continue }
            out[form] = (joined, joined.rows[first])
        }
        for lookup in block.lookups ?? [] {
            guard let joined = context.raw.table(lookup.form) else { continue }
            let wanted = lookup.on.map { table.value($0, in: row).map(RawData.clean) ?? "" }
            let match = context.raw.rows(of: subject, in: lookup.form).first { index in
                lookup.on.map { joined.value($0, in: joined.rows[index]).map(RawData.clean) ?? "" } == wanted
            }
            if let match { out[lookup.form] = (joined, joined.rows[match]) }
        }
        return out
    }

    /// A one-per-subject form with more than one record for the subject: the first is used, the others reported.
    private func reportDuplicateJoins(for subject: String, block: RecordSpec) {
        for form in block.join ?? [] {
            let rows = context.raw.rows(of: subject, in: form)
            guard rows.count > 1, let joined = context.raw.table(form) else { continue }
            for extra in rows.dropFirst() {
                findings.report(.duplicateSubjectRecord(form: form, file: joined.file, line: joined.rows[extra].line,
                                                        subject: subject, firstLine: joined.rows[rows[0]].line))
            }
        }
    }

    /// Every variable the spec sets, once, in order of first appearance.
    static func variableNames(_ spec: DomainSpec) -> [String] {
        var seen = Set<String>()
        return spec.records.flatMap(\.variables).map(\.variable).filter { seen.insert($0).inserted }
    }

    /// Puts the records into the dataset's variables: Req and Exp always, Perm when mapped and not
    /// all null, then the supplemental qualifiers (split into SUPP-- after --SEQ is assigned).
    private func assemble(_ records: consuming [[String]], names: [String], meta: DatasetMetadata) -> Dataset {
        let allSpecs = spec.records.flatMap(\.variables)
        let supp = Dictionary(allSpecs.compactMap { v in v.supp.map { (v.variable, $0) } }, uniquingKeysWith: { a, _ in a })
        let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let keep = Set(spec.keepEmpty ?? [])
        var variables = meta.variables.filter { v in
            guard v.core == .perm, !keep.contains(v.name) else { return true }
            guard let i = position[v.name] else { return false }
            return records.contains { !$0[i].isEmpty }
        }
        for (i, name) in supp.keys.sorted().enumerated() {
            variables.append(VariableMetadata(dataset: meta.name, order: 10_000 + i, name: name, label: supp[name]!.label,
                                              type: .char, core: .perm))
        }
        let columns = variables.map { position[$0.name] }
        var rows = records
        // Row by row in place: each new row replaces the one it came from, so two copies never coexist.
        for r in rows.indices { rows[r] = columns.map { $0.map { rows[r][$0] } ?? "" } }
        var dataset = Dataset(name: meta.name, label: meta.label, keys: meta.keys, variables: variables, rows: rows)
        dataset.supplemental = supp
        return dataset
    }
}
