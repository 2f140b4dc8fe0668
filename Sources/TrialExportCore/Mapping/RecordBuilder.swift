import Foundation

/// Builds SDTM records from the records of one block's primary form, variable by variable in
/// spec order, following the block's compiled ``BlockPlan``.
///
/// One builder serves every record of a block: ``load(row:subject:)`` points it at a record,
/// ``build()`` fills ``values`` (one slot per variable of the domain).
final class RecordBuilder {
    let context: MappingContext
    let domain: String
    let plan: BlockPlan
    let findings: FindingSink
    /// The primary record (its position in the form) and its subject.
    private(set) var row = 0
    private(set) var subject = ""
    /// The joined record of each of the plan's joins, if the subject has one.
    private(set) var joined: [Int?]
    /// The records of the group this record stands for (just `row` without `groupBy`).
    var group: [Int] = []
    /// The subject's row in DM, for `DM.VAR` references (nil while DM itself is mapped).
    private(set) var subjectRow: Int?
    /// DM's cells (empty while DM itself is mapped).
    let demographics: DatasetColumns
    private var subjectOfRecord: String?
    /// The record's values, by slot; "" is null.
    var values: [String]
    let rfxstdtc: VarRef
    let rfxendtc: VarRef
    /// Per-subject results of aggregates over a subject's records (first/last date-times), by variable.
    private var aggregates: [[String: String]]
    /// Resolved visit folders and CT-mapped values: a study has few distinct ones.
    private var visits: [String: (visit: String, number: String)?] = [:]
    private var mappedTerms: [[String: String]]
    /// The raw field each date variable was last read from, by slot (for findings on derived values).
    var dateFields: [RawField?]
    /// Invalid values of aggregated columns already reported (`form:row:column`), so each is reported once.
    var reportedAggregateValues = Set<String>()
    /// Subjects of this block's form already reported as having no DM record (MAP0010).
    var unlinkedSubjects = Set<String>()
    /// The domain's unit conversions, for the `standardized_*` algorithms.
    var unitConversions: [UnitConversion] = []

    init(context: MappingContext, domain: String, plan: BlockPlan, slots: Int, findings: FindingSink) {
        self.context = context
        self.domain = domain
        self.plan = plan
        self.findings = findings
        self.values = Array(repeating: "", count: slots)
        self.dateFields = Array(repeating: nil, count: slots)
        self.joined = Array(repeating: nil, count: plan.joins.count)
        self.aggregates = Array(repeating: [:], count: plan.variables.count)
        self.mappedTerms = Array(repeating: [:], count: plan.variables.count)
        self.rfxstdtc = .dm(context.dm?.index(of: "RFXSTDTC"))
        self.rfxendtc = .dm(context.dm?.index(of: "RFXENDTC"))
        self.demographics = context.dm?.cells ?? DatasetColumns(width: 0)
    }

    /// Points the builder at primary record `row` of `subject`: clears the values, makes the joins.
    func load(row: Int, subject: String) {
        self.row = row
        self.subject = subject
        group = [row]
        for i in values.indices where !values[i].isEmpty { values[i] = "" }
        // Records of a subject mostly come together: the DM record is looked up once per run of them.
        if subject != subjectOfRecord {
            subjectRow = context.subjects[subject]
            subjectOfRecord = subject
        }
        for (k, join) in plan.joins.enumerated() { joined[k] = match(join) }
    }

    /// The record of `join` for the current primary record.
    private func match(_ join: JoinPlan) -> Int? {
        guard let table = join.table, let rows = join.subjectRows[subject] else { return nil }
        if let filter = join.filter { return filteredMatch(join, filter: filter, rows: rows) }
        var found = join.joinedOnSubject ? rows.first : nil
        if let keys = join.keys {
            let wanted = keys.map { $0.primary.map { plan.table.cleanValue(row, $0) } ?? "" }
            let hit = rows.first { r in
                zip(keys, wanted).allSatisfy { key, value in (key.joined.map { table.cleanValue(r, $0) } ?? "") == value }
            }
            if let hit { found = hit }
        }
        return found
    }

    /// Evaluates every variable of the block.
    func build() {
        if subjectRow == nil { reportUnlinkedSubject() }
        for (index, variable) in plan.variables.enumerated() {
            // A condition that does not hold leaves the variable as an earlier spec set it (or null).
            if let when = variable.when, !holds(when) { continue }
            let value = transformedResult(variable, evaluate(variable, index: index))
            values[variable.slot] = value
            checkValueLevelCodelist(variable, value: value)
        }
    }

    /// A value-level `codelist` on an algorithm that does not check it itself (e.g. `copy`).
    private func checkValueLevelCodelist(_ variable: CompiledVariable, value: String) {
        let spec = variable.spec
        guard !value.isEmpty, spec.algorithm != .assignCT, spec.algorithm != .hardcodeCT,
            let list = variable.codelist, !list.contains(value),
            context.metadata.dataset(domain)?.variable(spec.variable)?.igValues?.contains(value) != true
        else { return }
        findings.report(
            .notInCodelist(
                domain: domain, usubjid: usubjidForFindings, seq: nil, variable: spec.variable,
                value: value, codelist: list))
    }

    /// The value a reference names ("" when null or absent).
    func value(_ reference: VarRef) -> String {
        switch reference {
        case .slot(let i): return values[i]
        case .dm(let column):
            guard let column, let row = subjectRow else { return "" }
            return demographics[row, column]
        case .raw(let field): return raw(field) ?? ""
        case .empty: return ""
        }
    }

    /// A raw value, trimmed; nil when the form is not joined for this subject or lacks the column.
    func raw(_ field: RawField) -> String? {
        guard let source = field.source, let column = field.column else { return nil }
        if source == 0 { return plan.table.cleanValue(row, column) }
        guard let r = joined[source - 1], let table = plan.joins[source - 1].table else { return nil }
        return table.cleanValue(r, column)
    }

    /// File, line and column of a raw field, for findings.
    func location(_ field: RawField) -> Finding.RawLocation? {
        guard let source = field.source else { return nil }
        if source == 0 { return .init(file: plan.table.file, line: plan.table.line(row), column: field.ref.column) }
        guard let r = joined[source - 1], let table = plan.joins[source - 1].table else { return nil }
        return .init(file: table.file, line: table.line(r), column: field.ref.column)
    }

    /// Whether a condition holds for the current record.
    func holds(_ condition: CompiledCondition) -> Bool {
        condition.holds { operand in
            switch operand {
            case .raw(let field): return raw(field) ?? ""
            case .variable(let reference): return value(reference)
            case .column, .none: return ""
            }
        }
    }

    var usubjidForFindings: String {
        guard let slot = plan.usubjidSlot, !values[slot].isEmpty else { return subject }
        return values[slot]
    }

    /// The result of an aggregate over the subject's records, computed once per subject.
    func perSubject(_ index: Int, _ compute: () -> String) -> String {
        if let known = aggregates[index][subject] { return known }
        let value = compute()
        aggregates[index][subject] = value
        return value
    }

    /// The variable's value by its algorithm (see ``AlgorithmRegistry``).
    private func evaluate(_ variable: CompiledVariable, index: Int) -> String {
        variable.algorithm.evaluate(variable, index: index, in: self)
    }

    func fillTemplate(_ parts: [TemplatePart]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .reference(let reference): out += value(reference)
            }
        }
        return out
    }

    func assignCT(_ variable: CompiledVariable, index: Int) -> String {
        let spec = variable.spec
        guard let field = variable.from, let list = spec.codelist else { return "" }
        guard let collected = input(variable, field), !collected.isEmpty else { return "" }
        if let known = mappedTerms[index][collected] { return known }
        if let mapped = context.ctMap.submissionValue(for: collected, in: list) {
            mappedTerms[index][collected] = mapped
            return mapped
        }
        let codelist = context.terminology.codelist(list)
        if let codelist, codelist.contains(collected.uppercased()) {
            let term = collected.uppercased()
            mappedTerms[index][collected] = term
            if term != collected {
                findings.report(
                    .ctMatchedByCase(
                        location(field), domain: domain, usubjid: usubjidForFindings, variable: spec.variable,
                        value: collected, term: term, list: list, mapFile: context.ctMapPath))
            }
            return term
        }
        findings.report(
            .notInCTMap(
                location(field), domain: domain, usubjid: usubjidForFindings, variable: spec.variable,
                value: collected, list: list, extensible: codelist?.extensible ?? false,
                terms: codelist?.terms ?? [], mapFile: context.ctMapPath))
        return codelist?.extensible == true ? collected : ""
    }

    /// VISIT and VISITNUM of the folder in `from`; an unknown folder name is reported once per record.
    func visit(_ variable: CompiledVariable) -> (visit: String, number: String)? {
        guard let field = variable.from, let folder = input(variable, field), !folder.isEmpty else { return nil }
        let resolved: (visit: String, number: String)?
        if let known = visits[folder] {
            resolved = known
        } else {
            resolved = context.visits.resolve(folder)
            visits[folder] = .some(resolved)
        }
        if resolved == nil, variable.spec.algorithm == .visitNumber {
            findings.report(.unknownVisit(location(field), domain: domain, usubjid: usubjidForFindings, value: folder))
        }
        return resolved
    }
}

extension CompiledCondition {
    /// Whether the condition holds, reading each operand through `value`.
    func holds(_ value: (Operand) -> String) -> Bool {
        switch self {
        case .all(let conditions): return conditions.allSatisfy { $0.holds(value) }
        case .any(let conditions): return conditions.contains { $0.holds(value) }
        case .test(let operand, let condition): return condition.test(value(operand).trimmingSpaces)
        }
    }
}
