/// `study_day`: Study day of `variables[0]` relative to `variables[1]` (RFSTDTC).
enum StudyDayAlgorithm: MappingAlgorithm {
    static let name = "study_day"
    static let summary = "study day relative to RFSTDTC: date - RFSTDTC + 1 on or after it, date - RFSTDTC before"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { (v.variables ?? []).count != 2 ? "variables (two names)" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.studyDay(variable)
    }
}

extension Algorithm {
    /// Study day of `variables[0]` relative to `variables[1]` (RFSTDTC).
    public static let studyDay = Algorithm(registered: StudyDayAlgorithm.self)
}
