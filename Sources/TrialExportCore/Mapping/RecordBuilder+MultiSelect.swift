/// `multi_select`: checkbox columns to one value.
extension RecordBuilder {
    /// The checked option's value (through `codelist` when named); several: `multiple` with the
    /// values in the SUPP-- slots, or the values joined. A tick that is neither checked nor
    /// unchecked is reported and leaves the variable null (never "the last tick wins").
    func multiSelect(_ variable: CompiledVariable) -> String {
        guard let select = variable.multiSelect else { return "" }
        var chosen: [String] = []
        var unknown = false
        for option in select.options {
            let tick = (raw(option.field) ?? "").trimmingSpaces
            let key = tick.uppercased()
            if key.isEmpty || select.unchecked.contains(key) { continue }
            guard select.checked.contains(key) else {
                findings.report(
                    .unknownTick(
                        location(option.field), domain: domain, usubjid: usubjidForFindings, variable: variable.spec.variable,
                        value: tick))
                unknown = true
                continue
            }
            if let value = mappedOption(option.value, variable: variable, field: option.field) { chosen.append(value) }
        }
        if unknown || chosen.isEmpty { return "" }
        if chosen.count == 1 { return chosen[0] }
        switch select.several {
        case .list: return chosen.joined(separator: select.separator)
        case .supp:
            for (slot, value) in zip(select.suppSlots, chosen) { values[slot] = value }
            return select.multiple
        }
    }

    /// An option's value through the CT map list `codelist` (as `assign_ct`); unmapped: reported.
    private func mappedOption(_ value: String, variable: CompiledVariable, field: RawField) -> String? {
        guard let list = variable.spec.codelist, list != "none" else { return value }
        if let mapped = context.ctMap.submissionValue(for: value, in: list) { return mapped }
        let codelist = context.terminology.codelist(list)
        if let codelist, codelist.contains(value.uppercased()) { return value.uppercased() }
        findings.report(
            .notInCTMap(
                location(field), domain: domain, usubjid: usubjidForFindings, variable: variable.spec.variable,
                value: value, list: list, extensible: codelist?.extensible ?? false, terms: codelist?.terms ?? [],
                mapFile: context.ctMapPath))
        return codelist?.extensible == true ? value : nil
    }
}
