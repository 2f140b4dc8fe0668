/// `actual_arm_code`: ACTARMCD from the planned arm and the treatments the subject received (`sources`).
enum ActualArmCodeAlgorithm: MappingAlgorithm {
    static let name = "actual_arm_code"
    static let summary = "the arm matching the treatments the subject received"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? {
        (v.sources ?? []).isEmpty ? "sources" : (v.variables ?? []).isEmpty ? "variables" : nil
    }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.actualArmCode(variable)
    }
}

extension Algorithm {
    /// ACTARMCD from the planned arm and the treatments the subject received (`sources`).
    public static let actualArmCode = Algorithm(registered: ActualArmCodeAlgorithm.self)
}
