/// Which report modules a study has and the protocol definitions the reports use:
/// `reports:` in study.yaml. Every definition has the default shown, so a study states only what
/// differs; the reports' definitions section is written from these values.
public struct ReportSettings: Codable, Hashable, Sendable {
    /// The efficacy module: `recist` (oncology: RECIST 1.1 best overall response, ORR/DCR, ECOG
    /// at baseline); absent: no efficacy section.
    public var efficacy: EfficacyModule?
    public var definitions: ReportDefinitions?

    public init(efficacy: EfficacyModule? = nil, definitions: ReportDefinitions? = nil) {
        self.efficacy = efficacy
        self.definitions = definitions
    }

    public enum EfficacyModule: String, Codable, Hashable, Sendable {
        case recist
    }
}

/// The protocol definitions behind the report figures.
public struct ReportDefinitions: Codable, Hashable, Sendable {
    /// VISITNUM of the baseline visit (ECOG at baseline).
    public var baselineVisitNumber: Double?
    /// RSCAT of the ECOG performance status records.
    public var ecogCategory: String?
    /// QNAM of SUPPAE holding the treatment-emergent flag (Y).
    public var treatmentEmergentQualifier: String?
    /// QNAM of SUPPEX holding the kind of dose adjustment (Dose reduced, Dose interrupted...).
    public var doseAdjustmentQualifier: String?
    /// DSSCAT of the disposition events that end study treatment.
    public var treatmentDispositionCategory: String?
    /// First word of EX.VISIT naming a treatment cycle (`CYCLE 3 DAY 1` is cycle 3).
    public var cycleVisitPrefix: String?
    /// RECIST 1.1: days between a CR or PR and its confirmation.
    public var confirmationDays: Int?
    /// RECIST 1.1: days after the reference date before SD counts as best response.
    public var minimumStableDiseaseDays: Int?
    /// Which adverse events count as severe: `toxicityGrade` (AETOXGR 3 or more, the default) or
    /// `severity` (AESEV = SEVERE, for a study that grades mild, moderate, severe).
    public var severeEvents: SevereEvents?

    public enum SevereEvents: String, Codable, Hashable, Sendable {
        case toxicityGrade
        case severity

        /// The safety line and the term table's column.
        public var label: String { self == .severity ? "Severe TEAE" : "TEAE grade >= 3" }
        public var anyLabel: String { self == .severity ? "Any severity" : "Any grade" }
        public var severeLabel: String { self == .severity ? "Severe" : "Grade >= 3" }
        /// How the definitions section words it.
        public var definition: String { self == .severity ? "severe = AESEV SEVERE" : "grade >= 3 = AETOXGR 3 or more" }
    }

    public init() {}

    public var baselineVisit: Double { baselineVisitNumber ?? 1 }
    public var ecog: String { ecogCategory ?? "ECOG" }
    public var treatmentEmergent: String { treatmentEmergentQualifier ?? "AETRTEM" }
    public var doseAdjustment: String { doseAdjustmentQualifier ?? "EXADJTYP" }
    public var treatmentDisposition: String { treatmentDispositionCategory ?? "STUDY TREATMENT" }
    public var cyclePrefix: String { cycleVisitPrefix ?? "CYCLE" }
    public var confirmation: Int { confirmationDays ?? RecistThresholds.confirmationDays }
    public var minimumStableDisease: Int { minimumStableDiseaseDays ?? RecistThresholds.minimumStableDiseaseDays }
    public var severe: SevereEvents { severeEvents ?? .toxicityGrade }
}
