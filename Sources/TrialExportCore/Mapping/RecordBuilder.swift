import Foundation

/// Builds one SDTM record from one primary-form record, variable by variable, in spec order.
struct RecordBuilder {
    let context: MappingContext
    let domain: String
    let block: RecordSpec
    let table: RawTable
    let row: RawRow
    let subject: String
    /// The joined one-per-subject records, by form.
    let joined: [String: (table: RawTable, row: RawRow)]
    let findings: FindingSink
    /// The records of the group this record stands for (just `row` without `groupBy`).
    var group: [RawRow] = []
    /// The subject's DM record, for `DM.VAR` references (nil while DM itself is mapped).
    var subjectRecord: [String: String]?

    private(set) var values: [String: String] = [:]

    init(context: MappingContext, domain: String, block: RecordSpec, table: RawTable, row: RawRow, subject: String,
         joined: [String: (table: RawTable, row: RawRow)], findings: FindingSink) {
        self.context = context
        self.domain = domain
        self.block = block
        self.table = table
        self.row = row
        self.subject = subject
        self.joined = joined
        self.findings = findings
    }

    /// Evaluates every variable of the block.
    mutating func build() {
        values.reserveCapacity(block.variables.count)
        for spec in block.variables {
            if let when = spec.when, !when.holds(lookup) {
                // A condition that does not hold leaves the variable as an earlier spec set it (or null).
                if values[spec.variable] == nil { values[spec.variable] = "" }
                continue
            }
            let value = evaluate(spec)
            values[spec.variable] = value
            checkValueLevelCodelist(spec, value: value)
        }
    }

    /// A value-level `codelist` on an algorithm that does not check it itself (e.g. `copy`).
    private func checkValueLevelCodelist(_ spec: VariableSpec, value: String) {
        guard !value.isEmpty, spec.algorithm != .assignCT, spec.algorithm != .hardcodeCT, let name = spec.codelist,
              let list = context.terminology.codelist(name), !list.contains(value) else { return }
        findings.report(.notInCodelist(domain: domain, usubjid: usubjidForFindings, seq: nil, variable: spec.variable,
                                       value: value, codelist: list))
    }

    /// A variable of this record, of the subject's DM record when written `DM.VAR`, or a raw
    /// field when written `form.COLUMN` (a lower-case form name).
    func variable(_ name: String) -> String {
        if name.hasPrefix("DM.") { return subjectRecord?[String(name.dropFirst(3))] ?? "" }
        if let dot = name.firstIndex(of: "."), name[..<dot].allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "_" }) {
            return rawValue(FieldRef(name, defaultForm: block.form)) ?? ""
        }
        return values[name] ?? ""
    }

    /// The value of a raw field or a derived variable, for conditions and templates.
    func lookup(column: String?, variable: String?) -> String {
        if let variable { return self.variable(variable) }
        guard let column else { return "" }
        return rawValue(FieldRef(column, defaultForm: block.form)) ?? ""
    }

    /// A raw value, trimmed; nil when the form is not joined for this subject.
    func rawValue(_ ref: FieldRef) -> String? {
        if ref.form == block.form { return table.value(ref.column, in: row).map(RawData.clean) }
        guard let join = joined[ref.form] else { return nil }
        return join.table.value(ref.column, in: join.row).map(RawData.clean)
    }

    /// File, line and column of a raw field, for findings.
    func location(_ ref: FieldRef) -> Finding.RawLocation? {
        if ref.form == block.form { return .init(file: table.file, line: row.line, column: ref.column) }
        guard let join = joined[ref.form] else { return nil }
        return .init(file: join.table.file, line: join.row.line, column: ref.column)
    }

    var usubjidForFindings: String { values["USUBJID"].flatMap { $0.isEmpty ? nil : $0 } ?? subject }

    private mutating func evaluate(_ spec: VariableSpec) -> String {
        switch spec.algorithm {
        case .assignNoCT: return spec.from.flatMap { rawValue(FieldRef($0, defaultForm: block.form)) } ?? ""
        case .assignCT: return assignCT(spec)
        case .hardcodeNoCT: return spec.value ?? ""
        case .hardcodeCT: return spec.value ?? ""
        case .assignDatetime: return assignDatetime(spec)
        case .template: return fillTemplate(spec.value ?? "")
        case .copy: return spec.fromVariable.map(variable) ?? ""
        case .firstDatetime: return aggregateDatetime(spec, latest: false)
        case .lastDatetime: return aggregateDatetime(spec, latest: true)
        case .ageYears: return ageYears(spec)
        case .studyDay: return studyDay(spec)
        case .armName: return armName(spec)
        case .actualArmCode: return actualArmCode(spec)
        case .armNullReason: return armNullReason(spec)
        case .siteCountry: return siteCountry(spec)
        case .epoch: return epoch(spec)
        case .treatmentEmergent: return treatmentEmergent(spec)
        case .treatmentAttribute: return treatmentAttribute(spec)
        case .sum: return sum(spec)
        case .assignNumber: return assignNumber(spec)
        case .criterionText: return criterionText(spec)
        case .visit: return visit(spec)?.visit ?? ""
        case .visitNumber: return visit(spec)?.number ?? ""
        }
    }

    private func fillTemplate(_ template: String) -> String {
        var out = ""
        var name: String?
        for ch in template {
            if ch == "{" { name = ""; continue }
            if ch == "}", let n = name { out += variable(n); name = nil; continue }
            if name != nil { name!.append(ch) } else { out.append(ch) }
        }
        return out
    }

    private func assignCT(_ spec: VariableSpec) -> String {
        guard let from = spec.from, let list = spec.codelist else { return "" }
        let ref = FieldRef(from, defaultForm: block.form)
        guard let collected = rawValue(ref), !collected.isEmpty else { return "" }
        if let mapped = context.ctMap.submissionValue(for: collected, in: list) { return mapped }
        let codelist = context.terminology.codelist(list)
        if let codelist, codelist.contains(collected.uppercased()) { return collected.uppercased() }
        findings.report(.notInCTMap(location(ref), domain: domain, usubjid: usubjidForFindings, variable: spec.variable,
                                    value: collected, list: list, extensible: codelist?.extensible ?? false,
                                    terms: codelist?.terms ?? [], mapFile: context.ctMapPath))
        return codelist?.extensible == true ? collected : ""
    }
}
