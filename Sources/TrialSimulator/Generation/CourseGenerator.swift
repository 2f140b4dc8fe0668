/// Simulates a randomized subject's course: tumour, end of treatment, follow-up and death.
struct CourseGenerator {
    let context: SimulationContext

    /// Fills `record` from randomization to the data cut-off; returns the plan, nil when never dosed.
    func simulate(_ record: inout SubjectRecord, neverDosed: Bool, rng: inout RandomSource) -> CoursePlan? {
        let rand = record.randomization!
        TumourGenerator(context: context).baseline(&record, randomizedOn: rand.day, rng: &rng)
        let baselineECOG = rng.chance(0.4) ? 0 : 1
        record.ecog = [("Screening", record.screening, baselineECOG)]
        if neverDosed {
            let day = min(rand.day + rng.int(1...10), context.cutoff)
            record.endOfStudy = (day, "Discontinued", "Withdrawal by subject")
            return nil
        }
        let window = context.profile.enrolment.randomizationToDoseDays
        let firstDose = rand.day + rng.int(window[0]...window[1])
        record.firstDose = firstDose
        let event = competingEvent(firstDose: firstDose, rng: &rng)
        let horizon = min(context.cutoff, event?.day ?? context.cutoff)
        TumourGenerator(context: context).followUp(
            &record, armIndex: rand.armIndex, firstDose: firstDose, lastDay: horizon, rng: &rng)
        var plan = CoursePlan(firstDose: firstDose, stop: context.cutoff + 1, reason: nil, collectionEnd: context.cutoff)
        if let last = record.assessments.last, last.overall == "PD" {
            plan.stop = min(last.day + rng.int(1...7), context.cutoff)
            plan.reason = "Progressive disease"
        } else if let event {
            plan.stop = event.day
            plan.reason = event.reason
            if event.reason == "Death" { plan.fatalAdverseEventDay = event.day }
        }
        if let reason = plan.reason {
            record.endOfTreatment = (plan.stop, reason)
            if reason != "Death" {
                record.ecog.append(
                    ("End of Treatment", plan.stop, min(baselineECOG + (reason == "Progressive disease" ? 1 : 0), 2)))
            }
            followUp(&record, plan: plan, baselineECOG: baselineECOG, rng: &rng)
        }
        let safetyEnd = plan.reason == nil ? context.cutoff : plan.stop + context.schedule.safetyFollowUpDays
        plan.collectionEnd = min(safetyEnd, context.cutoff, record.death?.day ?? context.cutoff)
        return plan
    }

    /// The earliest reason, other than progression, to stop treatment (before the cut-off), if any.
    private func competingEvent(firstDose: StudyDay, rng: inout RandomSource) -> (day: StudyDay, reason: String)? {
        let d = context.profile.disposition
        let reasons = [
            ("Adverse event", d.adverseEventDiscontinuationRate), ("Withdrawal by subject", d.withdrawalRate),
            ("Physician decision", d.physicianDecisionRate), ("Lost to follow-up", d.lostToFollowUpRate),
            ("Death", d.fatalAdverseEventRate),
        ]
        var earliest: (day: StudyDay, reason: String)?
        for (reason, rate) in reasons where rng.chance(rate) {
            let day = firstDose + rng.int(10...240)
            if day <= context.cutoff, day < (earliest?.day ?? context.cutoff + 1) { earliest = (day, reason) }
        }
        return earliest
    }

    /// Safety follow-up, survival follow-up, death and end of study after the end of treatment.
    private func followUp(_ record: inout SubjectRecord, plan: CoursePlan, baselineECOG: Int, rng: inout RandomSource) {
        let d = context.profile.disposition
        switch plan.reason {
        case "Death":
            record.death = (plan.stop, "Adverse event")
            record.endOfStudy = (plan.stop, "Discontinued", "Death")
            return
        case "Lost to follow-up":
            record.endOfStudy = (plan.stop, "Discontinued", "Lost to follow-up")
            return
        case "Withdrawal by subject" where rng.chance(0.5):
            record.endOfStudy = (plan.stop, "Discontinued", "Withdrawal by subject")
            return
        default: break
        }
        let progressed = plan.reason == "Progressive disease"
        let survivalWeeks = rng.exponential(mean: d.meanWeeksProgressionToDeath * (progressed ? 1 : 2))
        let deathDay = plan.stop + 1 + Int(survivalWeeks * 7)
        let completeDay = plan.stop + d.followUpWeeks * 7
        var lossDay: StudyDay?
        if rng.chance(d.followUpLossRate) { lossDay = plan.stop + 30 + rng.int(0...300) }
        let safety = plan.stop + context.schedule.safetyFollowUpDays
        let firstExit = min(deathDay, lossDay ?? deathDay, completeDay)
        if safety <= context.cutoff, safety < firstExit {
            record.ecog.append(("Follow-up 1", safety, min(baselineECOG + (progressed ? 1 : 0), 3)))
        }
        guard firstExit <= context.cutoff else { return }
        if firstExit == deathDay {
            record.death = (deathDay, progressed || rng.chance(0.7) ? "Disease progression" : "Other")
            record.endOfStudy = (deathDay, "Discontinued", "Death")
        } else if firstExit == lossDay {
            record.endOfStudy = (firstExit, "Discontinued", "Lost to follow-up")
        } else {
            record.endOfStudy = (firstExit, "Completed", "")
        }
    }
}
