/// Draws subjects one after another: consent dates in order, arms by permuted blocks.
struct GenericCohort {
    let study: StudyDefinitionFacts
    let profile: GenericProfile
    let seed: UInt64
    private var enrolment: RandomSource
    private var randomizer: BlockRandomizer
    private var lastConsent: Double
    private var perSite: [String: Int] = [:]
    private(set) var randomized = 0

    init(study: StudyDefinitionFacts, profile: GenericProfile, seed: UInt64) throws {
        self.study = study
        self.profile = profile
        self.seed = seed
        enrolment = RandomSource(seed: seed, stream: 1)
        randomizer = BlockRandomizer(ratio: study.ratio, blockSize: study.blockSize, rng: RandomSource(seed: seed, stream: 2))
        guard let start = StudyDay(iso: profile.enrolment.startDate) else {
            throw GenericProfileError.invalid(
                "enrolment.startDate", "\"\(profile.enrolment.startDate)\" is not a YYYY-MM-DD date")
        }
        lastConsent = Double(start.value)
    }

    /// The next screened subject (index from 0), its own random stream in `rng`.
    mutating func next(index: Int, rng: inout RandomSource) throws -> GenericSubject {
        if index > 0 { lastConsent += enrolment.exponential(mean: 30.4 / max(profile.enrolment.screenedPerMonth, 0.01)) }
        let consent = StudyDay(Int(lastConsent))
        let site = drawSite(&rng)
        perSite[site, default: 0] += 1
        let subject = "\(site)-\(GenericValues.zeroPadded(perSite[site]!, 3))"
        let age = Int(GenericValues.number(profile.age, rng: &rng, offset: 0).rounded())
        let birth = consent.minus(years: age) - rng.int(1...364)
        let screening = consent + rng.int(GenericValues.range(profile.enrolment.consentToScreeningDays))
        var record = GenericSubject(
            index: index, subject: subject, site: site, consent: consent, birth: birth, age: birth.years(until: consent),
            arm: nil, randomizationNumber: nil, visits: [(profile.visits[0].name, screening)], firstDose: nil,
            endOfStudy: screening, disposition: profile.disposition.screenFailure)
        guard !rng.chance(profile.enrolment.screenFailureRate) else { return record }
        randomized += 1
        record.arm = study.armCodes[randomizer.next()]
        record.randomizationNumber = profile.enrolment.randomizationPrefix + GenericValues.zeroPadded(randomized, 4)
        let day1 = max(consent + rng.int(GenericValues.range(profile.enrolment.consentToFirstDoseDays)), screening + 1)
        record.firstDose = day1
        schedule(&record, from: day1, rng: &rng)
        return record
    }

    /// The visits after screening: planned days within their windows, until the end of study or an early stop.
    private func schedule(_ record: inout GenericSubject, from day1: StudyDay, rng: inout RandomSource) {
        record.disposition = profile.disposition.completed
        let planned = profile.visits.dropFirst()
        for visit in planned {
            let window = visit.window ?? 0
            var date = day1 + (visit.day - 1) + rng.int(-window...window)
            date = max(date, (record.visits.last?.date ?? day1) + 1)
            if visit.name == profile.firstDoseVisit { date = day1 }
            let stops = date > day1 && visit.endOfStudy != true && rng.chance(profile.disposition.dropoutPerVisit)
            if stops, let end = planned.last(where: { $0.endOfStudy == true }) {
                let early = record.visits.last!.date + rng.int(GenericValues.range(profile.disposition.earlyEndDays))
                record.visits.append((end.name, early))
                record.endOfStudy = early
                record.stoppedEarly = true
                record.disposition =
                    profile.disposition.reasons.isEmpty
                    ? profile.disposition.completed : GenericValues.weighted(profile.disposition.reasons, &rng)
                return
            }
            record.visits.append((visit.name, date))
            record.endOfStudy = date
        }
    }

    private func drawSite(_ rng: inout RandomSource) -> String {
        guard let sites = profile.sites, !sites.isEmpty else { return rng.pick(study.siteIds) }
        return GenericValues.weighted(sites, &rng)
    }
}

/// The study.yaml facts the generic generator uses.
struct StudyDefinitionFacts {
    var armCodes: [String]
    var ratio: [Int]
    var blockSize: Int
    var siteIds: [String]
}
