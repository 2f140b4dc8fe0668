/// The forms specs name, and the raw fields their templates read.
extension SpecRequirements {
    /// Every form the specs name: primary forms, joins, lookups and derivation sources.
    public static func namedForms(of specs: [DomainSpec]) -> Set<String> {
        var forms = Set<String>()
        for block in specs.flatMap(\.records) {
            forms.insert(block.form)
            forms.formUnion(block.join ?? [])
            forms.formUnion((block.lookups ?? []).map(\.form))
            for variable in block.variables { forms.formUnion((variable.sources ?? []).map(\.form)) }
        }
        return forms
    }

    /// The form names for reference resolution (see ``FieldRef``).
    public static func formNames(of specs: [DomainSpec]) -> FormNames {
        FormNames(namedForms(of: specs))
    }

    /// The `{form.Column}` references of a `template` variable that name a raw field (not `DM.VAR`
    /// and not a variable of the record).
    static func templateFields(_ variable: VariableSpec, forms: FormNames) -> [String] {
        guard variable.algorithm == .template, let text = variable.value else { return [] }
        var out: [String] = []
        var name: String?
        for ch in text {
            if ch == "{" {
                name = ""
            } else if ch == "}", let n = name {
                if !n.hasPrefix("DM."), let dot = n.firstIndex(of: "."), forms.canonical(n[..<dot]) != nil { out.append(n) }
                name = nil
            } else if name != nil {
                name!.append(ch)
            }
        }
        return out
    }
}
