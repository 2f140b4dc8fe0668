/// Simulates adverse events of a dosed subject and the dose changes they cause.
struct AdverseEventGenerator {
    let context: SimulationContext

    /// Adds the subject's adverse events (sorted by onset) and returns the dose changes they cause.
    func simulate(_ record: inout SubjectRecord, plan: CoursePlan, rng: inout RandomSource) -> [DoseModification] {
        let exposure = exposedCodes(record.randomization!.treatments)
        var events: [AdverseEvent] = []
        for entry in context.profile.adverseEvents where isExposed(entry, exposure) {
            events += episodes(of: entry, plan: plan, rng: &rng)
        }
        if plan.reason == "Adverse event", let entry = pick(exposure, rng: &rng, where: { !$0.drugs.isEmpty }) {
            var e = event(entry, onset: max(plan.firstDose, plan.stop - rng.int(0...10)), grade: 3, rng: &rng)
            e.action = "Drug withdrawn"
            events.append(e)
        }
        if let day = plan.fatalAdverseEventDay, let entry = pick(exposure, rng: &rng, where: { $0.canBeFatal == true }) {
            events.append(fatal(entry, onset: max(plan.firstDose, day - rng.int(0...5)), death: day, rng: &rng))
        }
        let deathDay = record.death?.day
        var modifications: [DoseModification] = []
        var reductions: [String: Int] = [:]
        for i in events.indices {
            finish(&events[i], plan: plan, deathDay: deathDay, exposure: exposure, rng: &rng)
            if let m = modification(
                for: &events[i], plan: plan, treatments: record.randomization!.treatments, reductions: &reductions, rng: &rng)
            {
                modifications.append(m)
            }
        }
        record.adverseEvents = events.sorted { ($0.start, $0.profile.pt) < ($1.start, $1.profile.pt) }
        return modifications
    }

    /// Episodes of one catalogue event: the first with its probability, each further one with the recurrence rate.
    private func episodes(of entry: SimulationProfile.AdverseEventProfile, plan: CoursePlan, rng: inout RandomSource)
        -> [AdverseEvent]
    {
        var out: [AdverseEvent] = []
        var onset = plan.firstDose + 1 + Int(rng.exponential(mean: 40))
        var chance = entry.probability
        while out.count < 4, onset <= plan.collectionEnd, rng.chance(chance) {
            let e = event(entry, onset: onset, grade: rng.index(weights: entry.grades) + 1, rng: &rng)
            out.append(e)
            onset = e.end! + 7 + Int(rng.exponential(mean: 35))
            chance = context.profile.adverseEventRecurrenceRate
        }
        return out
    }

    /// The subject's treatment codes plus the choice slots (e.g. `CHEMO`) they fill.
    private func exposedCodes(_ treatments: [String]) -> Set<String> {
        var codes = Set(treatments)
        for t in context.study.treatments where !(t.choiceOf ?? []).filter(codes.contains).isEmpty { codes.insert(t.code) }
        return codes
    }

    private func isExposed(_ entry: SimulationProfile.AdverseEventProfile, _ exposure: Set<String>) -> Bool {
        entry.drugs.isEmpty || entry.drugs.contains(where: exposure.contains)
    }

    private func pick(_ exposure: Set<String>, rng: inout RandomSource, where ok: (SimulationProfile.AdverseEventProfile) -> Bool)
        -> SimulationProfile.AdverseEventProfile?
    {
        let candidates = context.profile.adverseEvents.filter { ok($0) && isExposed($0, exposure) }
        return candidates.isEmpty ? nil : rng.pick(candidates)
    }

    private func event(_ entry: SimulationProfile.AdverseEventProfile, onset: StudyDay, grade: Int, rng: inout RandomSource)
        -> AdverseEvent
    {
        let term = rng.chance(0.7) ? entry.terms[0] : rng.pick(entry.terms)
        var e = AdverseEvent(
            profile: entry, term: term, start: onset,
            startTime: rng.chance(0.25) ? ClockTime(minutes: rng.int(7 * 60...20 * 60)) : nil,
            end: onset + Int(rng.exponential(mean: 8 + 6 * Double(grade))), grade: grade)
        if grade >= 3, rng.chance(entry.seriousRate) {
            e.hospitalised = true
            e.lifeThreatening = grade == 4 && rng.chance(0.5)
        }
        return e
    }

    private func fatal(_ entry: SimulationProfile.AdverseEventProfile, onset: StudyDay, death: StudyDay, rng: inout RandomSource)
        -> AdverseEvent
    {
        var e = event(entry, onset: onset, grade: 5, rng: &rng)
        e.end = death
        e.fatal = true
        e.hospitalised = rng.chance(0.6)
        e.action = "Drug withdrawn"
        e.outcome = "Fatal"
        return e
    }

    /// Relationships, end, outcome and the default action of an event.
    private func finish(
        _ e: inout AdverseEvent, plan: CoursePlan, deathDay: StudyDay?, exposure: Set<String>, rng: inout RandomSource
    ) {
        e.relationships = context.profile.relationshipColumns.map { column in
            guard column.treatments.contains(where: exposure.contains) else { return "" }
            let causes = column.treatments.contains(where: e.profile.drugs.contains)
            return rng.chance(causes ? 0.85 : 0.1) ? "Related" : "Not related"
        }
        if e.fatal { return }
        let limit = min(context.cutoff, deathDay ?? context.cutoff)
        if let end = e.end, end > limit {
            e.end = nil
            e.outcome = rng.chance(0.5) ? "Recovering/Resolving" : "Not recovered/Not resolved"
        } else if rng.chance(0.05) {
            e.outcome = "Recovered/Resolved with sequelae"
        }
        if e.start >= plan.stop, e.action == "Dose not changed" { e.action = "Not applicable" }
    }

    /// A dose change of one related drug for a grade >= 2 event on treatment, with the event's action.
    private func modification(
        for e: inout AdverseEvent, plan: CoursePlan, treatments: [String], reductions: inout [String: Int],
        rng: inout RandomSource
    ) -> DoseModification? {
        guard e.grade >= 2, !e.fatal, e.action == "Dose not changed", e.start < plan.stop else { return nil }
        for (i, column) in context.profile.relationshipColumns.enumerated() where e.relationships[i] == "Related" {
            for code in treatments where column.treatments.contains(code) {
                guard let drug = context.drugs[code]?.profile else { continue }
                let day = e.start + rng.int(1...3)
                if reductions[code, default: 0] < drug.reducedDoses.count, rng.chance(drug.reductionRate) {
                    reductions[code, default: 0] += 1
                    e.action = "Dose reduced"
                    return DoseModification(treatment: code, kind: .reduce, day: day, until: day)
                }
                let oral = drug.infusionMinutes == nil
                if rng.chance(oral ? drug.interruptionRate : drug.delayRate) {
                    e.action = "Drug interrupted"
                    return DoseModification(
                        treatment: code, kind: oral ? .interrupt : .delay, day: day, until: day + rng.int(4...13))
                }
            }
        }
        return nil
    }
}
