/// `standardized_result`: --STRESC from `variables: [--ORRES, --ORRESU]`: the result in standard units (see ``UnitConversion``).
enum StandardizedResultAlgorithm: StandardizedAlgorithm {
    static var part: KeyPath<StandardizedResult, String> { \.character }
    static let name = "standardized_result"
    static let summary =
        "the original result in standard units (converted by the domain's unit conversions), numbers in canonical form"
}

extension Algorithm {
    /// --STRESC from `variables: [--ORRES, --ORRESU]`: the result in standard units (see ``UnitConversion``).
    public static let standardizedResult = Algorithm(registered: StandardizedResultAlgorithm.self)
}

/// The `standardized_*` algorithms: one standardization of `variables: [--ORRES, --ORRESU]` (see
/// ``ResultStandardizer``), each giving its part (--STRESC, --STRESN or --STRESU).
protocol StandardizedAlgorithm: MappingAlgorithm {
    /// The part of the standardization this algorithm gives.
    static var part: KeyPath<StandardizedResult, String> { get }
}

extension StandardizedAlgorithm {
    static var origin: AlgorithmOrigin { .derived }

    static func missingParameter(_ v: VariableSpec) -> String? {
        (v.variables ?? []).count != 2 ? "variables (two names: --ORRES, --ORRESU)" : nil
    }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.standardized(variable)?[keyPath: part] ?? ""
    }
}
