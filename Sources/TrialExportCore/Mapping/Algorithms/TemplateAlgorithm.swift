/// `template`: A template over variables already derived: `{STUDYID}-{SUBJID}`.
enum TemplateAlgorithm: MappingAlgorithm {
    static let name = "template"
    static let summary = "a template over variables already derived"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { v.value == nil ? "value" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.fillTemplate(variable.template)
    }
}

extension Algorithm {
    /// A template over variables already derived: `{STUDYID}-{SUBJID}`.
    public static let template = Algorithm(registered: TemplateAlgorithm.self)
}
