/// `hardcode_no_ct`: A fixed value.
enum HardcodeNoCTAlgorithm: MappingAlgorithm {
    static let name = "hardcode_no_ct"
    static let summary = "a fixed value"
    static let origin = AlgorithmOrigin.assigned

    static func missingParameter(_ v: VariableSpec) -> String? { v.value == nil ? "value" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        variable.spec.value ?? ""
    }
}

extension Algorithm {
    /// A fixed value.
    public static let hardcodeNoCT = Algorithm(registered: HardcodeNoCTAlgorithm.self)
}
