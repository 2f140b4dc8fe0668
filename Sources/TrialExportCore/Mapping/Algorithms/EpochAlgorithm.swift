/// `epoch`: EPOCH of the date in `variables[0]` relative to DM.RFXSTDTC/RFXENDTC (+ `days` after the last dose).
enum EpochAlgorithm: MappingAlgorithm {
    static let name = "epoch"
    static let summary = "the epoch of the date relative to DM.RFXSTDTC and DM.RFXENDTC"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? { (v.variables ?? []).isEmpty ? "variables" : nil }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        builder.epoch(variable, index: index)
    }
}

extension Algorithm {
    /// EPOCH of the date in `variables[0]` relative to DM.RFXSTDTC/RFXENDTC (+ `days` after the last dose).
    public static let epoch = Algorithm(registered: EpochAlgorithm.self)
}
