/// Maps the raw forms into one SDTM dataset following its spec.
public struct DomainMapper {
    let context: MappingContext
    let spec: DomainSpec
    let findings: FindingSink

    /// Variables whose codelist membership the mapping itself checks (assign_ct in every block).
    public var variablesCheckedWhileMapping: Set<String> {
        let all = spec.records.flatMap(\.variables)
        let ct = Set(all.filter { $0.algorithm == .assignCT }.map(\.variable))
        return ct.subtracting(all.filter { $0.algorithm != .assignCT }.map(\.variable))
    }

    public init(context: MappingContext, spec: DomainSpec, findings: FindingSink) {
        self.context = context
        self.spec = spec
        self.findings = findings
    }

    /// The dataset in SDTMIG variable order, unsorted, and what happened to each raw record.
    public func map(into reconciliation: inout Reconciliation) throws -> Dataset {
        guard let meta = context.metadata.dataset(spec.domain) else {
            throw TrialExportError.invalidSpec(path: spec.domain, location: "domain", detail: "no SDTMIG metadata for \(spec.domain)")
        }
        var records: [[String: String]] = []
        for block in spec.records {
            guard let table = context.raw.table(block.form) else {
                throw TrialExportError.fileNotFound(path: "\(block.form).csv", what: "form \(block.form) used by the \(spec.domain) spec")
            }
            var account = reconciliation.account(for: table)
            for join in block.join ?? [] { reconciliation.forms[join, default: .init(form: join, file: join)].usedFor.insert(spec.domain) }
            for (index, row) in table.rows.enumerated() {
                guard let built = mapRecord(row, at: index, block: block, table: table, account: &account) else { continue }
                records.append(built.values)
            }
            reconciliation.forms[table.form] = account
        }
        return assemble(records, meta: meta)
    }

    private func mapRecord(_ row: RawRow, at index: Int, block: RecordSpec, table: RawTable,
                           account: inout Reconciliation.FormAccount) -> RecordBuilder? {
        let subject = table.value(spec.subjectColumn, in: row).map(RawData.clean) ?? ""
        let lookup: (String?, String?) -> String = { column, _ in
            column.flatMap { table.value(FieldRef($0, defaultForm: block.form).column, in: row) } ?? ""
        }
        if let condition = block.where, !condition.holds(lookup) {
            account.markExcluded(row: index, reason: block.excludedReason ?? "not \(condition.summary)")
            return nil
        }
        if isAfterCutoff(row, block: block, table: table) {
            account.markExcluded(row: index, reason: "dated after the data cut-off")
            return nil
        }
        var builder = RecordBuilder(context: context, domain: spec.domain, block: block, table: table, row: row,
                                    subject: subject, joined: joins(for: subject, block: block), findings: findings)
        builder.build()
        account.markMapped(row: index, into: spec.domain)
        return builder
    }

    private func isAfterCutoff(_ row: RawRow, block: RecordSpec, table: RawTable) -> Bool {
        guard let cutoff = context.cutoff, let field = block.dateField,
              case .success(let date?) = EDCDateParser.parseDate(table.value(FieldRef(field, defaultForm: block.form).column, in: row) ?? "")
        else { return false }
        return date.isComplete ? date > cutoff : date.year > cutoff.year
    }

    private func joins(for subject: String, block: RecordSpec) -> [String: (table: RawTable, row: RawRow)] {
        var out: [String: (table: RawTable, row: RawRow)] = [:]
        for form in block.join ?? [] {
            guard let table = context.raw.table(form) else { continue }
            let rows = context.raw.rows(of: subject, in: form)
            guard let first = rows.first else { continue }
            for extra in rows.dropFirst() {
                findings.report(.duplicateSubjectRecord(form: form, file: table.file, line: table.rows[extra].line,
                                                        subject: subject, firstLine: table.rows[first].line))
            }
            out[form] = (table, table.rows[first])
        }
        return out
    }

    /// Puts the records into the dataset's variables: Req and Exp always, Perm when mapped and not all null.
    private func assemble(_ records: [[String: String]], meta: DatasetMetadata) -> Dataset {
        let mapped = Set(spec.records.flatMap { $0.variables.map(\.variable) })
        let keep = Set(spec.keepEmpty ?? [])
        let variables = meta.variables.filter { v in
            v.core != .perm || keep.contains(v.name) || (mapped.contains(v.name) && records.contains { !($0[v.name] ?? "").isEmpty })
        }
        let rows = records.map { record in variables.map { record[$0.name] ?? "" } }
        return Dataset(name: meta.name, label: meta.label, keys: meta.keys, variables: variables, rows: rows)
    }
}
