/// `sum`: Sum of the numeric raw field `from` over the records of the group (null if any is missing).
enum SumAlgorithm: MappingAlgorithm {
    static let name = "sum"
    static let summary = "the sum of the numeric field over the records of the group, null if any is missing"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { v.from == nil ? "from" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.sum(variable)
    }
}

extension Algorithm {
    /// Sum of the numeric raw field `from` over the records of the group (null if any is missing).
    public static let sum = Algorithm(registered: SumAlgorithm.self)
}
