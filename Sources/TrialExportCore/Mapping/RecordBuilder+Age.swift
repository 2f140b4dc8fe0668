extension RecordBuilder {
    /// Age in completed years at the reference date (`variables: [BRTHDTC, RFICDTC]`).
    ///
    /// Derived from complete dates when both are; otherwise the collected age (`from`): when the
    /// birth date is partial, not collected, or was rejected (invalid, after the cut-off: each has
    /// its finding and leaves BRTHDTC null), and when it is after the reference date (MAP0009).
    /// An age is never derived from a birth date the export rejected.
    func ageYears(_ variable: CompiledVariable) -> String {
        let references = variable.references
        guard references.count == 2 else { return collectedAge(variable) }
        guard let birth = ISO8601Value.date(of: value(references[0])),
            let reference = ISO8601Value.date(of: value(references[1]))
        else { return collectedAge(variable) }
        if birth.isAfter(reference) {
            let field: RawField? = if case .slot(let slot) = references[0] { dateFields[slot] } else { nil }
            let names = variable.spec.variables ?? []
            findings.report(
                .birthDateAfter(
                    field.flatMap(location), usubjid: usubjidForFindings,
                    value: field.flatMap(raw) ?? value(references[0]),
                    reference: names.count > 1 ? names[1] : "the reference date",
                    referenceDate: reference.description, nulled: false))
            return collectedAge(variable)
        }
        if let years = ISO8601Value.completedYears(from: birth, to: reference) { return String(years) }
        return collectedAge(variable)
    }

    /// The collected age as a whole number; null, with a finding (MAP0006), when it is not one.
    private func collectedAge(_ variable: CompiledVariable) -> String {
        guard let from = variable.from, let collected = raw(from), !collected.isEmpty else { return "" }
        guard let number = Int(collected) else {
            findings.report(
                .notANumber(
                    location(from), domain: domain, usubjid: usubjidForFindings,
                    variable: variable.spec.variable, value: collected))
            return ""
        }
        return String(number)
    }
}
