/// Writes one simulated subject as rows of the EDC forms.
struct SubjectFormWriter {
    let context: SimulationContext
    let sink: EDCFormSink
    var mess: Messiness

    private func put(_ form: EDCForm, _ record: SubjectRecord, _ values: [String]) throws {
        try sink.write(form: form.rawValue, row: [record.site, record.subject] + values)
    }

    mutating func write(_ r: SubjectRecord) throws {
        try writeScreening(r)
        if let rand = r.randomization { try writeRandomization(r, rand) }
        try writeDoses(r)
        try writeAdverseEvents(r)
        try writeTumour(r)
        try writeDisposition(r)
    }

    private mutating func writeScreening(_ r: SubjectRecord) throws {
        try put(.ic, r, ["Screening", r.consent.edc, mess.time(r.consentTime), r.consentVersion])
        try put(.elig, r, ["Screening", r.screening.edc, mess.yesNo(r.failedCriteria.isEmpty)])
        for (i, id) in r.failedCriteria.enumerated() {
            let category = context.criteria[id] ?? "Inclusion"
            try put(.ienm, r, [String(i + 1), mess.label(category), SimulationContext.edcCriterionCode(id), r.screening.edc])
        }
        let birth = mess.date(r.birth, partialRate: mess.rates.partialBirthDateRate)
        try put(.dm, r, ["Screening", r.screening.edc, birth, String(r.age), mess.label(r.male ? "Male" : "Female"), mess.label(r.race), mess.label(r.ethnicity)])
        for e in r.ecog.sorted(by: { $0.day < $1.day }) { try put(.ecog, r, [e.folder, e.day.edc, mess.ecog(e.grade)]) }
    }

    private mutating func writeRandomization(_ r: SubjectRecord, _ rand: RandomizationRecord) throws {
        let arm = context.arms[rand.armIndex].profile.irtLabel
        let choice = rand.choice.map { context.drugs[$0]?.profile.edcName ?? $0 } ?? ""
        try put(.rand, r, [rand.number, rand.day.edc, mess.time(rand.time), arm, mess.label(choice), rand.stratum])
    }

    private mutating func writeDoses(_ r: SubjectRecord) throws {
        for (i, d) in r.doses.enumerated() {
            let name = context.drugs[d.treatment]?.profile.edcName ?? d.treatment
            try put(.ex, r, [
                "Cycle \(d.cycle)", String(i + 1), mess.label(name), d.start.edc, mess.time(d.startTime), d.end.edc, mess.time(d.endTime),
                SubjectFormWriter.number(d.dose), d.unit, mess.label(d.adjustment ?? ""), d.adjustment == nil ? "" : mess.label("Adverse event"),
            ])
        }
    }

    private mutating func writeAdverseEvents(_ r: SubjectRecord) throws {
        for (i, e) in r.adverseEvents.enumerated() {
            let rate = mess.rates.partialAEDateRate
            var row = [String(i + 1), e.term, e.profile.pt, e.profile.soc, mess.date(e.start, partialRate: rate), mess.time(e.startTime)]
            row += [mess.date(e.end, partialRate: e.fatal ? 0 : rate), mess.yesNo(e.end == nil), mess.grade(e.grade)]
            row += [e.serious, e.fatal, e.hospitalised, e.lifeThreatening, false, false, false].map { mess.yesNo($0) }
            row += e.relationships.map { mess.label($0) }
            row += [mess.label(e.action), mess.label(e.outcome)]
            try put(.ae, r, row)
        }
    }

    private mutating func writeTumour(_ r: SubjectRecord) throws {
        for l in r.lesions {
            try put(.tl, r, [l.folder, l.id, l.kind.rawValue, mess.label(l.site.location), l.laterality ?? "", mess.yesNo(l.site.node), l.site.method, l.day.edc])
        }
        for a in r.assessments {
            for d in a.diameters {
                try put(.tm, r, [a.folder, d.id, a.day.edc, d.mm.map(String.init) ?? "", "", d.mm == nil ? "Not done" : ""])
            }
            for s in a.states { try put(.tm, r, [a.folder, s.id, a.day.edc, "", mess.label(s.state), ""]) }
        }
        for a in r.assessments.dropFirst() {
            try put(.rs, r, [
                a.folder, a.day.edc, mess.response(a.targetResponse), mess.response(a.nonTargetResponse),
                mess.yesNo(a.newLesion), mess.response(a.overall),
            ])
        }
        if let best = r.bestResponse { try put(.bor, r, [best.day.edc, mess.response(best.response)]) }
    }

    private mutating func writeDisposition(_ r: SubjectRecord) throws {
        if let eot = r.endOfTreatment {
            let specs = context.profile.disposition.eotSpecifications.filter { $0.value == eot.reason }
            let spec = !specs.isEmpty && mess.rng.chance(0.5) ? mess.rng.pick(specs).label : ""
            try put(.eot, r, [eot.day.edc, mess.label(eot.reason), spec])
        }
        if let eos = r.endOfStudy { try put(.eos, r, [eos.day.edc, mess.label(eos.status), mess.label(eos.reason)]) }
        if let death = r.death { try put(.death, r, [death.day.edc, mess.label(death.cause)]) }
    }

    /// A dose without trailing `.0`, independent of locale.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
