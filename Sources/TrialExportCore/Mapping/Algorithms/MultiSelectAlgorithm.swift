/// `multi_select`: One value from checkbox columns (`multiSelect`): the checked option, or `MULTIPLE`.
enum MultiSelectAlgorithm: MappingAlgorithm {
    static let name = "multi_select"
    static let summary = "the value of the checked checkbox column; MULTIPLE or a list when several are checked"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { v.multiSelect == nil ? "multiSelect" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.multiSelect(variable)
    }
}

extension Algorithm {
    /// One value from checkbox columns (`multiSelect`): the checked option, or `MULTIPLE`.
    public static let multiSelect = Algorithm(registered: MultiSelectAlgorithm.self)
}
