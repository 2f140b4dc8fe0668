import Foundation

extension RecordBuilder {
    /// EPOCH from a date: SCREENING before the first dose, TREATMENT up to the last dose plus
    /// `days`, FOLLOW-UP after; null for subjects never treated after screening. A partial date
    /// gets the epoch its every possible day falls in, and null when it spans two epochs.
    ///
    /// With `sources` (the end-of-treatment records, e.g. `{form: eot, date: EOTDAT}`) treatment
    /// lasts until the latest of those dates, and a treated subject with none is still on
    /// treatment: every later date is TREATMENT.
    func epoch(_ variable: CompiledVariable, index: Int) -> String {
        guard let reference = variable.references.first, let date = ISO8601Value.date(of: value(reference)) else { return "" }
        let range = date.dayRange
        guard let first = ISO8601Value.date(of: value(rfxstdtc))?.dayNumber else { return "SCREENING" }
        var end = ISO8601Value.date(of: value(rfxendtc))?.dayNumber.map { $0 + (variable.spec.days ?? 0) }
        if !variable.sources.isEmpty {
            let latest = perSubject(index) { aggregateDatetime(variable, latest: true) }
            if let stop = ISO8601Value.date(of: latest)?.dayNumber {
                end = max(end ?? stop, stop)
            } else {
                end = nil  // still on treatment
            }
        }
        func epoch(of day: Int) -> String {
            if day < first { return "SCREENING" }
            guard let end else { return "TREATMENT" }
            return day <= end ? "TREATMENT" : "FOLLOW-UP"
        }
        let earliest = epoch(of: range.lowerBound)
        return earliest == epoch(of: range.upperBound) ? earliest : ""
    }

    /// `Y` when the date is on or after the first dose and at most `days` after the last dose.
    ///
    /// A partial start date counts as emergent unless it is certainly before the first dose.
    func treatmentEmergent(_ variable: CompiledVariable) -> String {
        guard let reference = variable.references.first, let start = ISO8601Value.date(of: value(reference)),
            let first = ISO8601Value.date(of: value(rfxstdtc))
        else { return "" }
        let last = ISO8601Value.date(of: value(rfxendtc))
        if let s = start.dayNumber, let f = first.dayNumber {
            guard s >= f else { return "N" }
            if let l = last?.dayNumber, s > l + (variable.spec.days ?? 0) { return "N" }
            return "Y"
        }
        // Partial: compare at the precision both dates have.
        let certainBefore = start.year < first.year || (start.year == first.year && (start.month ?? 13) < (first.month ?? 0))
        return certainBefore ? "N" : "Y"
    }

    /// doseForm, route or frequency of the study treatment named by the variable (e.g. EXTRT).
    func treatmentAttribute(_ variable: CompiledVariable) -> String {
        guard let reference = variable.references.first, let treatment = context.study.treatment(code: value(reference)) else {
            return ""
        }
        switch variable.spec.value {
        case "doseForm": return treatment.doseForm ?? ""
        case "route": return treatment.route ?? ""
        case "frequency": return treatment.frequency ?? ""
        case "doseUnit": return treatment.doseUnit ?? ""
        default: return ""
        }
    }

    /// Sum of a numeric field over the group's records; null when any record lacks a number (a
    /// value that is not a number is reported at its record).
    func sum(_ variable: CompiledVariable) -> String {
        guard let from = variable.spec.from else { return "" }
        let name = FieldRef(from, defaultForm: plan.block.form, forms: context.raw.formNames).column
        let column = plan.table.columnIndex[name]
        var total = 0.0
        for member in group {
            guard let column else { return "" }
            let text = plan.table.cleanValue(member, column)
            guard let number = Double(text), number.isFinite else {
                if !text.isEmpty {
                    findings.report(
                        .notANumber(
                            .init(file: plan.table.file, line: plan.table.line(member), column: name),
                            domain: domain, usubjid: usubjidForFindings, variable: variable.spec.variable, value: text))
                }
                return ""
            }
            total += number
        }
        return NumberText.canonical(total)
    }

    /// IETEST from the study's criteria: the text, or its short form when longer than 200 characters.
    func criterionText(_ variable: CompiledVariable) -> String {
        guard let reference = variable.references.first else { return "" }
        let code = value(reference)
        guard let criterion = context.study.allCriteria.first(where: { $0.id == code }) else { return "" }
        return criterion.text.count <= 200 ? criterion.text : criterion.shortText ?? String(criterion.text.prefix(200))
    }

    /// A number in canonical text; a value that is not a number is reported and left null.
    func assignNumber(_ variable: CompiledVariable) -> String {
        guard let field = variable.from, let text = input(variable, field), !text.isEmpty else { return "" }
        guard let number = Double(text), number.isFinite else {
            findings.report(
                .notANumber(
                    location(field), domain: domain, usubjid: usubjidForFindings,
                    variable: variable.spec.variable, value: text))
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
