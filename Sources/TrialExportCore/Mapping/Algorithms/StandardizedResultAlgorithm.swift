/// `standardized_result`: --STRESC from `variables: [--ORRES, --ORRESU]`: the result in standard units (see ``UnitConversion``).
enum StandardizedResultAlgorithm: MappingAlgorithm {
    static let name = "standardized_result"
    static let summary =
        "the original result in standard units (converted by the domain's unit conversions), numbers in canonical form"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? {
        (v.variables ?? []).count != 2 ? "variables (two names: --ORRES, --ORRESU)" : nil
    }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.standardized(variable)
    }
}

extension Algorithm {
    /// --STRESC from `variables: [--ORRES, --ORRESU]`: the result in standard units (see ``UnitConversion``).
    public static let standardizedResult = Algorithm(registered: StandardizedResultAlgorithm.self)
}
