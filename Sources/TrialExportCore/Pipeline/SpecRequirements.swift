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
        for spec in specs {
            for block in spec.records {
                for read in subjectReads(of: block, spec: spec) {
                    needColumn(subjectColumns[read.form] ?? spec.subjectColumn, form: read.form, by: read.who)
                }
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
                for read in subjectReads(of: block, spec: spec) {
                    out[read.form, default: []].insert(subjectColumns[read.form] ?? spec.subjectColumn)
                }
            }
        }
        return out
    }

    /// The forms a block reads by the subject (its primary form, joins, lookups and derivation
    /// sources), each with the spec element that reads it.
    private static func subjectReads(of block: RecordSpec, spec: DomainSpec) -> [(form: String, who: String)] {
        var reads = [(block.form, "\(spec.domain) spec (subject column)")]
        reads += (block.join ?? []).map { ($0, "\(spec.domain) spec (join)") }
        reads += (block.lookups ?? []).map { ($0.form, "\(spec.domain) spec (lookup)") }
        for v in block.variables {
            reads += (v.sources ?? []).map { ($0.form, "\(spec.domain).\(v.variable) (\(v.algorithm.rawValue))") }
        }
        return reads
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
