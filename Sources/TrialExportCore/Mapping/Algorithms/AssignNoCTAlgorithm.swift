/// `assign_no_ct`: A raw value as is (trimmed).
enum AssignNoCTAlgorithm: MappingAlgorithm {
    static let name = "assign_no_ct"
    static let summary = "the raw value, trimmed"
    static let origin = AlgorithmOrigin.collected

    static func missingParameter(_ v: VariableSpec) -> String? { v.from == nil ? "from" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.input(variable) ?? ""
    }
}

extension Algorithm {
    /// A raw value as is (trimmed).
    public static let assignNoCT = Algorithm(registered: AssignNoCTAlgorithm.self)
}
