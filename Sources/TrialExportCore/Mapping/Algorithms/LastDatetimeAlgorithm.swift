/// `last_datetime`: Latest date/time over the subject's records in `sources`.
enum LastDatetimeAlgorithm: MappingAlgorithm {
    static let name = "last_datetime"
    static let summary = "the latest date/time over the subject's records in the sources"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { (v.sources ?? []).isEmpty ? "sources" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.perSubject(index) { builder.aggregateDatetime(variable, latest: true) }
    }
}

extension Algorithm {
    /// Latest date/time over the subject's records in `sources`.
    public static let lastDatetime = Algorithm(registered: LastDatetimeAlgorithm.self)
}
