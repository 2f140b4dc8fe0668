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

    public init(study: URL, raw: URL, output: URL, standards: URL, cutoff: String? = nil) {
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
    public var seconds: [(phase: String, seconds: Double)]

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }
}

/// Load, map, check and write one study: the job behind `trialexport export`.
public enum ExportJob {
    public static func run(_ options: ExportOptions, progress: (String) -> Void = { _ in }) throws -> ExportOutcome {
        var clock = PhaseClock()
        let bundle = try StudyBundle.load(study: options.study, standards: options.standards)
        let cutoffText = options.cutoff ?? bundle.study.dataCutoff
        guard case .success(let cutoff?) = EDCDateParser.parseDate(cutoffText), cutoff.isComplete,
              cutoffText.count == 10 else {
            throw TrialExportError.usage("--cutoff \"\(cutoffText)\" is not a date YYYY-MM-DD")
        }
        let findings = FindingCollector()
        progress("loading \(options.raw.path)")
        let tables = try RawDataLoader.load(folder: options.raw, specs: bundle.specs, findings: findings)
        clock.lap("load")
        progress("mapping \(bundle.specs.count) domain specs")
        let raw = RawData(tables: tables, subjectColumn: bundle.specs.first?.subjectColumn ?? "Subject")
        var context = MappingContext(study: bundle.study, ctMap: bundle.ctMap, metadata: bundle.metadata,
                                     terminology: bundle.terminology, termCodes: bundle.termCodes, raw: raw, cutoff: cutoff,
                                     ctMapPath: bundle.ctMapPath, studyPath: bundle.studyPath)
        context.visits = bundle.visits
        let result = try ExportPipeline(context: context, specs: bundle.specs, findings: findings).run()
        clock.lap("map, derive and check")
        progress("writing \(options.output.path)")
        let report = ExportReport(study: bundle.study, cutoff: cutoffText, result: result, findings: findings.findings)
        try OutputWriter(destination: options.output).write(report)
        clock.lap("write")
        return ExportOutcome(datasets: result.datasets.map { ($0.name, $0.rows.count) }, findings: findings.findings,
                             reconciliation: result.reconciliation, output: options.output, seconds: clock.laps)
    }
}

/// Wall-clock time per phase.
struct PhaseClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(phase: String, seconds: Double)] = []

    mutating func lap(_ phase: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((phase, Double(now - last) / 1e9))
        last = now
    }
}
