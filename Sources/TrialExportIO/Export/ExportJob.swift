import Foundation
import TrialExportCore

/// What to export and where.
public struct ExportOptions: Sendable {
    public var study: URL
    public var raw: URL
    public var output: URL
    public var standards: URL
    /// `YYYY-MM-DD`; nil uses the study's `dataCutoff`.
    public var cutoff: String?
    /// The previous transfer's export folder: adds a Changes sheet and marks new and changed rows.
    public var previous: URL?
    /// The report templates (a copy of `templates/`); nil uses the project's.
    public var templates: URL?
    /// Everything on one thread (slower; the output is the same bytes, which this lets one check).
    public var singleThreaded = false
    /// The formats the datasets are written in (`--formats`); `define.xml` comes with `xpt`.
    public var formats: Set<OutputFormat> = Set(OutputFormat.allCases)

    public init(
        study: URL, raw: URL, output: URL, standards: URL, cutoff: String? = nil, previous: URL? = nil,
        templates: URL? = nil
    ) {
        self.previous = previous
        self.templates = templates
        self.study = study
        self.raw = raw
        self.output = output
        self.standards = standards
        self.cutoff = cutoff
    }
}

/// The outcome of an export that ran to the end (it may still have error findings).
public struct ExportOutcome: Sendable {
    public var datasets: [(name: String, records: Int)]
    public var findings: [Finding]
    public var reconciliation: Reconciliation
    public var output: URL
    public var phases: [PhaseReport]
    /// Wall-clock time of the whole export (phases overlap, so this is less than their sum).
    public var seconds: Double
    /// The data cut-off used (`YYYY-MM-DD`) and where it came from (`--cutoff` or the study's default).
    public var cutoff: String
    public var cutoffSource: String

    /// The highest peak resident memory of any phase, in bytes (nil where /proc is not there).
    public var peakResidentBytes: Int? { phases.compactMap(\.peakResidentBytes).max() }

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
    /// Findings the study's finding policy waives.
    public var waivedCount: Int { findings.filter { $0.severity == .waived }.count }
}

/// Load, map, check and write one study: the job behind `trialexport export`.
public enum ExportJob {
    /// Runs the export; `progress` hears each phase as it ends (records, time, peak memory), `note`
    /// what was done beside the output folder before it (stale staging folders cleared).
    public static func run(
        _ options: ExportOptions, progress: @escaping @Sendable (PhaseReport) -> Void = { _ in },
        note: (String) -> Void = { _ in }
    ) throws -> ExportOutcome {
        let started = DispatchTime.now().uptimeNanoseconds
        var timer = PhaseTimer(observer: progress)
        if let given = options.cutoff { _ = try PartialDate.option(given, name: "--cutoff") }
        let templates =
            options.templates ?? ProjectLayout.locate()?.templates
            ?? options.study.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("templates")
        var inputs: [OutputGuard.Input] = [
            ("--raw", options.raw), ("--study", options.study), ("--standards", options.standards),
            ("--templates", templates),
        ]
        if let previous = options.previous { inputs.append(("--previous", previous)) }
        for line in try OutputGuard.prepare(options.output, kind: .export, inputs: inputs) { note(line) }
        var bundle = try StudyBundle.load(study: options.study, standards: options.standards)
        // Templates are read (and checked) first, so a bad template fails before any work.
        let reportWriter = try ReportWriter(templates: templates)
        let cutoffText = options.cutoff ?? bundle.study.dataCutoff
        guard let cutoff = PartialDate(isoCalendarDate: cutoffText) else {
            throw TrialExportError.usage("\(bundle.studyPath): dataCutoff \"\(cutoffText)\" is not a date YYYY-MM-DD")
        }
        bundle.study.dataCutoff = cutoffText  // TS.DCUTDTC is the cut-off of this export
        let findings = FindingCollector()
        let raw = try RawSourceChooser.loadData(
            options.raw, specs: bundle.specs, layouts: bundle.forms, findings: findings, locator: bundle.referenceLocator)
        timer.lap("load", records: raw.tables.values.reduce(0) { $0 + $1.rows.count + $1.rejected.count })
        let context = MappingContext(
            study: bundle.study, ctMap: bundle.ctMap, metadata: bundle.metadata,
            terminology: bundle.terminology, termCodes: bundle.termCodes, raw: raw, cutoff: cutoff,
            ctMapPath: bundle.shown("ct-map.yaml"), studyPath: bundle.shown("study.yaml"))
        context.visits = bundle.visits
        context.rawDateFormats = bundle.forms?.rawDateFormats ?? RawDateFormats()
        let pipeline = ExportPipeline(
            context: context, specs: bundle.specs, findings: findings,
            concurrent: !options.singleThreaded
        ) { name, records, seconds in
            progress(PhaseReport(phase: "map \(name)", seconds: seconds, records: records, peakResidentBytes: nil))
        }
        // Each dataset's sheet and CSV file are written in the background as soon as it is mapped
        // (after comparing it with the previous transfer, if any), while the rest is still mapped.
        let marker = OutputMarker(kind: .export, studyId: bundle.study.studyId, cutoff: cutoffText, raw: options.raw.path)
        let output = try OutputWriter(
            destination: options.output, concurrent: !options.singleThreaded, formats: options.formats, marker: marker)
        do {
            return try finish(
                options, bundle: bundle, cutoff: cutoffText, pipeline: pipeline, output: output, raw: raw,
                findings: findings, reportWriter: reportWriter, timer: &timer, started: started)
        } catch {
            output.abandon()
            throw error
        }
    }

    private static func finish(
        _ options: ExportOptions, bundle: StudyBundle, cutoff cutoffText: String, pipeline: ExportPipeline,
        output: OutputWriter, raw: RawData, findings: FindingCollector, reportWriter: ReportWriter,
        timer: inout PhaseTimer, started: UInt64
    ) throws -> ExportOutcome {
        try output.start(study: bundle.study, cutoff: cutoffText)
        let comparer = try options.previous.map { try PreviousTransfer.Comparer(previous: $0, metadata: bundle.metadata) }
        let result = try pipeline.map { datasets in
            output.add(datasets, marks: try comparer?.compare(datasets) ?? [:])
        }
        raw.release()  // the raw records are accounted for in the reconciliation; free them before checking
        timer.lap("map and derive", records: result.recordCount)
        let previous = comparer?.result()
        pipeline.check(result)
        let cutoff = CutoffCoverage.Cutoff(date: PartialDate(isoCalendarDate: cutoffText)!, source: cutoffSource(options))
        CutoffCoverage.findings(result, cutoff: cutoff).forEach(findings.report)
        timer.lap("check", records: result.recordCount)
        let trialReport = TrialReportBuilder(study: bundle.study, cutoff: cutoffText).build(result.datasets)
        trialReport.findings.forEach(FindingSources(datasets: result.datasets, next: findings).report)
        let reportFiles = try reportWriter.render(trialReport)
        timer.lap("reports", records: result.recordCount)
        let decided = bundle.findingPolicy.apply(findings.findings, source: "finding-policy.yaml")
        var report = ExportReport(study: bundle.study, cutoff: cutoffText, result: result, findings: decided)
        report.previous = previous
        report.trialReport = trialReport
        report.reportFiles = reportFiles
        report.define = DefineSources(
            specs: bundle.specs, metadata: bundle.metadata, terminology: bundle.terminology,
            termCodes: bundle.termCodes)
        for phase in try output.finish(report) { timer.add(phase) }
        return ExportOutcome(
            datasets: result.datasets.map { ($0.name, $0.rows.count) }, findings: decided,
            reconciliation: result.reconciliation, output: options.output, phases: timer.reports,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
            cutoff: cutoffText, cutoffSource: cutoff.source)
    }

    /// Where the cut-off came from, for messages: the option, or the study's default.
    static func cutoffSource(_ options: ExportOptions) -> String {
        options.cutoff == nil ? "the study's dataCutoff in study.yaml, as --cutoff was not given" : "--cutoff"
    }
}
