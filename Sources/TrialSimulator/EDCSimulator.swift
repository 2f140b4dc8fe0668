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
    public init(study: StudyDefinition, profile: SimulationProfile, subjects: Int? = nil, seed: UInt64 = EDCSimulator.defaultSeed)
    {
        self.study = study
        self.profile = profile
        self.subjects = max(1, subjects ?? study.plannedEnrollment)
        self.seed = seed
    }

    /// Streams every form into `sink` and returns what was generated.
    @discardableResult
    public func run(into sink: EDCFormSink) throws -> SimulationSummary {
        try run(into: sink, cut: nil).summary
    }

    /// Streams the forms as they stood on `cut.asOf` (the full history when `cut` is nil) into `sink`.
    ///
    /// The full history is simulated as always; each subject's rows are then filtered by the day
    /// they were entered, open events and intervals lose their end, and values whose data query was
    /// resolved after the cut show as first entered. `logChanges`: also compare with `cut.since`.
    public func run(into sink: EDCFormSink, cut: DataCut?, logChanges: Bool = false) throws -> SimulationOutcome {
        let context = try SimulationContext(study: study, profile: profile)
        let days = try cut?.days(cutoff: context.cutoff)
        let relationship = profile.relationshipColumns.map(\.column)
        let layout = FormLayout(relationshipColumns: relationship)
        for form in EDCForm.allCases {
            try sink.begin(form: form.rawValue, header: form.header(relationshipColumns: relationship))
        }
        var log = days.flatMap { d in
            logChanges ? ChangeLog(study: study.studyId, seed: seed, since: d.since.iso, asOf: d.asOf.iso) : nil
        }
        let renderer = CutRenderer(context: context, layout: layout)
        var state = RunState(simulator: self, context: context)
        while state.summary.randomized < subjects {
            let record = state.nextSubject()
            state.summary.count(record)
            var writer = SubjectFormWriter(
                context: context,
                mess: Messiness(
                    rates: profile.messiness, labels: profile.labels,
                    rng: RandomSource(seed: seed, stream: 2_000_000_000 + UInt64(record.index))))
            let rows = writer.render(record)
            guard let days else {
                for row in rows { try sink.write(form: row.form.rawValue, row: row.values) }
                continue
            }
            var planner = QueryPlanner(
                context: context, layout: layout, rng: RandomSource(seed: seed, stream: 3_000_000_000 + UInt64(record.index)))
            let queries = planner.plan(rows, record: record)
            let now = renderer.rows(rows, record: record, queries: queries, on: days.asOf)
            for (i, values) in now { try sink.write(form: rows[i].form.rawValue, row: values) }
            if log != nil {
                let before = renderer.rows(rows, record: record, queries: queries, on: days.since)
                log!.add(
                    subject: record.subject, old: before, new: now, rows: rows, queries: queries, layout: layout,
                    since: days.since)
            }
        }
        try sink.end()
        return SimulationOutcome(summary: state.summary, changeLog: log)
    }
}

/// What `run(into:cut:logChanges:)` returns: the full history's counts and the change log, if asked for.
public struct SimulationOutcome: Sendable {
    /// Counts of the full history (up to the study's data cut-off), whatever the cut.
    public var summary: SimulationSummary
    public var changeLog: ChangeLog?
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
