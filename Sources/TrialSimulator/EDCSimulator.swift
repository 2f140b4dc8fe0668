import TrialExportCore

/// Generates a study's dummy EDC export (one form per file), subject by subject, deterministically.
///
/// Subjects are screened in consent order until `subjects` are randomized; each subject draws
/// from its own random stream, so memory stays flat and a subject's data never depends on
/// how many subjects follow. Same study, profile, size and seed: identical output.
public struct EDCSimulator {
    public let study: StudyDefinition
    public let profile: SimulationProfile
    /// Randomized subjects to generate.
    public let subjects: Int
    public let seed: UInt64

    /// The seed used when none is given.
    public static let defaultSeed: UInt64 = 20_221_017

    /// `subjects`: randomized subjects (default: the planned enrolment); about `subjects / (1 - screen-failure rate)` are screened.
    public init(study: StudyDefinition, profile: SimulationProfile, subjects: Int? = nil, seed: UInt64 = EDCSimulator.defaultSeed) {
        self.study = study
        self.profile = profile
        self.subjects = max(1, subjects ?? study.plannedEnrollment)
        self.seed = seed
    }

    /// Streams every form into `sink` and returns what was generated.
    @discardableResult
    public func run(into sink: EDCFormSink) throws -> SimulationSummary {
        let context = try SimulationContext(study: study, profile: profile)
        let relationship = profile.relationshipColumns.map(\.column)
        for form in EDCForm.allCases { try sink.begin(form: form.rawValue, header: form.header(relationshipColumns: relationship)) }
        var state = RunState(simulator: self, context: context)
        while state.summary.randomized < subjects {
            var record = state.nextSubject()
            state.summary.count(record)
            var writer = SubjectFormWriter(
                context: context, sink: sink,
                mess: Messiness(rates: profile.messiness, labels: profile.labels, rng: RandomSource(seed: seed, stream: 2_000_000_000 + UInt64(record.index))))
            try writer.write(record)
            record.adverseEvents.removeAll()
        }
        try sink.end()
        return state.summary
    }
}

/// What a run generated: counts for reports and tests.
public struct SimulationSummary: Equatable, Sendable {
    public var screened = 0
    public var screenFailures = 0
    public var randomized = 0
    /// Randomized subjects per ARMCD.
    public var randomizedPerArm: [String: Int] = [:]
    /// Subject numbers of randomized subjects never dosed.
    public var neverDosed: [String] = []
    public var deaths = 0
    public var endedTreatment = 0
    /// `Subject FolderName` of each deliberate investigator disagreement with RECIST 1.1.
    public var investigatorDisagreements: [String] = []

    mutating func count(_ r: SubjectRecord) {
        screened += 1
        if r.randomization == nil { screenFailures += 1 }
        if r.death != nil { deaths += 1 }
        if r.endOfTreatment != nil { endedTreatment += 1 }
        if let folder = r.disagreement { investigatorDisagreements.append("\(r.subject) \(folder)") }
    }
}
