/// Simulates consent, demographics and eligibility of one screened subject.
struct ScreeningGenerator {
    let context: SimulationContext

    /// A screened subject; screen failures get the criteria they do not meet.
    func screen(index: Int, site: String, subject: String, consent: StudyDay, fails: Bool, rng: inout RandomSource)
        -> SubjectRecord
    {
        let profile = context.profile
        let failed = fails ? failedCriteria(rng: &rng) : []
        let age = age(failsAgeCriterion: failed.contains(profile.screenFailure.ageCriterion), rng: &rng)
        let birth = consent.minus(years: age) - rng.int(1...364)
        let races = profile.demographics.races
        return SubjectRecord(
            index: index, site: site, subject: subject, consent: consent,
            consentTime: ClockTime(minutes: rng.int(8 * 60...16 * 60)),
            consentVersion: rng.pick(profile.enrolment.consentVersions),
            screening: consent + rng.int(0...2), birth: birth, age: birth.years(until: consent),
            male: rng.chance(profile.demographics.maleFraction),
            race: races[rng.index(weights: races.map(\.weight))].value,
            ethnicity: profile.demographics.ethnicity, failedCriteria: failed)
    }

    private func failedCriteria(rng: inout RandomSource) -> [String] {
        let options = context.profile.screenFailure.criteria
        let weights = options.map(\.weight)
        var ids = [options[rng.index(weights: weights)].value]
        if rng.chance(context.profile.screenFailure.secondCriterionRate) {
            let second = options[rng.index(weights: weights)].value
            if second != ids[0] { ids.append(second) }
        }
        // Inclusion criteria first, then by id, as the EDC log lists them.
        let rank = { (id: String) in context.criteria[id] == "Exclusion" ? 1 : 0 }
        return ids.sorted { (rank($0), $0) < (rank($1), $1) }
    }

    private func age(failsAgeCriterion: Bool, rng: inout RandomSource) -> Int {
        let population = context.study.population
        // With no upper limit, a subject failing on age is too young.
        if failsAgeCriterion {
            return population.maximumAge.map { $0 + rng.int(1...5) } ?? max(population.minimumAge - rng.int(1...3), 0)
        }
        let demographics = context.profile.demographics
        let drawn = Int(rng.normal(mean: demographics.ageMean, sd: demographics.ageSD).rounded())
        return min(max(drawn, population.minimumAge), population.maximumAge ?? Int.max)
    }

    /// Randomizes an eligible subject into `armIndex`.
    func randomize(_ record: inout SubjectRecord, armIndex: Int, number: Int, rng: inout RandomSource) {
        let arm = context.arms[armIndex]
        let window = context.profile.enrolment.consentToRandomizationDays
        let day = max(record.screening + 1, record.consent + rng.int(window[0]...window[1]))
        var treatments = arm.fixed
        var choice: String?
        if !arm.choices.isEmpty {
            choice = arm.choices[rng.index(weights: arm.choiceWeights)]
            treatments.append(choice!)
        }
        let strata = context.profile.randomization.strata
        record.randomization = RandomizationRecord(
            number: context.profile.randomization.numberPrefix + SimulationContext.padded(number, width: 4),
            day: day, time: ClockTime(minutes: rng.int(8 * 60...17 * 60)), armIndex: armIndex,
            treatments: treatments, choice: choice, stratum: strata[rng.index(weights: strata.map(\.weight))].value)
    }
}

extension SimulationContext {
    /// `n` with leading zeros to at least `width` digits.
    static func padded(_ n: Int, width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
