/// `arm_null_reason`: ARMNRS: why ARMCD or ACTARMCD is null.
enum ArmNullReasonAlgorithm: MappingAlgorithm {
    static let name = "arm_null_reason"
    static let summary = "why ARMCD or ACTARMCD is null (screen failure, not assigned, not treated)"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { (v.variables ?? []).isEmpty ? "variables" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.armNullReason(variable)
    }
}

extension Algorithm {
    /// ARMNRS: why ARMCD or ACTARMCD is null.
    public static let armNullReason = Algorithm(registered: ArmNullReasonAlgorithm.self)
}
