import TrialExportCore

/// The study definition and profile resolved into what the generators need, validated once.
struct SimulationContext {
    struct ArmPlan {
        var code: String
        var profile: SimulationProfile.ArmProfile
        /// Fixed treatment codes of the arm.
        var fixed: [String]
        /// Options of the investigator's choice, if the arm has one, with weights.
        var choices: [String]
        var choiceWeights: [Double]
    }

    struct DrugPlan {
        var definition: StudyDefinition.Treatment
        var profile: SimulationProfile.TreatmentProfile
        /// True for options of an investigator's choice (capped at the maximum chemotherapy cycles).
        var isChoice: Bool
    }

    let study: StudyDefinition
    let profile: SimulationProfile
    /// The planned schedule the dummy data follows (simulation.yaml's, else study.yaml's).
    let schedule: StudyDefinition.Schedule
    let start: StudyDay
    let cutoff: StudyDay
    let arms: [ArmPlan]
    let drugs: [String: DrugPlan]
    /// Criterion id -> category (`Inclusion` / `Exclusion`).
    let criteria: [String: String]

    static let profilePath = "simulation.yaml"

    init(study: StudyDefinition, profile: SimulationProfile) throws {
        self.study = study
        self.profile = profile
        guard let schedule = profile.schedule ?? study.schedule else {
            throw SimulationContext.invalid(
                "schedule",
                "the dummy data needs a planned schedule (screeningWindowDays, cycleLengthDays, ...) in simulation.yaml")
        }
        self.schedule = schedule
        guard let start = StudyDay(iso: profile.enrolment.startDate) else {
            throw SimulationContext.invalid("enrolment.startDate", "\"\(profile.enrolment.startDate)\" is not a YYYY-MM-DD date")
        }
        guard let cutoff = StudyDay(iso: study.dataCutoff), cutoff - start > 120 else {
            throw TrialExportError.invalidSpec(
                path: "study.yaml", location: "dataCutoff",
                detail: "\"\(study.dataCutoff)\" must be a YYYY-MM-DD date at least 120 days after the simulated enrolment start")
        }
        guard !study.sites.isEmpty else {
            throw TrialExportError.invalidSpec(
                path: "study.yaml", location: "sites", detail: "at least one site is needed to simulate data")
        }
        self.start = start
        self.cutoff = cutoff
        var criteria: [String: String] = [:]
        for c in study.criteria.inclusion { criteria[c.id] = "Inclusion" }
        for c in study.criteria.exclusion { criteria[c.id] = "Exclusion" }
        self.criteria = criteria
        drugs = try SimulationContext.drugPlans(study: study, profile: profile)
        arms = try study.arms.map { try SimulationContext.armPlan($0, study: study, profile: profile) }
        try validateScreenFailureCriteria()
    }

    private static func drugPlans(study: StudyDefinition, profile: SimulationProfile) throws -> [String: DrugPlan] {
        let choiceOptions = Set(study.treatments.flatMap { $0.choiceOf ?? [] })
        var plans: [String: DrugPlan] = [:]
        for t in study.treatments where t.choiceOf == nil {
            guard let p = profile.treatment(code: t.code) else {
                throw invalid("treatments", "treatment \(t.code) of the study has no entry; add one with its edcName and rates")
            }
            guard t.dose != nil, t.doseUnit != nil else {
                throw TrialExportError.invalidSpec(
                    path: "study.yaml", location: "treatments.\(t.code)",
                    detail: "dose and doseUnit are needed to simulate dosing")
            }
            plans[t.code] = DrugPlan(definition: t, profile: p, isChoice: choiceOptions.contains(t.code))
        }
        return plans
    }

    private static func armPlan(_ arm: StudyDefinition.Arm, study: StudyDefinition, profile: SimulationProfile) throws -> ArmPlan
    {
        guard let p = profile.arm(code: arm.code) else {
            throw invalid("arms", "arm \(arm.code) of the study has no entry; add its irtLabel and response weights")
        }
        var plan = ArmPlan(code: arm.code, profile: p, fixed: [], choices: [], choiceWeights: [])
        for code in arm.treatments {
            if let options = study.treatment(code: code)?.choiceOf {
                plan.choices = options
                plan.choiceWeights = options.map { profile.treatment(code: $0)?.choiceWeight ?? 1 }
            } else {
                plan.fixed.append(code)
            }
        }
        return plan
    }

    private func validateScreenFailureCriteria() throws {
        for c in profile.screenFailure.criteria + [
            SimulationProfile.Weighted(value: profile.screenFailure.ageCriterion, weight: 0)
        ]
        where criteria[c.value] == nil {
            throw SimulationContext.invalid("screenFailure", "criterion \(c.value) is not a criterion id of the study")
        }
        for arm in arms {
            for code in arm.fixed + arm.choices where drugs[code] == nil {
                throw SimulationContext.invalid(
                    "treatments", "treatment \(code) of arm \(arm.code) is not a simulated study drug")
            }
        }
    }

    static func invalid(_ location: String, _ detail: String) -> TrialExportError {
        .invalidSpec(path: profilePath, location: location, detail: detail)
    }

    /// The EDC short code of a criterion id: `INCL07` -> `IN07`, `EXCL03` -> `EX03`.
    static func edcCriterionCode(_ id: String) -> String {
        let letters = id.prefix { $0.isLetter }
        return String(letters.prefix(2)) + id.dropFirst(letters.count)
    }
}
