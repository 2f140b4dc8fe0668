/// `standardized_unit`: --STRESU from `variables: [--ORRES, --ORRESU]`: the standard unit of the result.
enum StandardizedUnitAlgorithm: MappingAlgorithm {
    static let name = "standardized_unit"
    static let summary = "the standard unit of the original result (converted by the domain's unit conversions)"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? {
        (v.variables ?? []).count != 2 ? "variables (two names: --ORRES, --ORRESU)" : nil
    }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.standardized(variable)
    }
}

extension Algorithm {
    /// --STRESU from `variables: [--ORRES, --ORRESU]`: the standard unit of the result.
    public static let standardizedUnit = Algorithm(registered: StandardizedUnitAlgorithm.self)
}
