/// What a set of domain specs needs from the raw data: forms and columns, with who needs them.
public enum SpecRequirements {
    /// Columns needed per form, each with the spec element that needs it (for error messages).
    public static func columns(of specs: [DomainSpec]) -> [String: [String: String]] {
        var out: [String: [String: String]] = [:]
        func need(_ field: String?, defaultForm: String, by who: String) {
            guard let field else { return }
            let ref = FieldRef(field, defaultForm: defaultForm)
            out[ref.form, default: [:]][ref.column] = out[ref.form]?[ref.column] ?? who
        }
        for spec in specs {
            for block in spec.records {
                need(spec.subjectColumn, defaultForm: block.form, by: "\(spec.domain) spec (subject column)")
                for form in block.join ?? [] { need(spec.subjectColumn, defaultForm: form, by: "\(spec.domain) spec (join)") }
                need(block.dateField, defaultForm: block.form, by: "\(spec.domain) spec (dateField)")
                for key in block.groupBy ?? [] { need(key, defaultForm: block.form, by: "\(spec.domain) spec (groupBy)") }
                for lookup in block.lookups ?? [] {
                    for key in lookup.on + [spec.subjectColumn] {
                        need(key, defaultForm: lookup.form, by: "\(spec.domain) spec (lookup)")
                        need(key, defaultForm: block.form, by: "\(spec.domain) spec (lookup)")
                    }
                    for c in conditionColumns(lookup.where) + [lookup.by].compactMap({ $0 }) {
                        need(c, defaultForm: lookup.form, by: "\(spec.domain) spec (lookup)")
                    }
                }
                for v in block.variables {
                    let who = "\(spec.domain).\(v.variable) (\(v.algorithm.rawValue))"
                    for field in [v.from, v.date, v.time] { need(field, defaultForm: block.form, by: who) }
                    for option in v.multiSelect?.options ?? [] { need(option.column, defaultForm: block.form, by: who) }
                    for c in conditionColumns(v.when) + conditionColumns(v.screenFailure) {
                        need(c, defaultForm: block.form, by: who)
                    }
                    for source in v.sources ?? [] {
                        for field in [
                            source.date, source.time, source.treatment, source.fallbackDate, source.fallbackTime,
                            spec.subjectColumn,
                        ] + conditionColumns(source.where) {
                            need(field, defaultForm: source.form, by: who)
                        }
                    }
                }
                for c in conditionColumns(block.where) { need(c, defaultForm: block.form, by: "\(spec.domain) spec (where)") }
            }
        }
        return out
    }

    /// Date and time columns (`form.COLUMN`) some `assign_datetime` maps, so the block that maps
    /// them reports their invalid values; the aggregates over them (`first_datetime`, ...) need not.
    public static func mappedDateColumns(of specs: [DomainSpec]) -> Set<String> {
        var out = Set<String>()
        for block in specs.flatMap(\.records) {
            for v in block.variables where v.algorithm == .assignDatetime {
                for field in [v.date, v.time].compactMap({ $0 }) {
                    let ref = FieldRef(field, defaultForm: block.form)
                    out.insert("\(ref.form).\(ref.column)")
                }
            }
        }
        return out
    }

    /// The forms a domain spec reads: primary forms, joins, lookups and derivation sources.
    public static func forms(of spec: DomainSpec) -> Set<String> {
        var forms = Set<String>()
        for block in spec.records {
            forms.insert(block.form)
            forms.formUnion(block.join ?? [])
            forms.formUnion((block.lookups ?? []).map(\.form))
            for variable in block.variables {
                forms.formUnion((variable.sources ?? []).map(\.form))
                for field in [variable.from, variable.date, variable.time].compactMap({ $0 }) where field.contains(".") {
                    forms.insert(FieldRef(field, defaultForm: block.form).form)
                }
            }
        }
        return forms
    }

    private static func conditionColumns(_ condition: Condition?) -> [String] {
        guard let condition else { return [] }
        return [condition.column].compactMap { $0 } + (condition.all ?? []).flatMap(conditionColumns)
            + (condition.any ?? []).flatMap(conditionColumns)
    }
}
