/// `treatment_emergent`: `Y` when the date in `variables[0]` is on or after DM.RFXSTDTC and at most `days` after DM.RFXENDTC, else `N`.
enum TreatmentEmergentAlgorithm: MappingAlgorithm {
    static let name = "treatment_emergent"
    static let summary = "Y when the date is on or after DM.RFXSTDTC and at most the given days after DM.RFXENDTC, else N"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { (v.variables ?? []).isEmpty ? "variables" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.treatmentEmergent(variable)
    }
}

extension Algorithm {
    /// `Y` when the date in `variables[0]` is on or after DM.RFXSTDTC and at most `days` after DM.RFXENDTC, else `N`.
    public static let treatmentEmergent = Algorithm(registered: TreatmentEmergentAlgorithm.self)
}
