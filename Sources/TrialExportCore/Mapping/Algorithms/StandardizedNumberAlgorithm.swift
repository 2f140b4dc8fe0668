/// `standardized_number`: --STRESN from `variables: [--ORRES, --ORRESU]`: the standardized result when it is a number.
enum StandardizedNumberAlgorithm: StandardizedAlgorithm {
    static var part: KeyPath<StandardizedResult, String> { \.number }
    static let name = "standardized_number"
    static let summary = "the standardized result when it is a number"
}

extension Algorithm {
    /// --STRESN from `variables: [--ORRES, --ORRESU]`: the standardized result when it is a number.
    public static let standardizedNumber = Algorithm(registered: StandardizedNumberAlgorithm.self)
}
