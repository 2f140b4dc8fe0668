/// `assign_ct`: A raw value through the study CT map, checked against the CDISC codelist.
enum AssignCTAlgorithm: MappingAlgorithm {
    static let name = "assign_ct"
    static let summary = "the raw value through the study CT map, checked against the CDISC codelist"
    static let origin = AlgorithmOrigin.collected

    static func missingParameter(_ v: VariableSpec) -> String? { v.from == nil ? "from" : v.codelist == nil ? "codelist" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.assignCT(variable, index: index)
    }
}

extension Algorithm {
    /// A raw value through the study CT map, checked against the CDISC codelist.
    public static let assignCT = Algorithm(registered: AssignCTAlgorithm.self)
}
