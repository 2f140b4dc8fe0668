import Foundation

/// Simulates baseline lesions and the tumour assessments that follow, with RECIST 1.1 responses.
struct TumourGenerator {
    let context: SimulationContext

    private var tumour: SimulationProfile.TumourProfile { context.profile.tumour }

    /// Identifies baseline lesions on a scan between screening and randomization.
    func baseline(_ record: inout SubjectRecord, randomizedOn day: StudyDay, rng: inout RandomSource) {
        let scan = record.screening + rng.int(0...max(0, day - record.screening - 1))
        let sites = tumour.sites
        var perOrgan: [String: Int] = [:]
        let targets = rng.index(weights: tumour.targetCountWeights) + 1
        for _ in 0..<targets {
            let candidates = sites.indices.filter { sites[$0].measurable && perOrgan[sites[$0].organ, default: 0] < 2 }
            guard !candidates.isEmpty else { break }
            let site = sites[candidates[rng.index(weights: candidates.map { sites[$0].weight })]]
            perOrgan[site.organ, default: 0] += 1
            record.lesions.append(
                lesion(
                    id: "T", number: record.lesions.count + 1, kind: .target, site: site, folder: "Screening", day: scan,
                    rng: &rng))
        }
        let nonTargets = rng.index(weights: tumour.nonTargetCountWeights)
        for n in 0..<nonTargets {
            let site = sites[rng.index(weights: sites.map(\.weight))]
            record.lesions.append(
                lesion(id: "NT", number: n + 1, kind: .nonTarget, site: site, folder: "Screening", day: scan, rng: &rng))
        }
        record.assessments = [
            TumourAssessment(
                folder: "Screening", day: scan,
                diameters: record.lesions.filter { $0.kind == .target }.map { ($0.id, $0.baselineMM) },
                states: record.lesions.filter { $0.kind == .nonTarget }.map { ($0.id, "Present") })
        ]
    }

    private func lesion(
        id: String, number: Int, kind: Lesion.Kind, site: SimulationProfile.LesionSite, folder: String, day: StudyDay,
        rng: inout RandomSource
    ) -> Lesion {
        Lesion(
            id: id + SimulationContext.padded(number, width: 2), kind: kind, site: site,
            laterality: site.lateral ? (rng.chance(0.5) ? "Left" : "Right") : nil,
            baselineMM: rng.int(site.sizeMM[0]...site.sizeMM[1]), folder: folder, day: day)
    }

    /// Post-baseline assessments from `firstDose` up to `lastDay`, ending at the first PD.
    func followUp(_ record: inout SubjectRecord, armIndex: Int, firstDose: StudyDay, lastDay: StudyDay, rng: inout RandomSource) {
        var path = TumourPath(
            arm: context.arms[armIndex].profile, tumour: tumour, hasNonTargets: record.lesions.contains { $0.kind == .nonTarget },
            rng: &rng)
        let targets = record.lesions.filter { $0.kind == .target }
        let baselineSum = targets.map(\.baselineMM).reduce(0, +)
        var nadir = baselineSum
        let weeks = context.schedule.tumourAssessmentEveryWeeks
        var k = 1
        while true {
            let delay = rng.int(tumour.assessmentDelayDays[0]...tumour.assessmentDelayDays[1])
            let day = firstDose + weeks * 7 * k + delay
            if day > lastDay { break }
            let step = path.step(k, baselineSum: baselineSum, nadir: nadir, rng: &rng)
            var a = assessment(folder: "Week \(weeks * k)", day: day, targets: targets, ratio: step.ratio, rng: &rng)
            a.states = record.lesions.filter { $0.kind == .nonTarget }.enumerated().map { i, l in
                (
                    l.id,
                    step.nonTargetProgression && i == 0 ? "Unequivocal progression" : (step.nonTargetsGone ? "Absent" : "Present")
                )
            }
            if step.newLesion {
                let site = tumour.sites[rng.index(weights: tumour.sites.map(\.weight))]
                let new = lesion(id: "NEW", number: 1, kind: .new, site: site, folder: a.folder, day: day, rng: &rng)
                record.lesions.append(new)
                a.states.append((new.id, "Present"))
                a.newLesion = true
            }
            score(&a, targets: targets, baselineSum: baselineSum, nadir: nadir)
            record.assessments.append(a)
            let measured = a.diameters.compactMap(\.mm)
            if measured.count == a.diameters.count { nadir = min(nadir, measured.reduce(0, +)) }
            if a.overall == "PD" { break }
            k += 1
        }
    }

    private func assessment(folder: String, day: StudyDay, targets: [Lesion], ratio: Double, rng: inout RandomSource)
        -> TumourAssessment
    {
        let notDone = context.profile.messiness.measurementNotDoneRate
        let diameters: [(id: String, mm: Int?)] = targets.map { lesion in
            if rng.chance(notDone) { return (lesion.id, nil) }
            if ratio == 0 { return (lesion.id, lesion.site.node ? rng.int(4...9) : 0) }
            let noisy = Double(lesion.baselineMM) * ratio * (1 + rng.normal(mean: 0, sd: 0.04))
            return (lesion.id, max(lesion.site.node ? 4 : 0, Int(noisy.rounded())))
        }
        return TumourAssessment(folder: folder, day: day, diameters: diameters, states: [])
    }

    private func score(_ a: inout TumourAssessment, targets: [Lesion], baselineSum: Int, nadir: Int) {
        a.targetResponse = RecistRules.targetResponse(
            diameters: a.diameters.map(\.mm), nodes: targets.map(\.site.node), baseline: baselineSum, nadir: nadir)
        a.nonTargetResponse = RecistRules.nonTargetResponse(states: a.states.filter { !$0.id.hasPrefix("NEW") }.map(\.state))
        a.overall = RecistRules.overall(target: a.targetResponse, nonTarget: a.nonTargetResponse, newLesion: a.newLesion)
    }
}

/// The intended course of one subject's tumour: ratio of the baseline sum at each assessment.
struct TumourPath {
    struct Step {
        var ratio: Double
        var newLesion = false
        var nonTargetProgression = false
        var nonTargetsGone = false
    }

    private let intended: String
    private let progressionAt: Int
    private let progressionKind: String
    private var lowest = 1.0
    private var last = 1.0

    init(arm: SimulationProfile.ArmProfile, tumour: SimulationProfile.TumourProfile, hasNonTargets: Bool, rng: inout RandomSource)
    {
        intended = arm.response[rng.index(weights: arm.response.map(\.weight))].value
        let weeks = max(1, Int(rng.exponential(mean: arm.meanWeeksToProgression) / 6))
        switch intended {
        case "PD": progressionAt = 1
        case "CR": progressionAt = 3 + weeks
        case "PR": progressionAt = 2 + weeks
        default: progressionAt = 1 + weeks
        }
        let kind = tumour.progressionKinds[rng.index(weights: tumour.progressionKinds.map(\.weight))].value
        progressionKind = kind == "nonTarget" && !hasNonTargets ? "target" : kind
    }

    /// The intended state at assessment `k` (1-based).
    mutating func step(_ k: Int, baselineSum: Int, nadir: Int, rng: inout RandomSource) -> Step {
        if k >= progressionAt { return progression(k, baselineSum: baselineSum, nadir: nadir, rng: &rng) }
        var ratio: Double
        switch intended {
        case "CR": ratio = k == 1 ? rng.uniform(0.45...0.7) : 0
        case "PR":
            if k == 1 {
                ratio = rng.uniform(0.55...0.8)
            } else {
                ratio = lowest > 0.64 ? rng.uniform(0.45...0.64) : lowest * rng.uniform(0.9...1.08)
            }
        default: ratio = k == 1 ? rng.uniform(0.8...1.08) : max(0.72, lowest * rng.uniform(0.95...1.1))
        }
        lowest = min(lowest, ratio)
        last = ratio
        return Step(ratio: ratio, nonTargetsGone: intended == "CR" && k >= 2)
    }

    private func progression(_ k: Int, baselineSum: Int, nadir: Int, rng: inout RandomSource) -> Step {
        let stable = last == 0 ? 0 : last * rng.uniform(1.0...1.08)
        switch progressionKind {
        case "new": return Step(ratio: stable, newLesion: true)
        case "nonTarget": return Step(ratio: stable, nonTargetProgression: true)
        default:
            let grown = Double(nadir) * rng.uniform(1.3...1.6) * pow(1.15, Double(k - progressionAt))
            return Step(ratio: max(grown, Double(nadir + 8)) / Double(max(baselineSum, 1)))
        }
    }
}
