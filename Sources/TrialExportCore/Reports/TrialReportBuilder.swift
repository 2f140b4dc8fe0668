/// Computes the reports of an export from its SDTM datasets (never from raw data).
///
/// Entry point: `TrialReportBuilder(study:cutoff:).build(datasets)`. Arms come from the study
/// definition in its order; an ARMCD in DM that the study does not define gets a column too.
public struct TrialReportBuilder: Sendable {
    public var study: StudyDefinition
    /// The data cut-off shown in the reports, `YYYY-MM-DD` (the datasets are already cut).
    public var cutoff: String
    /// How many preferred terms the safety section lists.
    public var topTerms: Int
    public var derivation: RecistDerivation

    /// The study's report modules and definitions.
    public var settings: ReportSettings
    var definitions: ReportDefinitions { settings.definitions ?? ReportDefinitions() }

    /// `derivation`: by default RECIST 1.1 with the study's confirmation and SD windows.
    public init(study: StudyDefinition, cutoff: String, topTerms: Int = 10, derivation: RecistDerivation? = nil) {
        self.study = study
        self.cutoff = cutoff
        self.topTerms = topTerms
        let settings = study.reports ?? ReportSettings()
        self.settings = settings
        let definitions = settings.definitions ?? ReportDefinitions()
        self.derivation =
            derivation
            ?? RecistDerivation(
                confirmationDays: definitions.confirmation, minimumStableDiseaseDays: definitions.minimumStableDisease)
    }

    public func build(_ datasets: [Dataset]) -> TrialReport {
        let data = ReportDatasets(datasets)
        let subjects = ReportSubject.all(in: data)
        let disposition = SubjectDisposition.all(in: data, definitions: definitions)
        let recistModule = settings.efficacy == .recist
        let arms = armColumns(subjects)
        let consort = ConsortSummary.count(subjects: subjects, disposition: disposition, arms: arms)
        let recist = recistModule ? deriveRecist(data, subjects: subjects) : RecistDerivationResult(subjects: [], issues: [])
        // Only treated subjects have responses to compare: a subject never dosed has a baseline only.
        let treated = Set(subjects.filter(\.isTreated).map(\.usubjid))
        let disagreements =
            ((recistModule ? data.dataset("RS") : nil).map {
                RecistComparison.disagreements(rs: $0, derived: recist, evaluator: derivation.evaluator)
            } ?? []).filter { treated.contains($0.usubjid) }
        let context = ArmContext(
            data: data, ecog: recistModule ? BaselineSummary.baselineECOG(in: data, definitions: definitions) : [:],
            recorded: recistModule ? EfficacySummary.recordedBestResponses(in: data) : [:], derived: recist,
            disagreements: Dictionary(grouping: disagreements, by: \.usubjid))
        let byArm = Dictionary(grouping: subjects.filter(\.isRandomized), by: \.arm)
        let summaries = consort.arms.map { flow in summarise(flow, subjects: byArm[flow.code] ?? [], context: context) }
        var report = TrialReport(
            studyId: study.studyId, title: study.title, cutoff: cutoff, consort: consort, arms: summaries,
            disagreements: disagreements, recistIssues: recist.issues)
        report.settings = settings
        return report
    }

    /// What every arm's summary reads, computed once.
    private struct ArmContext {
        var data: ReportDatasets
        var ecog: [String: String]
        var recorded: [String: RecistResponse]
        var derived: RecistDerivationResult
        var disagreements: [String: [RecistDisagreement]]
    }

    private func summarise(_ flow: ArmFlow, subjects: [ReportSubject], context c: ArmContext) -> ArmSummary {
        let analysed = subjects.filter(\.isTreated)
        return ArmSummary(
            flow: flow, baseline: BaselineSummary.summarise(subjects, ecog: c.ecog),
            exposure: ExposureSummary.summarise(
                analysed, data: c.data, drugOrder: study.treatments.map(\.code), definitions: definitions),
            efficacy: EfficacySummary.summarise(analysed, recorded: c.recorded, derived: c.derived),
            safety: SafetySummary.summarise(analysed, data: c.data, topTerms: topTerms, definitions: definitions),
            disagreements: subjects.map(\.usubjid).sorted().flatMap { c.disagreements[$0] ?? [] })
    }

    /// The study's arms, then any other randomized ARMCD of DM (sorted), named by DM.ARM when known.
    private func armColumns(_ subjects: [ReportSubject]) -> [(code: String, name: String)] {
        var columns = study.arms.map { (code: $0.code, name: $0.name) }
        let known = Set(columns.map(\.code))
        let others = Set(subjects.filter(\.isRandomized).map(\.arm)).subtracting(known).sorted()
        columns += others.map { (code: $0, name: $0) }
        return columns
    }

    private func deriveRecist(_ data: ReportDatasets, subjects: [ReportSubject]) -> RecistDerivationResult {
        guard let tu = data.dataset("TU"), let tr = data.dataset("TR") else {
            return RecistDerivationResult(subjects: [], issues: [])
        }
        let references = Dictionary(subjects.map { ($0.usubjid, $0.referenceStart) }, uniquingKeysWith: { a, _ in a })
        return derivation.derive(tu: tu, tr: tr, referenceDates: references)
    }
}
