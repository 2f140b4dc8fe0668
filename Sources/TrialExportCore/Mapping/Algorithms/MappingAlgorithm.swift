/// A mapping algorithm: how one SDTM variable's value is made from the raw record, named in specs
/// by `algorithm:`. Each lives in its own file with its name, what it needs from the spec, what
/// define.xml says of it and its evaluation; ``AlgorithmRegistry`` lists them. A new algorithm is one
/// new file plus its line in the registry.
protocol MappingAlgorithm: SendableMetatype {
    /// The name specs use (`assign_ct`), after pharmaverse sdtm.oak where one exists.
    static var name: String { get }
    /// What it does, in words, for define.xml's method descriptions.
    static var summary: String { get }
    /// Where its values come from, for define.xml's origin.
    static var origin: AlgorithmOrigin { get }
    /// The first spec key the algorithm needs but `v` lacks (checked when the specs are loaded).
    static func missingParameter(_ v: VariableSpec) -> String?
    /// The variable's value for the builder's current record.
    static func evaluate(_ variable: CompiledVariable, index: Int, in builder: RecordBuilder) -> String
}

/// Where an algorithm's values come from (define.xml `def:Origin`).
public enum AlgorithmOrigin: Sendable {
    /// A raw field's value: Collected.
    case collected
    /// A fixed value of the spec: Assigned.
    case assigned
    /// Computed from other values: Derived, with the algorithm as its method.
    case derived
}

/// Every mapping algorithm, by name.
enum AlgorithmRegistry {
    static let all: [any MappingAlgorithm.Type] = [
        AssignNoCTAlgorithm.self,
        AssignCTAlgorithm.self,
        HardcodeNoCTAlgorithm.self,
        HardcodeCTAlgorithm.self,
        AssignDatetimeAlgorithm.self,
        TemplateAlgorithm.self,
        CopyAlgorithm.self,
        FirstDatetimeAlgorithm.self,
        LastDatetimeAlgorithm.self,
        AgeYearsAlgorithm.self,
        StudyDayAlgorithm.self,
        ArmNameAlgorithm.self,
        ActualArmCodeAlgorithm.self,
        ArmNullReasonAlgorithm.self,
        SiteCountryAlgorithm.self,
        EpochAlgorithm.self,
        TreatmentEmergentAlgorithm.self,
        TreatmentAttributeAlgorithm.self,
        SumAlgorithm.self,
        AssignNumberAlgorithm.self,
        CriterionTextAlgorithm.self,
        VisitAlgorithm.self,
        VisitNumberAlgorithm.self,
        MultiSelectAlgorithm.self,
        StandardizedResultAlgorithm.self,
        StandardizedNumberAlgorithm.self,
        StandardizedUnitAlgorithm.self,
        BaselineFlagAlgorithm.self,
    ]

    static let byName: [String: any MappingAlgorithm.Type] = {
        var byName: [String: any MappingAlgorithm.Type] = [:]
        for algorithm in all {
            precondition(byName[algorithm.name] == nil, "two algorithms named \(algorithm.name)")
            byName[algorithm.name] = algorithm
        }
        return byName
    }()
}

/// The algorithm a spec names. Decoding accepts the registered names only (an unknown one is a
/// spec error listing them); `Algorithm.assignCT` and the like are declared beside each algorithm.
public struct Algorithm: RawRepresentable, Codable, Hashable, Sendable, CaseIterable {
    public let rawValue: String

    /// The registered algorithm of that name; nil for any other name.
    public init?(rawValue: String) {
        guard AlgorithmRegistry.byName[rawValue] != nil else { return nil }
        self.rawValue = rawValue
    }

    init(registered algorithm: any MappingAlgorithm.Type) {
        rawValue = algorithm.name
    }

    /// Every registered algorithm, in the registry's order.
    public static var allCases: [Algorithm] { AlgorithmRegistry.all.map { Algorithm(registered: $0) } }

    var implementation: any MappingAlgorithm.Type { AlgorithmRegistry.byName[rawValue]! }

    /// What it does, in words (define.xml).
    public var summary: String { implementation.summary }
    /// Where its values come from (define.xml).
    public var origin: AlgorithmOrigin { implementation.origin }

    /// The first spec key `variable` needs for this algorithm but lacks, if any.
    public func missingParameter(_ variable: VariableSpec) -> String? { implementation.missingParameter(variable) }
}
