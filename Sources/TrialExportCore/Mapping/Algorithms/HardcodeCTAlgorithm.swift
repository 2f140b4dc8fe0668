/// `hardcode_ct`: A fixed value checked against the CDISC codelist.
enum HardcodeCTAlgorithm: MappingAlgorithm {
    static let name = "hardcode_ct"
    static let summary = "a fixed value from the CDISC codelist"
    static let origin = AlgorithmOrigin.assigned

    static func missingParameter(_ v: VariableSpec) -> String? { v.value == nil ? "value" : v.codelist == nil ? "codelist" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        variable.spec.value ?? ""
    }
}

extension Algorithm {
    /// A fixed value checked against the CDISC codelist.
    public static let hardcodeCT = Algorithm(registered: HardcodeCTAlgorithm.self)
}
