/// `visit`: VISIT from the folder name in `from`, through the study's visit schedule.
enum VisitAlgorithm: MappingAlgorithm {
    static let name = "visit"
    static let summary = "the visit name for the EDC folder from the visit schedule"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { v.from == nil ? "from" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.visit(variable)?.visit ?? ""
    }
}

extension Algorithm {
    /// VISIT from the folder name in `from`, through the study's visit schedule.
    public static let visit = Algorithm(registered: VisitAlgorithm.self)
}
