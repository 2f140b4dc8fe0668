/// `visit_number`: VISITNUM from the folder name in `from`, through the study's visit schedule.
enum VisitNumberAlgorithm: MappingAlgorithm {
    static let name = "visit_number"
    static let summary = "the visit number for the EDC folder from the visit schedule"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { v.from == nil ? "from" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.visit(variable)?.number ?? ""
    }
}

extension Algorithm {
    /// VISITNUM from the folder name in `from`, through the study's visit schedule.
    public static let visitNumber = Algorithm(registered: VisitNumberAlgorithm.self)
}
