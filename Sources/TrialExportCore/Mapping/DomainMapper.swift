/// Maps the raw forms into one SDTM dataset following its spec.
public struct DomainMapper {
    let context: MappingContext
    let spec: DomainSpec
    let findings: FindingSink

    /// Variables whose codelist the spec settles at value level: every entry that sets them names
    /// a `codelist` (or `none`), so the dataset-level check must not apply the variable's default one.
    public var variablesCheckedWhileMapping: Set<String> {
        let all = spec.records.flatMap(\.variables)
        return Set(all.filter { $0.codelist != nil }.map(\.variable)).subtracting(
            all.filter { $0.codelist == nil }.map(\.variable))
    }

    /// Reports hard-coded values that are not terms of the codelist they name (once per spec entry).
    public func checkHardcodedTerms() {
        for variable in spec.records.flatMap(\.variables) where variable.algorithm == .hardcodeCT {
            guard let value = variable.value, let name = variable.codelist, let list = context.terminology.codelist(name),
                !list.contains(value)
            else { continue }
            findings.report(
                .notInCodelist(
                    domain: spec.domain, usubjid: nil, seq: nil, variable: variable.variable,
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
        guard
            let meta = context.metadata.dataset(spec.domain)?.addingTimingVariables(mappedNames)
                .addingIdentifierVariables(mappedNames)
        else {
            throw TrialExportError.invalidSpec(
                path: spec.domain, location: "domain", detail: "no SDTMIG metadata for \(spec.domain)")
        }
        // Records go straight into column storage, one column per name (millions of them may be held).
        let names = Self.variableNames(spec)
        let compiler = PlanCompiler(context: context, names: names)
        var records = DatasetColumns(width: names.count)
        var sources = RecordSources()
        for block in spec.records {
            guard let plan = compiler.compile(block, subjectColumn: spec.subjectColumn) else {
                throw TrialExportError.fileNotFound(
                    path: "\(block.form).csv", what: "form \(block.form) used by the \(spec.domain) spec")
            }
            var account = reconciliation.account(for: plan.table)
            for join in block.join ?? [] {
                reconciliation.forms[join, default: .init(form: join, file: join)].usedFor.insert(spec.domain)
            }
            let builder = RecordBuilder(context: context, domain: spec.domain, plan: plan, slots: names.count, findings: findings)
            builder.unitConversions = spec.unitConversions ?? []
            func keep(_ rows: [Int]) {
                reportDuplicateJoins(builder)
                builder.group = rows
                builder.build()
                for (position, index) in rows.enumerated() {
                    account.markMapped(row: index, into: spec.domain, counted: position == 0)
                }
                records.appendRow { builder.values[$0] }
                sources.append(file: plan.table.file, lines: rows.lazy.map(plan.table.line))
            }
            if let keys = plan.groupColumns {
                for group in groups(plan, by: keys, builder: builder, account: &account) {
                    builder.load(row: group[0], subject: subject(of: group[0], in: plan))
                    keep(group)
                }
            } else {
                var firstRecord: [String: Int] = [:]
                for index in 0..<plan.table.rowCount where accepts(index, plan: plan, builder: builder, account: &account) {
                    if spec.domain == "DM", isRepeatedSubject(index, plan: plan, builder: builder, first: &firstRecord) {
                        account.markExcluded(row: index, reason: "another record of a subject already in DM (RAW0002)")
                        continue
                    }
                    keep([index])
                }
            }
            reconciliation.forms[plan.table.form] = account
        }
        var dataset = assemble(records, names: names, meta: meta)
        dataset.sources = sources
        return dataset
    }

    /// Loads record `index` into the builder; true when it passes the block's condition and the
    /// cut-off, otherwise the record is counted as excluded.
    private func accepts(_ index: Int, plan: BlockPlan, builder: RecordBuilder, account: inout Reconciliation.FormAccount) -> Bool
    {
        builder.load(row: index, subject: subject(of: index, in: plan))
        if let condition = plan.condition, !builder.holds(condition) {
            account.markExcluded(row: index, reason: plan.block.excludedReason ?? "not \(plan.block.where!.summary)")
            return false
        }
        if isAfterCutoff(index, plan: plan) {
            account.markExcluded(row: index, reason: CutoffCoverage.afterCutoffReason)
            return false
        }
        return true
    }

    /// Accepted records grouped by the `groupBy` columns, groups in order of first appearance.
    private func groups(
        _ plan: BlockPlan, by columns: [Int], builder: RecordBuilder,
        account: inout Reconciliation.FormAccount
    ) -> [[Int]] {
        var order: [[String]] = []
        var members: [[String]: [Int]] = [:]
        for index in 0..<plan.table.rowCount where accepts(index, plan: plan, builder: builder, account: &account) {
            let key = [builder.subject] + columns.map { $0 < 0 ? "" : plan.table.cleanValue(index, $0) }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(index)
        }
        return order.map { members[$0]! }
    }

    private func subject(of row: Int, in plan: BlockPlan) -> String {
        plan.subjectColumn.map { plan.table.cleanValue(row, $0) } ?? ""
    }

    private func isAfterCutoff(_ row: Int, plan: BlockPlan) -> Bool { recordDateIsAfterCutoff(row, plan: plan) }

    /// True when DM already has a record of this record's subject (DM holds one per subject): the
    /// record is reported at its line, naming the first one's, and not used (a blank subject is
    /// left to the checks of required values).
    private func isRepeatedSubject(_ index: Int, plan: BlockPlan, builder: RecordBuilder, first: inout [String: Int]) -> Bool {
        guard !builder.subject.isEmpty, let earlier = first[builder.subject] else {
            first[builder.subject] = index
            return false
        }
        findings.report(
            .duplicateSubjectRecord(
                form: plan.table.form, file: plan.table.file, line: plan.table.line(index),
                subject: builder.subject, firstLine: plan.table.line(earlier)))
        return true
    }

    /// A one-per-subject form with more than one record for the subject: the first is used, the others reported.
    private func reportDuplicateJoins(_ builder: RecordBuilder) {
        for join in builder.plan.joins where join.joinedOnSubject && join.filter == nil {
            guard let table = join.table, let rows = join.subjectRows[builder.subject], rows.count > 1 else { continue }
            for extra in rows.dropFirst() {
                findings.report(
                    .duplicateSubjectRecord(
                        form: join.form, file: table.file, line: table.line(extra),
                        subject: builder.subject, firstLine: table.line(rows[0])))
            }
        }
    }

    /// Every variable the spec sets, once, in order of first appearance.
    static func variableNames(_ spec: DomainSpec) -> [String] {
        var seen = Set<String>()
        return spec.records.flatMap(\.variables).flatMap { [$0.variable] + ($0.multiSelect?.suppNames(of: $0.variable) ?? []) }
            .filter { seen.insert($0).inserted }
    }

    /// Puts the records into the dataset's variables: Req and Exp always, Perm when mapped and not
    /// all null, then the supplemental qualifiers (split into SUPP-- after --SEQ is assigned).
    private func assemble(_ records: consuming DatasetColumns, names: [String], meta: DatasetMetadata) -> Dataset {
        let allSpecs = spec.records.flatMap(\.variables)
        let supp = Dictionary(
            allSpecs.compactMap { v in v.supp.map { (v.variable, $0) } } + Self.multiSelectSupp(allSpecs),
            uniquingKeysWith: { a, _ in a })
        let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        // Flags set after mapping (``BaselineFlags``) are kept even while still null.
        let keep = Set(spec.keepEmpty ?? []).union(allSpecs.filter { $0.algorithm == .baselineFlag }.map(\.variable))
        var variables = meta.variables.filter { v in
            guard v.core == .perm, !keep.contains(v.name) else { return true }
            guard let i = position[v.name] else { return false }
            return !records.isNull(column: i)
        }
        for (i, name) in supp.keys.sorted().enumerated() {
            variables.append(
                VariableMetadata(
                    dataset: meta.name, order: 10_000 + i, name: name, label: supp[name]!.label,
                    type: .char, core: .perm))
        }
        var cells = records
        cells.selectColumns(variables.map { position[$0.name] })
        var dataset = Dataset(
            name: meta.name, label: meta.label, keys: Self.sortKeys(spec, meta: meta), variables: variables, cells: cells)
        dataset.supplemental = supp
        return dataset
    }
}
