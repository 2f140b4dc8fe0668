/// Everything one arm's report shows: its flow column, baseline, exposure, efficacy, safety and
/// the RECIST disagreements of its subjects.
public struct ArmSummary: Sendable, Equatable {
    public var flow: ArmFlow
    public var baseline: BaselineSummary
    public var exposure: ExposureSummary
    public var efficacy: EfficacySummary
    public var safety: SafetySummary
    /// Investigator vs derived RECIST responses that differ, for the arm's subjects.
    public var disagreements: [RecistDisagreement]

    public var code: String { flow.code }
    public var name: String { flow.name }
}

/// The reports of one export: the CONSORT flow and one summary per arm, computed from the SDTM datasets.
public struct TrialReport: Sendable, Equatable {
    public var studyId: String
    public var title: String
    /// The data cut-off, `YYYY-MM-DD`.
    public var cutoff: String
    public var consort: ConsortSummary
    public var arms: [ArmSummary]
    /// Every RECIST disagreement (all subjects, also those of no arm), ordered by USUBJID.
    public var disagreements: [RecistDisagreement]
    /// TU/TR records the derivation could not use.
    public var recistIssues: [RecistIssue]
    /// The study's report modules and definitions (the efficacy module decides the efficacy lines).
    public var settings = ReportSettings()

    /// True when the study declares the RECIST efficacy module (best response, ORR, DCR, ECOG).
    public var hasRecist: Bool { settings.efficacy == .recist }
    public var definitions: ReportDefinitions { settings.definitions ?? ReportDefinitions() }

    /// REC0001 per disagreement and REC0002 per unusable TU/TR record, for the export's findings.
    public var findings: [Finding] {
        disagreements.map(Finding.recistDisagreement) + recistIssues.map(Finding.recistRecordUnusable)
    }
}
