/// Simulates study drug administration (one row per constant-dosing interval) cycle by cycle.
struct DosingGenerator {
    let context: SimulationContext

    /// Adds dose records and `Cycle N Day 1` ECOG visits from the first dose until the plan's stop.
    func simulate(_ record: inout SubjectRecord, plan: CoursePlan, modifications: [DoseModification], rng: inout RandomSource) {
        let treatments = record.randomization!.treatments
        let cycleLength = context.schedule.cycleLengthDays
        let lastDay = min(plan.stop - 1, context.cutoff)
        let ecog = record.ecog.first?.grade ?? 0
        var state = DrugState()
        var start = plan.firstDose
        var cycle = 1
        var delayed = false
        while start <= lastDay {
            record.ecog.append(("Cycle \(cycle) Day 1", start, rng.chance(0.1) ? min(ecog + 1, 2) : ecog))
            for code in treatments {
                guard let drug = context.drugs[code] else { continue }
                if drug.isChoice, let cap = context.schedule.maxChemotherapyCycles, cycle > cap { continue }
                let rows =
                    drug.profile.infusionMinutes == nil
                    ? oral(drug, cycle: cycle, start: start, lastDay: lastDay, modifications: modifications, state: &state)
                    : infusions(
                        drug, cycle: cycle, start: start, lastDay: lastDay, delayed: delayed, modifications: modifications,
                        state: &state, rng: &rng)
                record.doses += rows
            }
            let next = start + cycleLength
            delayed = modifications.contains { $0.kind == .delay && $0.day >= start && $0.day < next }
            start = next + (delayed ? 7 : 0)
            cycle += 1
        }
    }

    /// Per drug: the last dose given and whether the previous day was interrupted.
    private struct DrugState {
        var lastDose: [String: Double] = [:]
    }

    private func dose(_ drug: SimulationContext.DrugPlan, on day: StudyDay, modifications: [DoseModification]) -> Double {
        let n = modifications.filter { $0.treatment == drug.definition.code && $0.kind == .reduce && $0.day <= day }.count
        return n == 0 ? drug.definition.dose! : drug.profile.reducedDoses[min(n, drug.profile.reducedDoses.count) - 1]
    }

    private func infusions(
        _ drug: SimulationContext.DrugPlan, cycle: Int, start: StudyDay, lastDay: StudyDay, delayed: Bool,
        modifications: [DoseModification], state: inout DrugState, rng: inout RandomSource
    ) -> [DoseRecord] {
        var rows: [DoseRecord] = []
        for cycleDay in drug.definition.cycleDays ?? [1] {
            let day = start + cycleDay - 1
            guard day <= lastDay else { break }
            let amount = dose(drug, on: day, modifications: modifications)
            let begin = ClockTime(minutes: 8 * 60 + 5 * rng.int(0...30))
            let end = ClockTime(minutes: begin.minutes + drug.profile.infusionMinutes! + 5 * rng.int(0...4))
            var row = DoseRecord(
                cycle: cycle, treatment: drug.definition.code, start: day, startTime: begin, end: day, endTime: end,
                dose: amount, unit: drug.definition.doseUnit!)
            if delayed, rows.isEmpty {
                row.adjustment = "Dose delayed"
            } else if let last = state.lastDose[drug.definition.code], amount < last {
                row.adjustment = "Dose reduced"
            }
            state.lastDose[drug.definition.code] = amount
            rows.append(row)
        }
        return rows
    }

    private func oral(
        _ drug: SimulationContext.DrugPlan, cycle: Int, start: StudyDay, lastDay: StudyDay,
        modifications: [DoseModification], state: inout DrugState
    ) -> [DoseRecord] {
        let code = drug.definition.code
        let days = Set(drug.definition.cycleDays ?? Array(1...context.schedule.cycleLengthDays))
        let pauses = modifications.filter { $0.treatment == code && $0.kind == .interrupt }
        var rows: [DoseRecord] = []
        var paused = false
        var day = start
        let periodEnd = min(start + context.schedule.cycleLengthDays - 1, lastDay)
        while day <= periodEnd {
            if !days.contains(day - start + 1) {
                day = day + 1
                continue
            }
            if pauses.contains(where: { $0.day <= day && day <= $0.until }) {
                paused = true
                day = day + 1
                continue
            }
            let amount = dose(drug, on: day, modifications: modifications)
            if let open = rows.last, open.end == day - 1, open.dose == amount {
                rows[rows.count - 1].end = day
            } else {
                var row = DoseRecord(
                    cycle: cycle, treatment: code, start: day, end: day, dose: amount, unit: drug.definition.doseUnit!)
                if paused {
                    row.adjustment = "Dose interrupted"
                } else if let last = state.lastDose[code], amount < last {
                    row.adjustment = "Dose reduced"
                }
                rows.append(row)
            }
            paused = false
            state.lastDose[code] = amount
            day = day + 1
        }
        return rows
    }
}
