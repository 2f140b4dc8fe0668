/// `criterion_text`: IETEST of the criterion whose IETESTCD is in `variables[0]`, from the study definition.
enum CriterionTextAlgorithm: MappingAlgorithm {
    static let name = "criterion_text"
    static let summary = "the criterion's text for IETESTCD from the study definition"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { (v.variables ?? []).isEmpty ? "variables" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.criterionText(variable)
    }
}

extension Algorithm {
    /// IETEST of the criterion whose IETESTCD is in `variables[0]`, from the study definition.
    public static let criterionText = Algorithm(registered: CriterionTextAlgorithm.self)
}
