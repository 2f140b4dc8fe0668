/// `first_datetime`: Earliest complete date/time over the subject's records in `sources`.
enum FirstDatetimeAlgorithm: MappingAlgorithm {
    static let name = "first_datetime"
    static let summary = "the earliest complete date/time over the subject's records in the sources"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { (v.sources ?? []).isEmpty ? "sources" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.perSubject(index) { builder.aggregateDatetime(variable, latest: false) }
    }
}

extension Algorithm {
    /// Earliest complete date/time over the subject's records in `sources`.
    public static let firstDatetime = Algorithm(registered: FirstDatetimeAlgorithm.self)
}
