/// `standardized_number`: --STRESN from `variables: [--ORRES, --ORRESU]`: the standardized result when it is a number.
enum StandardizedNumberAlgorithm: MappingAlgorithm {
    static let name = "standardized_number"
    static let summary = "the standardized result when it is a number"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? {
        (v.variables ?? []).count != 2 ? "variables (two names: --ORRES, --ORRESU)" : nil
    }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.standardized(variable)
    }
}

extension Algorithm {
    /// --STRESN from `variables: [--ORRES, --ORRESU]`: the standardized result when it is a number.
    public static let standardizedNumber = Algorithm(registered: StandardizedNumberAlgorithm.self)
}
