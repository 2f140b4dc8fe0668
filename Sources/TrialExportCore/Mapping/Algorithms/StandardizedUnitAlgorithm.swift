/// `standardized_unit`: --STRESU from `variables: [--ORRES, --ORRESU]`: the standard unit of the result.
enum StandardizedUnitAlgorithm: StandardizedAlgorithm {
    static var part: KeyPath<StandardizedResult, String> { \.unit }
    static let name = "standardized_unit"
    static let summary = "the standard unit of the original result (converted by the domain's unit conversions)"
}

extension Algorithm {
    /// --STRESU from `variables: [--ORRES, --ORRESU]`: the standard unit of the result.
    public static let standardizedUnit = Algorithm(registered: StandardizedUnitAlgorithm.self)
}
