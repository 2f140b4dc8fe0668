/// Everything simulated for one screened subject, before it is written out as EDC rows.
struct SubjectRecord {
    var index: Int
    var site: String
    var subject: String
    var consent: StudyDay
    var consentTime: ClockTime
    var consentVersion: String
    var screening: StudyDay
    var birth: StudyDay
    var age: Int
    var male: Bool
    var race: String
    var ethnicity: String
    /// Study criterion ids not met (screen failures only).
    var failedCriteria: [String] = []
    var randomization: RandomizationRecord?
    var firstDose: StudyDay?
    var doses: [DoseRecord] = []
    var lesions: [Lesion] = []
    var assessments: [TumourAssessment] = []
    var bestResponse: (day: StudyDay, response: String)?
    var adverseEvents: [AdverseEvent] = []
    var ecog: [(folder: String, day: StudyDay, grade: Int)] = []
    var endOfTreatment: (day: StudyDay, reason: String)?
    var death: (day: StudyDay, cause: String)?
    var endOfStudy: (day: StudyDay, status: String, reason: String)?
    /// The assessment folder where the investigator deliberately disagrees with RECIST 1.1.
    var disagreement: String?
}

struct RandomizationRecord {
    var number: String
    var day: StudyDay
    var time: ClockTime
    var armIndex: Int
    /// Treatment codes given, choices resolved (e.g. `GEMCITABINE` for the chemotherapy slot).
    var treatments: [String]
    /// The investigator's choice, when the arm has one.
    var choice: String?
    var stratum: String
}

/// One EX row: a constant-dosing interval of one drug.
struct DoseRecord {
    var cycle: Int
    var treatment: String
    var start: StudyDay
    var startTime: ClockTime?
    var end: StudyDay
    var endTime: ClockTime?
    var dose: Double
    var unit: String
    var adjustment: String?
}

struct Lesion {
    /// `T01`, `NT01`, `NEW01`.
    var id: String
    var kind: Kind
    var site: SimulationProfile.LesionSite
    var laterality: String?
    var baselineMM: Int
    /// Folder and date when identified.
    var folder: String
    var day: StudyDay

    enum Kind: String { case target = "Target", nonTarget = "Non-target", new = "New" }
}

/// One tumour assessment: the measurements and the investigator's responses.
struct TumourAssessment {
    var folder: String
    var day: StudyDay
    /// Per lesion id: diameter (targets; nil = not done) or state (non-target and new lesions).
    var diameters: [(id: String, mm: Int?)]
    var states: [(id: String, state: String)]
    var targetResponse: String = ""
    var nonTargetResponse: String = ""
    var newLesion: Bool = false
    var overall: String = ""
}

struct AdverseEvent {
    var profile: SimulationProfile.AdverseEventProfile
    var term: String
    var start: StudyDay
    var startTime: ClockTime?
    var end: StudyDay?
    var grade: Int
    var hospitalised: Bool = false
    var lifeThreatening: Bool = false
    var fatal: Bool = false
    /// Relationship per profile relationship column ("" when the drug was not given).
    var relationships: [String] = []
    var action: String = "Dose not changed"
    var outcome: String = "Recovered/Resolved"

    var serious: Bool { hospitalised || lifeThreatening || fatal }
}
