import TrialExportCore

/// Where a variable's values come from, as Define-XML 2.1 states it (`def:Origin`, `MethodDef`).
struct DefineOrigin: Hashable {
    enum Kind: String {
        case collected = "Collected", derived = "Derived", assigned = "Assigned", protocolDefined = "Protocol"
    }

    var kind: Kind
    /// Collected: the raw forms and fields; Assigned: the value.
    var detail: String?
    /// Derived: the algorithm, as the method's description.
    var method: String?

    /// `def:Origin/@Source`.
    var source: String { kind == .collected ? "Investigator" : "Sponsor" }

    /// Trial design datasets built from the study definition (`study.yaml`).
    static let trialDesign: Set<String> = ["TS", "TA", "TE", "TI", "TV"]

    /// The origin of `variable` in `dataset` from the spec of its domain (SUPP-- QVAL: of the qualifier).
    static func of(_ variable: String, in dataset: String, specs: [DomainSpec]) -> DefineOrigin {
        if trialDesign.contains(dataset) { return DefineOrigin(kind: .protocolDefined, detail: "study definition (study.yaml)") }
        if variable == "\(dataset)SEQ" {
            return DefineOrigin(
                kind: .derived,
                method: "Sequence number of the record within the subject, in the order of the dataset's natural keys.")
        }
        if variable == "DOMAIN" || variable == "RDOMAIN" {
            return DefineOrigin(kind: .assigned, detail: "the dataset's domain code")
        }
        let parent = dataset.hasPrefix("SUPP") ? String(dataset.dropFirst(4)) : dataset
        let uses = specs.filter { $0.domain == parent }.flatMap { spec in
            spec.records.flatMap { block in block.variables.filter { $0.variable == variable }.map { (block, $0) } }
        }
        guard let (block, first) = uses.first else {
            return DefineOrigin(
                kind: .derived,
                method: "Set by trialexport from the other variables of the record (see README, \"What an export holds\").")
        }
        return origin(first, block: block, all: uses)
    }

    private static func origin(_ spec: VariableSpec, block: RecordSpec, all: [(RecordSpec, VariableSpec)]) -> DefineOrigin {
        switch spec.algorithm.origin {
        case .collected:
            let fields = all.flatMap { block, spec in
                [spec.from, spec.date, spec.time].compactMap { $0 }.map { qualified($0, form: block.form) }
            }
            return DefineOrigin(kind: .collected, detail: "CRF field " + unique(fields).joined(separator: ", "))
        case .assigned:
            return DefineOrigin(kind: .assigned, detail: unique(all.compactMap { $0.1.value }).joined(separator: ", "))
        case .derived:
            return DefineOrigin(
                kind: .derived,
                method: unique(all.map { DefineMethodText.describe($0.1, form: $0.0.form) }).joined(separator: " "))
        }
    }

    /// `form.COLUMN` for a field given as `COLUMN` of the block's primary form.
    static func qualified(_ field: String, form: String) -> String { field.contains(".") ? field : "\(form).\(field)" }

    static func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
