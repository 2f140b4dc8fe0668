/// What the registry record and the protocol say about a study: `mappings/<study>/study.yaml`.
///
/// Values are written as the registry states them (e.g. phase `Phase 2`); the trial design
/// builder turns them into CDISC submission values through the study's CT map.
public struct StudyDefinition: Codable, Hashable, Sendable {
    /// STUDYID in every dataset.
    public var studyId: String
    /// The registry's identifier (TS REGID), e.g. `NCT05549466`; absent when the study is not registered.
    public var registryId: String?
    /// The registry (TSVCDREF of REGID): `ClinicalTrials.gov`, `EudraCT`, `CTIS`, `ISRCTN`...;
    /// absent: recognised from the identifier's shape (see ``registryName``).
    public var registry: String?
    /// Other identifiers (sponsor protocol number, ...), when the study has any.
    public var secondaryIds: [String]?
    public var title: String
    public var briefTitle: String?
    public var sponsor: String
    public var condition: String
    /// Registry wording, e.g. `Phase 2`.
    public var phase: String
    /// Registry wording, e.g. `Interventional`.
    public var studyType: String
    public var design: Design
    public var plannedEnrollment: Int
    public var population: Population
    public var sites: [Site]
    public var treatments: [Treatment]
    public var arms: [Arm]
    public var elements: [Element]
    public var criteria: Criteria
    /// The planned schedule of the dummy data (the simulator's; `simulation.yaml` may hold it instead).
    public var schedule: Schedule?
    /// The default data cut-off, `YYYY-MM-DD`.
    public var dataCutoff: String
    /// Protocol version of the criteria (TIVERS), when known.
    public var protocolVersion: String?
    /// Further TS parameters (e.g. INTTYPE, PCLASS), in the order given.
    public var trialSummary: [TrialSummaryParameter]?
    /// The report modules and the protocol definitions the reports use.
    public var reports: ReportSettings?

    /// One TS parameter the study states, or states it cannot (`nullFlavor`).
    public struct TrialSummaryParameter: Codable, Hashable, Sendable {
        /// TSPARMCD, e.g. `INTTYPE`.
        public var parameter: String
        /// The value as the registry or protocol words it; mapped through the CT map list named
        /// after the parameter when `codelist` is given. Absent with `nullFlavor`.
        public var value: String?
        /// The CDISC codelist of the value (TSVALCD is its NCI code), e.g. `INTTYPE`.
        public var codelist: String?
        /// TSVCDREF of a value coded outside CDISC CT (e.g. `UNII`, `MED-RT`), with `code`.
        public var reference: String?
        /// TSVALCD of a value coded outside CDISC CT.
        public var code: String?
        /// ISO 21090 null flavor (TSVALNF) when the study has no value: `NI`, `UNK`, `NA`, `NASK`, ...
        public var nullFlavor: String?

        public init(
            parameter: String, value: String? = nil, codelist: String? = nil, reference: String? = nil,
            code: String? = nil, nullFlavor: String? = nil
        ) {
            self.parameter = parameter
            self.value = value
            self.codelist = codelist
            self.reference = reference
            self.code = code
            self.nullFlavor = nullFlavor
        }
    }

    public struct Design: Codable, Hashable, Sendable {
        /// e.g. `Randomized`.
        public var allocation: String
        /// e.g. `Parallel Assignment`.
        public var interventionModel: String
        /// e.g. `None (Open Label)`.
        public var masking: String
        /// e.g. `Treatment`.
        public var primaryPurpose: String
        /// e.g. `Active` (TCNTRL), from the comparator arm.
        public var control: String?
        /// TTYPE values (CDISC CT TTYPE, or wording of the study's ct-map list TTYPE), e.g.
        /// `[EFFICACY, SAFETY]`; absent: one TTYPE from the primary purpose through the ct-map.
        public var trialTypes: [String]?
        public var randomization: Randomization?
    }

    public struct Randomization: Codable, Hashable, Sendable {
        /// Allocation ratio per arm, in the order of `arms`.
        public var ratio: [Int]
        public var blockSize: Int
    }

    public struct Population: Codable, Hashable, Sendable {
        public var minimumAge: Int
        /// Absent when the protocol sets no upper age limit (TS AGEMAX null flavor PINF).
        public var maximumAge: Int?
        /// Registry wording: `All`, `Female`, `Male`.
        public var sex: String
        public var healthyVolunteers: Bool
    }

    public struct Site: Codable, Hashable, Sendable {
        public var id: String
        public var name: String
        /// ISO 3166-1 alpha-3, e.g. `CHN`.
        public var country: String
    }

    /// A study drug, with the illustrative regimen the dummy data follows.
    public struct Treatment: Codable, Hashable, Sendable {
        /// EXTRT, e.g. `APATINIB`.
        public var code: String
        public var name: String
        /// When set, this treatment is the investigator's choice among these treatment codes.
        public var choiceOf: [String]?
        /// CDISC submission values (EXDOSFRM, EXDOSU, EXDOSFRQ, EXROUTE) of the regimen.
        public var doseForm: String?
        public var dose: Double?
        public var doseUnit: String?
        public var frequency: String?
        public var route: String?
        /// Days of each cycle the drug is given, e.g. `[1, 8]`; nil for continuous dosing.
        public var cycleDays: [Int]?
        /// True when the regimen is not from the registry record (it is illustrative only).
        public var illustrative: Bool?
    }

    public struct Arm: Codable, Hashable, Sendable {
        /// ARMCD, at most 20 characters.
        public var code: String
        /// ARM, as registered.
        public var name: String
        /// Registry arm type, e.g. `Experimental`, `Active Comparator`.
        public var type: String
        /// Treatment codes given in this arm.
        public var treatments: [String]
        /// Element codes in order (TA), e.g. `[SCRN, APACAMCT, FU]`.
        public var elements: [String]
        public var description: String?
    }

    /// A trial element (TE) and the epoch it belongs to in every arm (TA.EPOCH).
    public struct Element: Codable, Hashable, Sendable {
        public var code: String
        public var name: String
        /// CDISC EPOCH submission value, e.g. `SCREENING`.
        public var epoch: String
        public var startRule: String
        public var endRule: String?
        /// ISO 8601 duration, e.g. `P28D`, when planned.
        public var duration: String?
        /// The branch text (TABRANCH) for the element that follows randomization.
        public var branch: String?
    }

    public struct Criteria: Codable, Hashable, Sendable {
        public var inclusion: [Criterion]
        public var exclusion: [Criterion]
    }

    public struct Criterion: Codable, Hashable, Sendable {
        /// IETESTCD, e.g. `INCL01`.
        public var id: String
        /// The criterion as registered; also IETEST when at most 200 characters.
        public var text: String
        /// A shortened IETEST when the text is longer than 200 characters.
        public var shortText: String?
        /// False when the wording is not a verbatim copy of the registry record.
        public var verbatim: Bool?
    }

    /// The planned schedule the dummy data follows.
    public struct Schedule: Codable, Hashable, Sendable {
        public var screeningWindowDays: Int
        public var cycleLengthDays: Int
        public var tumourAssessmentEveryWeeks: Int
        public var safetyFollowUpDays: Int
        public var survivalFollowUpEveryWeeks: Int
        /// Maximum cycles of chemotherapy, when capped by the protocol.
        public var maxChemotherapyCycles: Int?
    }
}

extension StudyDefinition {
    /// The registry of ``registryId``: as given, or recognised from the identifier (`NCT` and 8
    /// digits: ClinicalTrials.gov; `YYYY-NNNNNN-NN`: EudraCT; `YYYY-5NNNNN-NN-NN`: CTIS; `ISRCTN`
    /// and digits: ISRCTN); nil when neither.
    public var registryName: String? {
        if let registry { return registry }
        guard let id = registryId else { return nil }
        let digits = { (s: Substring) in !s.isEmpty && s.allSatisfy(\.isNumber) }
        if id.hasPrefix("NCT"), id.count == 11, digits(id.dropFirst(3)) { return "ClinicalTrials.gov" }
        if id.hasPrefix("ISRCTN"), digits(id.dropFirst(6)) { return "ISRCTN" }
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts.map(\.count) == [4, 6, 2], parts.allSatisfy(digits) { return "EudraCT" }
        if parts.count == 4, parts.map(\.count) == [4, 6, 2, 2], parts.allSatisfy(digits) { return "CTIS" }
        return nil
    }

    /// The protocol's age range; open above when it sets no maximum age.
    public func acceptsAge(_ age: Int) -> Bool {
        age >= population.minimumAge && population.maximumAge.map { age <= $0 } ?? true
    }

    public func arm(code: String) -> Arm? { arms.first { $0.code == code } }
    public func treatment(code: String) -> Treatment? { treatments.first { $0.code == code } }
    public var allCriteria: [Criterion] { criteria.inclusion + criteria.exclusion }
}
