/// `assign_number`: A number from the raw field `from`, in canonical form (`250.0` -> `250`).
enum AssignNumberAlgorithm: MappingAlgorithm {
    static let name = "assign_number"
    static let summary = "a number from the raw field, in canonical form"
    static let origin = AlgorithmOrigin.collected

    static func missingParameter(_ v: VariableSpec) -> String? { v.from == nil ? "from" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.assignNumber(variable)
    }
}

extension Algorithm {
    /// A number from the raw field `from`, in canonical form (`250.0` -> `250`).
    public static let assignNumber = Algorithm(registered: AssignNumberAlgorithm.self)
}
