/// Moves a dataset's supplemental-qualifier columns into its SUPP-- dataset.
public enum SupplementalQualifiers {
    /// The SUPP-- dataset (rows in parent order, then QNAM, each from its parent's raw source), or nil when the parent has none;
    /// the columns are removed from `parent`. Call after --SEQ is assigned.
    public static func split(_ parent: inout Dataset, metadata: StandardMetadata) -> Dataset? {
        guard !parent.supplemental.isEmpty, let meta = metadata.dataset("SUPP\(parent.name)") else { return nil }
        let names = parent.supplemental.keys.sorted()
        let seqName = "\(parent.name)SEQ"
        let hasSeq = parent.index(of: seqName) != nil
        var supp = Dataset(name: meta.name, label: meta.label, keys: meta.keys, variables: meta.variables)
        for r in parent.rows.indices {
            for name in names {
                let value = parent.value(name, row: r)
                guard !value.isEmpty, let spec = parent.supplemental[name] else { continue }
                let fields: [String: String] = [
                    "STUDYID": parent.value("STUDYID", row: r), "RDOMAIN": parent.name,
                    "USUBJID": parent.value("USUBJID", row: r),
                    "IDVAR": hasSeq ? seqName : "", "IDVARVAL": hasSeq ? parent.value(seqName, row: r) : "",
                    "QNAM": name, "QLABEL": spec.label, "QVAL": value, "QORIG": spec.origin, "QEVAL": spec.evaluator ?? "",
                ]
                supp.append(row: supp.variables.map { fields[$0.name] ?? "" })
                if parent.sources.count > r { supp.sources.append(r, of: parent.sources) }
            }
        }
        parent.removeColumns(Set(names))
        parent.supplemental = [:]
        return supp
    }
}
