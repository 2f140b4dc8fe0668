/// The state of one run carried from subject to subject: calendar, numbering, randomization.
struct RunState {
    let simulator: EDCSimulator
    let context: SimulationContext
    var summary = SimulationSummary()
    private var main: RandomSource
    private var randomizer: BlockRandomizer
    private var neverDosed: Set<Int>
    private var clock: Double
    private let screensPerDay: Double
    private let lastConsent: StudyDay
    private var perSite: [String: Int] = [:]
    private var disagreementsLeft: Int

    init(simulator: EDCSimulator, context: SimulationContext) {
        self.simulator = simulator
        self.context = context
        let seed = simulator.seed
        main = RandomSource(seed: seed, stream: 1)
        let design = context.study.design.randomization
        let ratio = design?.ratio ?? Array(repeating: 1, count: context.arms.count)
        randomizer = BlockRandomizer(
            ratio: ratio, blockSize: design?.blockSize ?? context.profile.randomization.defaultBlockSize,
            rng: RandomSource(seed: seed, stream: 2))
        var pick = RandomSource(seed: seed, stream: 3)
        neverDosed = RunState.choose(
            count: Int((context.profile.enrolment.neverDosedRate * Double(simulator.subjects)).rounded()),
            from: simulator.subjects, rng: &pick)
        let enrolment = context.profile.enrolment
        lastConsent = context.cutoff - 90
        let expected = Double(simulator.subjects) / max(0.05, 1 - enrolment.screenFailureRate)
        let scale = Double(simulator.subjects) / Double(max(1, context.study.plannedEnrollment))
        screensPerDay = max(enrolment.screenedPerMonth * scale / 30.44, expected / Double(max(1, lastConsent - context.start)))
        clock = Double(context.start.value)
        disagreementsLeft = context.profile.tumour.investigatorDisagreements
    }

    /// `count` distinct indices below `n` (at least one), by Floyd's algorithm.
    static func choose(count: Int, from n: Int, rng: inout RandomSource) -> Set<Int> {
        var chosen = Set<Int>()
        let k = min(max(count, 1), n)
        for j in (n - k)..<n {
            let t = rng.int(0...j)
            chosen.insert(chosen.contains(t) ? j : t)
        }
        return chosen
    }

    /// Screens the next subject and, when eligible, randomizes and follows them.
    mutating func nextSubject() -> SubjectRecord {
        let index = summary.screened
        let consent = StudyDay(min(Int(clock), lastConsent.value))
        clock += main.exponential(mean: 1 / screensPerDay)
        let fails = main.chance(context.profile.enrolment.screenFailureRate)
        let site = context.study.sites[main.int(0...(context.study.sites.count - 1))].id
        perSite[site, default: 0] += 1
        let number = "\(site)-\(SimulationContext.padded(perSite[site]!, width: 4))"
        var rng = RandomSource(seed: simulator.seed, stream: 1_000_000 + UInt64(index))
        let screening = ScreeningGenerator(context: context)
        var record = screening.screen(index: index, site: site, subject: number, consent: consent, fails: fails, rng: &rng)
        guard !fails else {
            record.ecog = [("Screening", record.screening, rng.chance(0.4) ? 0 : 1)]
            record.endOfStudy = (record.screening + rng.int(1...7), "Discontinued", "Screen failure")
            return record
        }
        let ordinal = summary.randomized
        screening.randomize(&record, armIndex: randomizer.next(), number: ordinal + 1, rng: &rng)
        summary.randomized += 1
        summary.randomizedPerArm[context.arms[record.randomization!.armIndex].code, default: 0] += 1
        follow(&record, neverDosed: neverDosed.contains(ordinal), rng: &rng)
        return record
    }

    private mutating func follow(_ record: inout SubjectRecord, neverDosed: Bool, rng: inout RandomSource) {
        guard let plan = CourseGenerator(context: context).simulate(&record, neverDosed: neverDosed, rng: &rng) else {
            summary.neverDosed.append(record.subject)
            return
        }
        let modifications = AdverseEventGenerator(context: context).simulate(&record, plan: plan, rng: &rng)
        DosingGenerator(context: context).simulate(&record, plan: plan, modifications: modifications, rng: &rng)
        if disagreementsLeft > 0, main.chance(0.15), InvestigatorDisagreement.apply(to: &record) { disagreementsLeft -= 1 }
        let responses = record.assessments.dropFirst().map { (day: $0.day, overall: $0.overall) }
        record.bestResponse = RecistRules.best(
            responses: Array(responses), firstDose: plan.firstDose,
            minimumSDDays: 7 * context.schedule.tumourAssessmentEveryWeeks)
    }
}
