/// `age_years`: Completed years between `variables[0]` (birth) and `variables[1]` (reference); `from` as fallback.
enum AgeYearsAlgorithm: MappingAlgorithm {
    static let name = "age_years"
    static let summary = "completed years between the birth date and the reference date"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { (v.variables ?? []).count != 2 ? "variables (two names)" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.ageYears(variable)
    }
}

extension Algorithm {
    /// Completed years between `variables[0]` (birth) and `variables[1]` (reference); `from` as fallback.
    public static let ageYears = Algorithm(registered: AgeYearsAlgorithm.self)
}
