import TrialExportCore

/// Load-time checks of `seqOrder`, `multiSelect` and filtered lookups (transform steps are
/// checked while decoding): each problem names the YAML file, line and column.
extension SpecValidator {
    func validateTransformsAndOrder(_ spec: DomainSpec, meta: DatasetMetadata, document: SpecDocument) throws {
        let set = Set(spec.records.flatMap(\.variables).map(\.variable))
        for (i, name) in (spec.seqOrder ?? []).enumerated() {
            guard meta.variable(name) != nil || set.contains(name), spec.seqOrder!.firstIndex(of: name) == i else {
                throw document.error(
                    at: [.key("seqOrder"), .index(i)],
                    detail:
                        "\(name) is not a \(spec.domain) variable (or is listed twice); seqOrder lists \(spec.domain) variables to sort by"
                )
            }
        }
        for (b, block) in spec.records.enumerated() {
            for (v, variable) in block.variables.enumerated() {
                guard let select = variable.multiSelect else { continue }
                let entry: [SpecDocument.Step] = [.key("records"), .index(b), .key("variables"), .index(v), .key("multiSelect")]
                try validate(select, of: variable.variable, meta: meta, at: entry, document: document)
            }
            for (l, lookup) in (block.lookups ?? []).enumerated() where lookup.by != nil && lookup.pick == nil {
                throw document.error(
                    at: [.key("records"), .index(b), .key("lookups"), .index(l), .key("by")],
                    detail: "`by:` orders the records for `pick:`; add `pick: first` or `pick: last`")
            }
        }
        try validateUnitConversions(spec, document: document)
    }

    /// Each conversion needs both units, a finite non-zero factor, a finite offset and 0 to 10 decimals;
    /// a unit converted twice is ambiguous.
    private func validateUnitConversions(_ spec: DomainSpec, document: SpecDocument) throws {
        var seen = Set<String>()
        for (i, c) in (spec.unitConversions ?? []).enumerated() {
            let problem: (key: String, detail: String)? =
                if c.from.trimmingSpaces.isEmpty || c.to.trimmingSpaces.isEmpty {
                    ("from", "a unit conversion needs the original unit `from` and the standard unit `to`")
                } else if !seen.insert(c.from.trimmingSpaces.uppercased()).inserted {
                    ("from", "unit \"\(c.from)\" is converted twice; keep one conversion per original unit")
                } else if !c.factor.isFinite || c.factor == 0 {
                    ("factor", "the factor must be a non-zero number (standard = original × factor + offset)")
                } else if let offset = c.offset, !offset.isFinite {
                    ("offset", "the offset must be a number")
                } else if !(0...10).contains(c.decimals) {
                    ("decimals", "decimals must be 0 to 10")
                } else { nil }
            if let problem {
                throw document.error(at: [.key("unitConversions"), .index(i), .key(problem.key)], detail: problem.detail)
            }
        }
    }

    private func validate(
        _ select: MultiSelectSpec, of variable: String, meta: DatasetMetadata, at entry: [SpecDocument.Step],
        document: SpecDocument
    ) throws {
        guard !select.options.isEmpty else {
            throw document.error(at: entry + [.key("options")], detail: "a multi_select needs at least one option")
        }
        let checked = Set((select.checked ?? MultiSelectSpec.defaultChecked).map { $0.uppercased() })
        let unchecked = Set((select.unchecked ?? MultiSelectSpec.defaultUnchecked).map { $0.uppercased() })
        if let both = checked.intersection(unchecked).sorted().first {
            throw document.error(at: entry + [.key("checked")], detail: "\"\(both)\" is both a checked and an unchecked tick")
        }
        for name in select.suppNames(of: variable) where name.count > 8 || meta.variable(name) != nil {
            throw document.error(
                at: entry + [.key("several")],
                detail:
                    "QNAM \(name) must have at most 8 characters and not be a \(meta.name) variable; set a shorter `suppPrefix`")
        }
    }
}
