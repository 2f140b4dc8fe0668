/// `treatment_attribute`: An attribute of the study treatment named by `variables[0]` (EXTRT): `value` is doseForm, route or frequency.
enum TreatmentAttributeAlgorithm: MappingAlgorithm {
    static let name = "treatment_attribute"
    static let summary = "an attribute of the study treatment from the study definition"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? {
        (v.variables ?? []).isEmpty ? "variables" : v.value == nil ? "value" : nil
    }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.treatmentAttribute(variable)
    }
}

extension Algorithm {
    /// An attribute of the study treatment named by `variables[0]` (EXTRT): `value` is doseForm, route or frequency.
    public static let treatmentAttribute = Algorithm(registered: TreatmentAttributeAlgorithm.self)
}
