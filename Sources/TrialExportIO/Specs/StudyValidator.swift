import TrialExportCore

/// Checks a decoded study definition for what decoding cannot: unique, well-formed codes and
/// references between arms, treatments, elements and criteria.
struct StudyValidator {
    /// One problem: the key path in study.yaml (e.g. `arms[1].code`) and what is wrong.
    struct Problem: Equatable {
        var key: String
        var detail: String
    }

    let study: StudyDefinition
    private(set) var found: [Problem] = []

    init(study: StudyDefinition) { self.study = study }

    /// Every problem, in file order.
    func problems() -> [Problem] {
        var validator = self
        validator.checkHeader()
        validator.checkTreatments()
        validator.checkArms()
        validator.checkElements()
        validator.checkCriteria()
        return validator.found
    }

    mutating func add(_ key: String, _ detail: String) { found.append(Problem(key: key, detail: detail)) }

    mutating func checkHeader() {
        if study.studyId.isEmpty || study.studyId.contains(" ") { add("studyId", "must be non-empty without spaces") }
        if study.plannedEnrollment <= 0 { add("plannedEnrollment", "must be positive") }
        let population = study.population
        if population.minimumAge < 0 || population.minimumAge > population.maximumAge ?? Int.max {
            add(
                "population.minimumAge",
                "\(population.minimumAge) is not between 0 and maximumAge \(population.maximumAge.map(String.init) ?? "")")
        }
        if study.registryId != nil && study.registryName == nil {
            add(
                "registry",
                "the registry of \"\(study.registryId ?? "")\" is not recognised from its shape: name it (ClinicalTrials.gov, EudraCT, CTIS, ISRCTN, ...)"
            )
        }
        if let randomization = study.design.randomization { checkRandomization(randomization) }
        checkDuplicates(study.sites.map(\.id), key: { "sites[\($0)].id" }, what: "site id")
        for (i, site) in study.sites.enumerated() where !Self.isCountryCode(site.country) {
            add("sites[\(i)].country", "\"\(site.country)\" is not an ISO 3166-1 alpha-3 code such as CHN")
        }
        if !Self.isCalendarDate(study.dataCutoff) { add("dataCutoff", "\"\(study.dataCutoff)\" is not a date YYYY-MM-DD") }
    }

    mutating func checkRandomization(_ randomization: StudyDefinition.Randomization) {
        if randomization.ratio.count != study.arms.count || randomization.ratio.contains(where: { $0 <= 0 }) {
            add("design.randomization.ratio", "needs one positive number per arm (\(study.arms.count) arms)")
        }
        let total = randomization.ratio.reduce(0, +)
        if randomization.blockSize <= 0 || (total > 0 && randomization.blockSize % total != 0) {
            add(
                "design.randomization.blockSize",
                "\(randomization.blockSize) is not a positive multiple of the ratio total \(total)")
        }
    }

    mutating func checkTreatments() {
        let codes = study.treatments.map(\.code)
        checkDuplicates(codes, key: { "treatments[\($0)].code" }, what: "treatment code")
        for (i, treatment) in study.treatments.enumerated() {
            if treatment.code.isEmpty { add("treatments[\(i)].code", "must not be empty") }
            for (j, choice) in (treatment.choiceOf ?? []).enumerated() {
                let target = study.treatment(code: choice)
                if target == nil || target?.choiceOf != nil {
                    add("treatments[\(i)].choiceOf[\(j)]", "\"\(choice)\" is not a single treatment defined under treatments")
                }
            }
        }
    }

    mutating func checkArms() {
        if study.arms.isEmpty { add("arms", "at least one arm is needed") }
        checkDuplicates(study.arms.map(\.code), key: { "arms[\($0)].code" }, what: "arm code")
        let elements = Set(study.elements.map(\.code))
        for (i, arm) in study.arms.enumerated() {
            if arm.code.isEmpty || arm.code.count > 20 {
                add("arms[\(i)].code", "\"\(arm.code)\" must have 1 to 20 characters (ARMCD)")
            }
            if arm.name.isEmpty || arm.name.count > 200 { add("arms[\(i)].name", "must have 1 to 200 characters (ARM)") }
            for (j, code) in arm.treatments.enumerated() where study.treatment(code: code) == nil {
                add("arms[\(i)].treatments[\(j)]", "\"\(code)\" is not defined under treatments")
            }
            if arm.elements.isEmpty { add("arms[\(i)].elements", "at least one element is needed") }
            for (j, code) in arm.elements.enumerated() where !elements.contains(code) {
                add("arms[\(i)].elements[\(j)]", "\"\(code)\" is not defined under elements")
            }
        }
    }

    mutating func checkElements() {
        checkDuplicates(study.elements.map(\.code), key: { "elements[\($0)].code" }, what: "element code")
        for (i, element) in study.elements.enumerated() {
            if element.code.isEmpty || element.code.count > 8 {
                add("elements[\(i)].code", "\"\(element.code)\" must have 1 to 8 characters (ETCD)")
            }
            if element.epoch.isEmpty { add("elements[\(i)].epoch", "must be a CDISC EPOCH value such as TREATMENT") }
            if element.startRule.isEmpty { add("elements[\(i)].startRule", "must not be empty (TESTRL is required)") }
            if let duration = element.duration, !Self.isDuration(duration) {
                add("elements[\(i)].duration", "\"\(duration)\" is not an ISO 8601 duration such as P28D")
            }
        }
    }

    mutating func checkCriteria() {
        let groups = [("inclusion", "INCL", study.criteria.inclusion), ("exclusion", "EXCL", study.criteria.exclusion)]
        var seen: Set<String> = []
        for (group, prefix, criteria) in groups {
            for (i, criterion) in criteria.enumerated() {
                let key = "criteria.\(group)[\(i)]"
                if !Self.isCriterionId(criterion.id, prefix: prefix) {
                    add("\(key).id", "\"\(criterion.id)\" must be \(prefix) followed by digits, at most 8 characters (IETESTCD)")
                }
                if !seen.insert(criterion.id).inserted { add("\(key).id", "\"\(criterion.id)\" is used twice") }
                checkCriterionText(criterion, key: key)
            }
        }
    }

    mutating func checkCriterionText(_ criterion: StudyDefinition.Criterion, key: String) {
        if criterion.text.isEmpty { add("\(key).text", "must not be empty") }
        if let short = criterion.shortText, short.isEmpty || short.count > 200 {
            add("\(key).shortText", "must have 1 to 200 characters (IETEST)")
        } else if criterion.shortText == nil && criterion.text.count > 200 {
            add("\(key).shortText", "needed: text has \(criterion.text.count) characters, IETEST takes at most 200")
        }
    }

    mutating func checkDuplicates(_ values: [String], key: (Int) -> String, what: String) {
        var seen: Set<String> = []
        for (i, value) in values.enumerated() where !seen.insert(value).inserted {
            add(key(i), "\(what) \"\(value)\" is used twice")
        }
    }
}
