/// Compile steps of transforms, multi-select columns and filtered lookups: done once per block,
/// so mapping a record never parses a pattern, a tick list or a column name.
extension PlanCompiler.Scope {
    /// ``variable(_:)`` plus the variable's `transform:` and `multiSelect`.
    func variableWithExtras(_ spec: VariableSpec) -> CompiledVariable {
        let compiled = variable(spec)
        compiled.transform = spec.transform.flatMap { $0.isEmpty ? nil : Transform($0) }
        if let select = spec.multiSelect, spec.algorithm == .multiSelect {
            let names = select.suppNames(of: spec.variable)
            compiled.multiSelect = CompiledMultiSelect(
                options: select.options.map { (field($0.column), $0.value) },
                checked: Set((select.checked ?? MultiSelectSpec.defaultChecked).map { $0.trimmingSpaces.uppercased() }),
                unchecked: Set((select.unchecked ?? MultiSelectSpec.defaultUnchecked).map { $0.trimmingSpaces.uppercased() }),
                several: select.several, multiple: select.multiple ?? "MULTIPLE", separator: select.separator ?? "; ",
                suppSlots: names.compactMap { compiler.slots[$0] })
        }
        return compiled
    }
}

extension PlanCompiler {
    /// Sets the filter of each join that a lookup with `where` or `pick` names.
    static func configureFilters(_ joins: [JoinPlan], lookups: [Lookup]?) {
        for join in joins {
            guard let lookup = (lookups ?? []).last(where: { $0.form == join.form }), lookup.where != nil || lookup.pick != nil
            else { continue }
            let scope = SourceScope(table: join.table)
            join.filter = LookupFilter(
                condition: lookup.where.map(scope.condition), summary: lookup.where?.summary ?? "(no condition)",
                pick: lookup.pick, by: lookup.by.flatMap { join.table?.columnIndex[$0] }, byName: lookup.by ?? "")
        }
    }
}

/// A lookup's filter and pick rule, resolved against the looked-up form.
struct LookupFilter {
    let condition: CompiledCondition?
    /// The condition in words, for findings.
    let summary: String
    let pick: LookupPick?
    /// The `by` date column's position and name.
    let by: Int?
    let byName: String
}

/// A `multi_select` variable, compiled: option columns, tick sets (upper case), output slots.
struct CompiledMultiSelect {
    let options: [(field: RawField, value: String)]
    let checked: Set<String>
    let unchecked: Set<String>
    let several: MultiSelectSpec.Several
    let multiple: String
    let separator: String
    /// The SUPP-- slots (`RACE1` ..) for `several: supp`.
    let suppSlots: [Int]
}
