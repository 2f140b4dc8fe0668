/// Compiles a domain spec's blocks into ``BlockPlan``s against the loaded forms.
struct PlanCompiler {
    let context: MappingContext
    /// The slot of each variable the domain sets.
    let slots: [String: Int]

    init(context: MappingContext, names: [String]) {
        self.context = context
        self.slots = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The plan of one block; nil when its primary form is not loaded.
    func compile(_ block: RecordSpec, subjectColumn: String) -> BlockPlan? {
        guard let table = context.raw.table(block.form) else { return nil }
        var joinForms: [String] = []
        for form in (block.join ?? []) + (block.lookups ?? []).map(\.form) where !joinForms.contains(form) && form != block.form {
            joinForms.append(form)
        }
        let joins = joinForms.map { form -> JoinPlan in
            let joined = context.raw.table(form)
            let lookup = (block.lookups ?? []).last { $0.form == form }
            let keys = lookup.map { $0.on.map { (table.columnIndex[$0], joined?.columnIndex[$0]) } }
            return JoinPlan(
                form: form, table: joined, subjectRows: context.raw.subjectIndex(of: form),
                joinedOnSubject: (block.join ?? []).contains(form), keys: keys)
        }
        Self.configureFilters(joins, lookups: block.lookups)
        let scope = Scope(compiler: self, block: block, table: table, joins: joins)
        let plan = BlockPlan(
            block: block, table: table, subjectColumn: table.columnIndex[context.raw.subjectColumns[block.form] ?? subjectColumn],
            joins: joins,
            condition: block.where.map { scope.condition($0, variables: false) },
            dateColumn: block.dateField.map { table.columnIndex[scope.ref($0).column] } ?? nil,
            groupColumns: block.groupBy.map { $0.map { table.columnIndex[$0] ?? -1 } },
            variables: block.variables.map(scope.variableWithExtras), usubjidSlot: slots["USUBJID"])
        context.rawDateFormats.resolve(plan)
        return plan
    }

    /// Name resolution within one block.
    struct Scope {
        let compiler: PlanCompiler
        let block: RecordSpec
        let table: RawTable
        let joins: [JoinPlan]

        func ref(_ text: String) -> FieldRef {
            FieldRef(text, defaultForm: block.form, forms: compiler.context.raw.formNames)
        }

        func field(_ text: String) -> RawField {
            let ref = ref(text)
            if ref.form == block.form { return RawField(ref: ref, source: 0, column: table.columnIndex[ref.column]) }
            guard let k = joins.firstIndex(where: { $0.form == ref.form }) else {
                return RawField(ref: ref, source: nil, column: nil)
            }
            return RawField(ref: ref, source: k + 1, column: joins[k].table?.columnIndex[ref.column])
        }

        /// A variable name: `DM.VAR`, `form.COLUMN` (a loaded form, any case) or a variable of the record.
        func reference(_ name: String) -> VarRef {
            if name.hasPrefix("DM.") { return .dm(compiler.context.dm?.index(of: String(name.dropFirst(3)))) }
            if let dot = name.firstIndex(of: "."), compiler.context.raw.formNames.canonical(name[..<dot]) != nil {
                return .raw(field(name))
            }
            return compiler.slots[name].map(VarRef.slot) ?? .empty
        }

        /// `variables: false` for a block's `where`, which reads raw fields only.
        func condition(_ condition: Condition, variables: Bool = true) -> CompiledCondition {
            if let all = condition.all { return .all(all.map { self.condition($0, variables: variables) }) }
            if let any = condition.any { return .any(any.map { self.condition($0, variables: variables) }) }
            if variables, let variable = condition.variable { return .test(.variable(reference(variable)), condition) }
            if let column = condition.column { return .test(.raw(field(column)), condition) }
            return .test(.none, condition)
        }

        func variable(_ spec: VariableSpec) -> CompiledVariable {
            CompiledVariable(
                spec: spec, slot: compiler.slots[spec.variable]!, when: spec.when.map { condition($0) },
                from: spec.from.map(field), date: spec.date.map(field), time: spec.time.map(field),
                fromVariable: spec.fromVariable.map(reference),
                references: (spec.variables ?? Self.defaultVariables(spec.algorithm)).map(reference),
                template: spec.algorithm == .template ? template(spec.value ?? "") : [],
                screenFailure: spec.screenFailure.map { condition($0) },
                sources: (spec.sources ?? []).map(source),
                codelist: spec.codelist.flatMap { compiler.context.terminology.codelist($0) })
        }

        /// Variables an algorithm reads when the spec names none.
        static func defaultVariables(_ algorithm: Algorithm) -> [String] {
            algorithm == .armNullReason ? ["ARMCD", "ACTARMCD"] : []
        }

        func source(_ source: DateTimeSource) -> CompiledSource {
            let table = compiler.context.raw.table(source.form)
            func column(_ name: String?) -> Int? { name.flatMap { table?.columnIndex[$0] } }
            let scope = SourceScope(table: table)
            return CompiledSource(
                source: source, table: table, subjectRows: compiler.context.raw.subjectIndex(of: source.form),
                date: column(source.date), time: column(source.time), fallbackDate: column(source.fallbackDate),
                fallbackTime: column(source.fallbackTime), treatment: column(source.treatment),
                condition: source.where.map(scope.condition))
        }

        /// `{NAME}` references and text; an unclosed reference is dropped.
        func template(_ text: String) -> [TemplatePart] {
            var parts: [TemplatePart] = []
            var literal = ""
            var name: String?
            for ch in text {
                if ch == "{" { name = ""; continue }
                if ch == "}", let n = name {
                    if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                    parts.append(.reference(reference(n)))
                    name = nil
                    continue
                }
                if name != nil { name!.append(ch) } else { literal.append(ch) }
            }
            if !literal.isEmpty { parts.append(.text(literal)) }
            return parts
        }
    }

    /// Conditions of an aggregated source form: columns of that form, as collected.
    struct SourceScope {
        let table: RawTable?

        func condition(_ condition: Condition) -> CompiledCondition {
            if let all = condition.all { return .all(all.map(self.condition)) }
            if let any = condition.any { return .any(any.map(self.condition)) }
            if let column = condition.column { return .test(.column(table?.columnIndex[column]), condition) }
            return .test(.none, condition)
        }
    }
}
