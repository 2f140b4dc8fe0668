import Foundation

extension RecordBuilder {
    /// EPOCH from a date: SCREENING before the first dose, TREATMENT up to the last dose plus
    /// `days`, FOLLOW-UP after; null for partial dates or subjects never treated after screening.
    ///
    /// With `sources` (the end-of-treatment records, e.g. `{form: eot, date: EOTDAT}`) treatment
    /// lasts until the latest of those dates, and a treated subject with none is still on
    /// treatment: every later date is TREATMENT.
    func epoch(_ spec: VariableSpec) -> String {
        guard let name = spec.variables?.first, let date = ISO8601Value.date(of: variable(name))?.dayNumber else { return "" }
        guard let first = ISO8601Value.date(of: variable("DM.RFXSTDTC"))?.dayNumber else { return "SCREENING" }
        if date < first { return "SCREENING" }
        var end = ISO8601Value.date(of: variable("DM.RFXENDTC"))?.dayNumber.map { $0 + (spec.days ?? 0) }
        if let sources = spec.sources, !sources.isEmpty {
            guard let stop = ISO8601Value.date(of: aggregateDatetime(spec, latest: true))?.dayNumber else { return "TREATMENT" }
            end = max(end ?? stop, stop)
        }
        guard let end else { return "TREATMENT" }
        return date <= end ? "TREATMENT" : "FOLLOW-UP"
    }

    /// `Y` when the date is on or after the first dose and at most `days` after the last dose.
    ///
    /// A partial start date counts as emergent unless it is certainly before the first dose.
    func treatmentEmergent(_ spec: VariableSpec) -> String {
        guard let name = spec.variables?.first, let start = ISO8601Value.date(of: variable(name)),
              let first = ISO8601Value.date(of: variable("DM.RFXSTDTC")) else { return "" }
        let last = ISO8601Value.date(of: variable("DM.RFXENDTC"))
        if let s = start.dayNumber, let f = first.dayNumber {
            guard s >= f else { return "N" }
            if let l = last?.dayNumber, s > l + (spec.days ?? 0) { return "N" }
            return "Y"
        }
        // Partial: compare at the precision both dates have.
        let certainBefore = start.year < first.year || (start.year == first.year && (start.month ?? 13) < (first.month ?? 0))
        return certainBefore ? "N" : "Y"
    }

    /// doseForm, route or frequency of the study treatment named by the variable (e.g. EXTRT).
    func treatmentAttribute(_ spec: VariableSpec) -> String {
        guard let name = spec.variables?.first, let treatment = context.study.treatment(code: variable(name)) else { return "" }
        switch spec.value {
        case "doseForm": return treatment.doseForm ?? ""
        case "route": return treatment.route ?? ""
        case "frequency": return treatment.frequency ?? ""
        case "doseUnit": return treatment.doseUnit ?? ""
        default: return ""
        }
    }

    /// Sum of a numeric field over the group's records; null when any record lacks a number.
    func sum(_ spec: VariableSpec) -> String {
        guard let from = spec.from else { return "" }
        let column = FieldRef(from, defaultForm: block.form).column
        var total = 0.0
        for member in group.isEmpty ? [row] : group {
            guard let text = table.value(column, in: member).map(RawData.clean), let number = Double(text) else { return "" }
            total += number
        }
        return NumberText.canonical(total)
    }

    /// IETEST from the study's criteria: the text, or its short form when longer than 200 characters.
    func criterionText(_ spec: VariableSpec) -> String {
        guard let name = spec.variables?.first else { return "" }
        let code = variable(name)
        guard let criterion = context.study.allCriteria.first(where: { $0.id == code }) else { return "" }
        return criterion.text.count <= 200 ? criterion.text : criterion.shortText ?? String(criterion.text.prefix(200))
    }

    /// VISIT and VISITNUM of the folder in `from`; an unknown folder name is reported once per record.
    func visit(_ spec: VariableSpec) -> (visit: String, number: String)? {
        guard let from = spec.from else { return nil }
        let ref = FieldRef(from, defaultForm: block.form)
        guard let folder = rawValue(ref), !folder.isEmpty else { return nil }
        if let resolved = context.visits.resolve(folder) { return resolved }
        if spec.algorithm == .visitNumber {
            findings.report(.unknownVisit(location(ref), domain: domain, usubjid: usubjidForFindings, value: folder))
        }
        return nil
    }

    /// A number in canonical text; a value that is not a number is reported and left null.
    func assignNumber(_ spec: VariableSpec) -> String {
        guard let from = spec.from else { return "" }
        let ref = FieldRef(from, defaultForm: block.form)
        guard let text = rawValue(ref), !text.isEmpty else { return "" }
        guard let number = Double(text), number.isFinite else {
            findings.report(.notANumber(location(ref), domain: domain, usubjid: usubjidForFindings, variable: spec.variable, value: text))
            return ""
        }
        return NumberText.canonical(number)
    }
}

/// Canonical text of numbers in SDTM character form: no trailing zeros, no exponent.
public enum NumberText {
    public static func canonical(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.10f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
