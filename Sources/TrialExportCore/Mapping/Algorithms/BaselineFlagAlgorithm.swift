/// `baseline_flag`: --LOBXFL from `variables: [--TESTCD, --DTC, result]`: `Y` on the subject's last record of the test with a result on or before DM.RFXSTDTC (set by ``BaselineFlags`` after all the subject's records are mapped; empty until then).
enum BaselineFlagAlgorithm: MappingAlgorithm {
    static let name = "baseline_flag"
    static let summary = "Y on the subject's last record of the test with a result on or before the first dose date (DM.RFXSTDTC)"
    static let origin = AlgorithmOrigin.derived

    static func missingParameter(_ v: VariableSpec) -> String? {
        (v.variables ?? []).count != 3 ? "variables (three names: --TESTCD, --DTC, result)" : nil
    }

    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String {
        ""
    }
}

extension Algorithm {
    /// --LOBXFL from `variables: [--TESTCD, --DTC, result]`: `Y` on the subject's last record of the test with a result on or before DM.RFXSTDTC (set by ``BaselineFlags`` after all the subject's records are mapped; empty until then).
    public static let baselineFlag = Algorithm(registered: BaselineFlagAlgorithm.self)
}
