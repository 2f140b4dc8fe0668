import TrialExportCore

/// The study-specific knobs of the dummy EDC data: `mappings/<study>/simulation.yaml`.
///
/// Every figure here is illustrative (`illustrative` must say so): it makes the dummy data look
/// plausible, it is not taken from trial results.
public struct SimulationProfile: Codable, Hashable, Sendable {
    /// True: the figures are invented for dummy data, not observed.
    public var illustrative: Bool
    public var enrolment: Enrolment
    public var demographics: Demographics
    public var screenFailure: ScreenFailure
    public var randomization: RandomizationProfile
    public var arms: [ArmProfile]
    public var treatments: [TreatmentProfile]
    public var disposition: Disposition
    public var adverseEvents: [AdverseEventProfile]
    /// Chance of one more episode of an event after each episode.
    public var adverseEventRecurrenceRate: Double
    /// The per-drug relationship columns of the `ae` form, in order.
    public var relationshipColumns: [RelationshipColumn]
    public var tumour: TumourProfile
    public var messiness: Messiness
    public var labels: Labels
    /// Data cleaning in weekly cuts (`generate --as-of`); absent: `Corrections.standard`.
    public var corrections: Corrections?
    /// The planned schedule the dummy data follows (cycles, assessments, follow-up).
    public var schedule: StudyDefinition.Schedule?

    public struct Enrolment: Codable, Hashable, Sendable {
        /// First consent date, `YYYY-MM-DD`.
        public var startDate: String
        /// Subjects screened per month when the planned enrolment is simulated (scaled for others).
        public var screenedPerMonth: Double
        /// Share of screened subjects who fail screening.
        public var screenFailureRate: Double
        /// Share of randomized subjects never dosed (at least one subject is).
        public var neverDosedRate: Double
        /// ICVERS values, drawn uniformly.
        public var consentVersions: [String]
        /// Days from consent to randomization, `[min, max]`.
        public var consentToRandomizationDays: [Int]
        /// Days from randomization to first dose, `[min, max]`.
        public var randomizationToDoseDays: [Int]
    }

    public struct Demographics: Codable, Hashable, Sendable {
        public var ageMean: Double
        public var ageSD: Double
        public var maleFraction: Double
        public var races: [Weighted]
        public var ethnicity: String
    }

    public struct ScreenFailure: Codable, Hashable, Sendable {
        /// Criteria (study ids such as `INCL05`) that screen failures do not meet, with weights.
        public var criteria: [Weighted]
        /// The criterion on age; a subject failing it gets an age outside the range.
        public var ageCriterion: String
        /// Share of screen failures that fail a second criterion.
        public var secondCriterionRate: Double
    }

    public struct RandomizationProfile: Codable, Hashable, Sendable {
        /// Prefix of RANDNO, followed by a 4-digit sequence.
        public var numberPrefix: String
        /// STRAT values with weights.
        public var strata: [Weighted]
        /// Block size when the study definition has none.
        public var defaultBlockSize: Int
    }

    /// Per arm (by ARMCD): the IRT label and the tumour course.
    public struct ArmProfile: Codable, Hashable, Sendable {
        public var code: String
        /// The arm as the IRT prints it in `rand.ARM`.
        public var irtLabel: String
        /// Weights of the intended best response: `CR`, `PR`, `SD`, `PD`.
        public var response: [Weighted]
        /// Mean weeks from the best response to progression, for responders and stable disease.
        public var meanWeeksToProgression: Double
    }

    public struct TreatmentProfile: Codable, Hashable, Sendable {
        /// Treatment code of the study definition, e.g. `APATINIB`.
        public var code: String
        /// EXTRT as the EDC shows it, e.g. `Apatinib`.
        public var edcName: String
        /// Weight when this treatment is an investigator's choice.
        public var choiceWeight: Double?
        /// Lower dose levels in order; empty: never reduced.
        public var reducedDoses: [Double]
        /// Per related grade >= 2 adverse event: chance of a reduction / interruption / delay.
        public var reductionRate: Double
        public var interruptionRate: Double
        public var delayRate: Double
        /// Infusion length for IV drugs, minutes; nil for oral drugs.
        public var infusionMinutes: Int?
    }

    public struct Disposition: Codable, Hashable, Sendable {
        /// Per subject and treatment: chance of ending treatment for each reason before progression.
        public var adverseEventDiscontinuationRate: Double
        public var withdrawalRate: Double
        public var physicianDecisionRate: Double
        public var lostToFollowUpRate: Double
        /// Chance of a fatal adverse event on treatment.
        public var fatalAdverseEventRate: Double
        /// Mean weeks from progression to death.
        public var meanWeeksProgressionToDeath: Double
        /// Chance that a subject in survival follow-up is lost to follow-up.
        public var followUpLossRate: Double
        /// Weeks of follow-up after end of treatment after which the study is completed.
        public var followUpWeeks: Int
        /// EOTSPEC free-text examples (`value` is the EOT reason, `label` the text), used now and then.
        public var eotSpecifications: [Labelled]
    }

    public struct AdverseEventProfile: Codable, Hashable, Sendable {
        /// Verbatim variants; the first is the usual spelling.
        public var terms: [String]
        /// MedDRA preferred term and system organ class (name and code), as coded upstream.
        public var pt: String
        public var soc: String
        public var socCode: String?
        /// Treatment codes that cause it; empty: disease-related, any subject.
        public var drugs: [String]
        /// Chance per exposed subject.
        public var probability: Double
        /// Weights of grades 1..4.
        public var grades: [Double]
        /// Chance that a grade >= 3 event is serious (hospitalisation or life-threatening).
        public var seriousRate: Double
        /// True when this event may be the fatal one.
        public var canBeFatal: Bool?
    }

    /// One `ae` relationship column (e.g. `AERELCT`) and the treatment codes it covers.
    public struct RelationshipColumn: Codable, Hashable, Sendable {
        public var column: String
        public var treatments: [String]
    }

    public struct TumourProfile: Codable, Hashable, Sendable {
        public var sites: [LesionSite]
        /// Weights of 1..5 target lesions and of 0..n non-target lesions.
        public var targetCountWeights: [Double]
        public var nonTargetCountWeights: [Double]
        /// Days after the scheduled week that an assessment happens, `[min, max]` (never before).
        public var assessmentDelayDays: [Int]
        /// At progression: weights of target growth, a new lesion, unequivocal non-target growth.
        public var progressionKinds: [Weighted]
        /// Number of deliberate investigator disagreements with RECIST 1.1 in a run.
        public var investigatorDisagreements: Int
        /// Reasons a site gives for a measurement not done, taken in turn (no random draw).
        public var notDoneReasons: [String]
    }

    public struct LesionSite: Codable, Hashable, Sendable {
        /// LESLOC as the EDC shows it.
        public var location: String
        /// Organ for the two-per-organ rule (all lymph nodes are one organ).
        public var organ: String
        public var node: Bool
        public var lateral: Bool
        public var method: String
        public var weight: Double
        /// Whether the site can hold a target lesion (bone usually cannot).
        public var measurable: Bool
        /// Baseline size range in mm, `[min, max]` (short axis for nodes).
        public var sizeMM: [Int]
    }

    public struct Messiness: Codable, Hashable, Sendable {
        public var whitespaceRate: Double
        public var caseRate: Double
        public var gradePrefixRate: Double
        public var ecogDescriptionRate: Double
        public var responseSpelledOutRate: Double
        public var partialAEDateRate: Double
        public var partialBirthDateRate: Double
        public var missingTimeRate: Double
        public var measurementNotDoneRate: Double
    }

    /// Label variants the EDC shows now and then.
    public struct Labels: Codable, Hashable, Sendable {
        /// ECOG grades 0..5 with their description, e.g. `1 - Restricted in ...`.
        public var ecogDescriptions: [String]
        /// Response codes spelled out (`value` is the code, `label` the long form).
        public var responses: [Labelled]
    }

    /// How often an entered value is wrong until a data query corrects it, per eligible value.
    public struct Corrections: Codable, Hashable, Sendable {
        /// AETOXGR of a non-fatal event entered one grade off.
        public var adverseEventGradeRate: Double
        /// A complete AEENDAT entered with one digit of the day wrong (earlier, still after onset).
        public var adverseEventEndDateRate: Double
        /// A post-baseline target diameter (TMDIAM) entered wrong.
        public var measurementRate: Double
        /// An infusion end time (EXENTIM) left blank at first.
        public var missingTimeRate: Double
        /// Days from entry to the query's resolution, `[min, max]`.
        public var resolutionDays: [Int]

        /// The rates used when the profile has no `corrections` section.
        public static let standard = Corrections(
            adverseEventGradeRate: 0.05, adverseEventEndDateRate: 0.04, measurementRate: 0.02, missingTimeRate: 0.01,
            resolutionDays: [7, 42])
    }

    /// A value with a weight.
    public struct Weighted: Codable, Hashable, Sendable {
        public var value: String
        public var weight: Double
    }

    public struct Labelled: Codable, Hashable, Sendable {
        public var value: String
        public var label: String
    }
}

extension SimulationProfile {
    func arm(code: String) -> ArmProfile? { arms.first { $0.code == code } }
    func treatment(code: String) -> TreatmentProfile? { treatments.first { $0.code == code } }
}
