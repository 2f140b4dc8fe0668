/// `copy`: The value of another variable of the record.
enum CopyAlgorithm: MappingAlgorithm {
    static let name = "copy"
    static let summary = "the value of another variable of the record"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { v.fromVariable == nil ? "fromVariable" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        variable.fromVariable.map(builder.value) ?? ""
    }
}

extension Algorithm {
    /// The value of another variable of the record.
    public static let copy = Algorithm(registered: CopyAlgorithm.self)
}
