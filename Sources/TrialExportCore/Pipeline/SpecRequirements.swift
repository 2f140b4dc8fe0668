/// What a set of domain specs needs from the raw data: forms and columns, with who needs them.
public enum SpecRequirements {
    /// Columns needed per form, each with the spec element that needs it (for error messages).
    /// `subjectColumns`: per-form subject columns (`forms.yaml`) replacing the spec's.
    public static func columns(of specs: [DomainSpec], subjectColumns: [String: String] = [:]) -> [String: [String: String]] {
        var out: [String: [String: String]] = [:]
        let forms = formNames(of: specs)
        func needColumn(_ column: String, form: String, by who: String) {
            out[form, default: [:]][column] = out[form]?[column] ?? who
        }
        func need(_ field: String?, defaultForm: String, by who: String) {
            guard let field else { return }
            let ref = FieldRef(field, defaultForm: defaultForm, forms: forms)
            needColumn(ref.column, form: ref.form, by: who)
        }
        func subject(_ form: String, _ spec: DomainSpec, by who: String) {
            needColumn(subjectColumns[form] ?? spec.subjectColumn, form: form, by: who)
        }
        for spec in specs {
            for block in spec.records {
                subject(block.form, spec, by: "\(spec.domain) spec (subject column)")
                for form in block.join ?? [] { subject(form, spec, by: "\(spec.domain) spec (join)") }
                need(block.dateField, defaultForm: block.form, by: "\(spec.domain) spec (dateField)")
                for key in block.groupBy ?? [] { need(key, defaultForm: block.form, by: "\(spec.domain) spec (groupBy)") }
                for lookup in block.lookups ?? [] {
                    for key in lookup.on {
                        need(key, defaultForm: lookup.form, by: "\(spec.domain) spec (lookup)")
                        need(key, defaultForm: block.form, by: "\(spec.domain) spec (lookup)")
                    }
                    for c in conditionColumns(lookup.where) + [lookup.by].compactMap({ $0 }) {
                        need(c, defaultForm: lookup.form, by: "\(spec.domain) spec (lookup)")
                    }
                    subject(lookup.form, spec, by: "\(spec.domain) spec (lookup)")
                }
                for v in block.variables {
                    let who = "\(spec.domain).\(v.variable) (\(v.algorithm.rawValue))"
                    for field in [v.from, v.date, v.time] + templateFields(v, forms: forms) {
                        need(field, defaultForm: block.form, by: who)
                    }
                    for option in v.multiSelect?.options ?? [] { need(option.column, defaultForm: block.form, by: who) }
                    for c in conditionColumns(v.when) + conditionColumns(v.screenFailure) {
                        need(c, defaultForm: block.form, by: who)
                    }
                    for source in v.sources ?? [] {
                        for field in [
                            source.date, source.time, source.treatment, source.fallbackDate, source.fallbackTime,
                        ] + conditionColumns(source.where) {
                            need(field, defaultForm: source.form, by: who)
                        }
                        subject(source.form, spec, by: who)
                    }
                }
                for c in conditionColumns(block.where) { need(c, defaultForm: block.form, by: "\(spec.domain) spec (where)") }
            }
        }
        return out
    }

    /// The subject columns each form is read by (`subjectColumns`: per-form ones from `forms.yaml`,
    /// replacing the spec's): of primary forms, joins, lookups and derivation sources.
    public static func subjectColumns(of specs: [DomainSpec], subjectColumns: [String: String] = [:]) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for spec in specs {
            for block in spec.records {
                let forms =
                    [block.form] + (block.join ?? []) + (block.lookups ?? []).map(\.form)
                    + block.variables.flatMap { ($0.sources ?? []).map(\.form) }
                for form in forms { out[form, default: []].insert(subjectColumns[form] ?? spec.subjectColumn) }
            }
        }
        return out
    }

    /// Date and time columns (`form.COLUMN`) some `assign_datetime` maps, so the block that maps
    /// them reports their invalid values; the aggregates over them (`first_datetime`, ...) need not.
    public static func mappedDateColumns(of specs: [DomainSpec]) -> Set<String> {
        var out = Set<String>()
        let forms = formNames(of: specs)
        for block in specs.flatMap(\.records) {
            for v in block.variables where v.algorithm == .assignDatetime {
                for field in [v.date, v.time].compactMap({ $0 }) {
                    let ref = FieldRef(field, defaultForm: block.form, forms: forms)
                    out.insert("\(ref.form).\(ref.column)")
                }
            }
        }
        return out
    }

    /// The forms a domain spec reads: primary forms, joins, lookups and derivation sources.
    public static func forms(of spec: DomainSpec) -> Set<String> {
        namedForms(of: [spec])
    }

    private static func conditionColumns(_ condition: Condition?) -> [String] {
        guard let condition else { return [] }
        return [condition.column].compactMap { $0 } + (condition.all ?? []).flatMap(conditionColumns)
            + (condition.any ?? []).flatMap(conditionColumns)
    }
}
