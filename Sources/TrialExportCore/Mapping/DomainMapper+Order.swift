/// --SEQ order and the SUPP-- qualifiers of `multi_select` variables.
extension DomainMapper {
    /// The dataset's sort keys: the spec's `seqOrder` after STUDYID and USUBJID (unless it names
    /// them itself), else the SDTMIG natural keys. --SEQ numbers each subject's records in this order.
    static func sortKeys(_ spec: DomainSpec, meta: DatasetMetadata) -> [String] {
        guard let order = spec.seqOrder, !order.isEmpty else { return meta.keys }
        return ["STUDYID", "USUBJID"].filter { !order.contains($0) } + order
    }

    /// `RACE1` .. `RACEn` of each `multi_select` variable with `several: supp`, labelled `Race 1` ..
    static func multiSelectSupp(_ specs: [VariableSpec]) -> [(String, SuppSpec)] {
        specs.flatMap { v -> [(String, SuppSpec)] in
            guard v.algorithm == .multiSelect, let select = v.multiSelect else { return [] }
            let stem = select.suppLabel ?? v.variable.capitalized
            return select.suppNames(of: v.variable).enumerated().map { i, name in
                (name, SuppSpec(label: "\(stem) \(i + 1)", origin: select.suppOrigin ?? "CRF"))
            }
        }
    }
}
