/// `arm_name`: ARM from ARMCD through the study definition.
enum ArmNameAlgorithm: MappingAlgorithm {
    static let name = "arm_name"
    static let summary = "the arm's name for ARMCD from the study definition"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { (v.variables ?? []).isEmpty ? "variables" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.armName(variable)
    }
}

extension Algorithm {
    /// ARM from ARMCD through the study definition.
    public static let armName = Algorithm(registered: ArmNameAlgorithm.self)
}
