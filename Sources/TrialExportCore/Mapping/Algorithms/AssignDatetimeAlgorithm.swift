/// `assign_datetime`: ISO 8601 date/time from EDC date and time fields, partial dates kept.
enum AssignDatetimeAlgorithm: MappingAlgorithm {
    static let name = "assign_datetime"
    static let summary = "ISO 8601 date/time from the EDC date and time fields, partial dates kept"
    static let origin = AlgorithmOrigin.collected

    static func missingParameter(_ v: VariableSpec) -> String? { v.date == nil ? "date" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.assignDatetime(variable)
    }
}

extension Algorithm {
    /// ISO 8601 date/time from EDC date and time fields, partial dates kept.
    public static let assignDatetime = Algorithm(registered: AssignDatetimeAlgorithm.self)
}
