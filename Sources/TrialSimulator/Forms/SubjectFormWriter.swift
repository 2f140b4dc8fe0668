/// Renders one simulated subject's full history as rows of the EDC forms, in export order.
struct SubjectFormWriter {
    let context: SimulationContext
    var mess: Messiness
    private(set) var rows: [EDCRow] = []
    /// Measurements written as not done so far (picks the next reason in turn).
    private var notDoneCount = 0

    init(context: SimulationContext, mess: Messiness) {
        self.context = context
        self.mess = mess
    }

    private mutating func put(
        _ form: EDCForm, _ record: SubjectRecord, _ values: [String], on day: StudyDay, _ evolution: EDCRow.Evolution? = nil
    ) {
        rows.append(EDCRow(form: form, values: [record.site, record.subject] + values, entered: day, evolution: evolution))
    }

    /// The subject's rows; the messiness draws are the same whatever is done with them.
    mutating func render(_ r: SubjectRecord) -> [EDCRow] {
        rows = []
        writeScreening(r)
        if let rand = r.randomization { writeRandomization(r, rand) }
        writeDoses(r)
        writeAdverseEvents(r)
        writeTumour(r)
        writeDisposition(r)
        return rows
    }

    private mutating func writeScreening(_ r: SubjectRecord) {
        put(.ic, r, ["Screening", r.consent.edc, mess.time(r.consentTime), r.consentVersion], on: r.screening)
        put(.elig, r, ["Screening", r.screening.edc, mess.yesNo(r.failedCriteria.isEmpty)], on: r.screening)
        for (i, id) in r.failedCriteria.enumerated() {
            let category = context.criteria[id] ?? "Inclusion"
            put(
                .ienm, r, [String(i + 1), mess.label(category), SimulationContext.edcCriterionCode(id), r.screening.edc],
                on: r.screening)
        }
        let birth = mess.date(r.birth, partialRate: mess.rates.partialBirthDateRate)
        put(
            .dm, r,
            [
                "Screening", r.screening.edc, birth, String(r.age), mess.label(r.male ? "Male" : "Female"), mess.label(r.race),
                mess.label(r.ethnicity),
            ], on: r.screening)
        for e in r.ecog.sorted(by: { $0.day < $1.day }) { put(.ecog, r, [e.folder, e.day.edc, mess.ecog(e.grade)], on: e.day) }
    }

    private mutating func writeRandomization(_ r: SubjectRecord, _ rand: RandomizationRecord) {
        let arm = context.arms[rand.armIndex].profile.irtLabel
        let choice = rand.choice.map { context.drugs[$0]?.profile.edcName ?? $0 } ?? ""
        put(.rand, r, [rand.number, rand.day.edc, mess.time(rand.time), arm, mess.label(choice), rand.stratum], on: rand.day)
    }

    private mutating func writeDoses(_ r: SubjectRecord) {
        for (i, d) in r.doses.enumerated() {
            let name = context.drugs[d.treatment]?.profile.edcName ?? d.treatment
            put(
                .ex, r,
                [
                    "Cycle \(d.cycle)", String(i + 1), mess.label(name), d.start.edc, mess.time(d.startTime), d.end.edc,
                    mess.time(d.endTime),
                    SubjectFormWriter.number(d.dose), d.unit, mess.label(d.adjustment ?? ""),
                    d.adjustment == nil ? "" : mess.label("Adverse event"),
                ], on: d.start, .dosing(end: d.end))
        }
    }

    private mutating func writeAdverseEvents(_ r: SubjectRecord) {
        for (i, e) in r.adverseEvents.enumerated() {
            let rate = mess.rates.partialAEDateRate
            var row = [
                String(i + 1), e.term, e.profile.pt, e.profile.soc, e.profile.socCode ?? "",
                mess.date(e.start, partialRate: rate),
                mess.time(e.startTime),
            ]
            row += [mess.date(e.end, partialRate: e.fatal ? 0 : rate), mess.yesNo(e.end == nil), mess.grade(e.grade)]
            row += [e.serious, e.fatal, e.hospitalised, e.lifeThreatening, false, false, false].map { mess.yesNo($0) }
            row += e.relationships.map { mess.label($0) }
            row += [mess.label(e.action), mess.label(e.outcome)]
            put(.ae, r, row, on: e.start, .adverseEvent(end: e.end, fatal: e.fatal, serious: e.hospitalised || e.lifeThreatening))
        }
    }

    private mutating func writeTumour(_ r: SubjectRecord) {
        for l in r.lesions {
            put(
                .tl, r,
                [
                    l.folder, l.id, l.kind.rawValue, mess.label(l.site.location), l.laterality ?? "", mess.yesNo(l.site.node),
                    l.site.method, l.day.edc,
                ], on: l.day)
        }
        let reasons = context.profile.tumour.notDoneReasons
        for a in r.assessments {
            for d in a.diameters {
                let notDone = d.mm == nil
                // Reasons in turn, so the random draws (and every other value) stay as they were.
                let reason = notDone && !reasons.isEmpty ? reasons[notDoneCount % reasons.count] : ""
                if notDone { notDoneCount += 1 }
                put(
                    .tm, r, [a.folder, d.id, a.day.edc, d.mm.map(String.init) ?? "", "", notDone ? "Not done" : "", reason],
                    on: a.day)
            }
            for s in a.states { put(.tm, r, [a.folder, s.id, a.day.edc, "", mess.label(s.state), "", ""], on: a.day) }
        }
        for a in r.assessments.dropFirst() {
            put(
                .rs, r,
                [
                    a.folder, a.day.edc, mess.response(a.targetResponse), mess.response(a.nonTargetResponse),
                    mess.yesNo(a.newLesion), mess.response(a.overall),
                ], on: a.day)
        }
        if let best = r.bestResponse { put(.bor, r, [best.day.edc, mess.response(best.response)], on: best.day, .bestResponse) }
    }

    private mutating func writeDisposition(_ r: SubjectRecord) {
        if let eot = r.endOfTreatment {
            let specs = context.profile.disposition.eotSpecifications.filter { $0.value == eot.reason }
            let spec = !specs.isEmpty && mess.rng.chance(0.5) ? mess.rng.pick(specs).label : ""
            put(.eot, r, [eot.day.edc, mess.label(eot.reason), spec], on: eot.day)
        }
        if let eos = r.endOfStudy { put(.eos, r, [eos.day.edc, mess.label(eos.status), mess.label(eos.reason)], on: eos.day) }
        if let death = r.death { put(.death, r, [death.day.edc, mess.label(death.cause)], on: death.day) }
    }

    /// A dose without trailing `.0`, independent of locale.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
