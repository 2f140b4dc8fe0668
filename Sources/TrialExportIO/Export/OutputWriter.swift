import Foundation
import TrialExportCore

/// Writes an export: per chosen format `csv/<dataset>.csv`, `<STUDYID>-sdtm.xlsx`,
/// `xpt/<dataset>.xpt` with `define.xml`, `json/<dataset>.json`; always `reports/*.md`,
/// `findings.csv`, `reconciliation.csv`; all or nothing (see ``StagingFolder``).
///
/// Each format's ``DatasetSink`` is fed on its own background queue as soon as a dataset is given
/// (``start(study:cutoff:)``, then ``add(_:marks:)`` in workbook order), while the caller maps,
/// checks and reports; ``finish(_:)`` then writes the tables, closes every sink (the workbook's
/// last sheets, define.xml) and swaps the export in. No file's bytes depend on that scheduling.
///
/// @unchecked Sendable: `channels` and `workbook` are set by ``start(study:cutoff:)`` before any
/// job is queued and never changed after; each sink is used only by the jobs of its own
/// ``SerialJobs`` queue, and ``finish(_:)`` closes it only after waiting for that queue.
/// ``add(_:marks:)`` is called from the pipeline's in-order hand-over, one call at a time.
public final class OutputWriter: @unchecked Sendable {
    public let destination: URL
    private let staging: StagingFolder
    private let formats: [OutputFormat]
    /// One per chosen format, set by ``start(study:cutoff:)``: its sink and its background queue.
    private var channels: [Channel] = []
    private var workbook: WorkbookStream?
    private let concurrent: Bool
    /// Written last into the export (nil: one naming the report's study and cut-off).
    private let marker: OutputMarker?
    /// Most bytes of one XPT file (the FDA's 5 GB); a test lowers it to split a small dataset.
    var xptFileByteLimit = XPTSink.fdaFileByteLimit
    /// Datasets with more rows are written as Dataset-JSON NDJSON.
    var ndjsonRowThreshold = DatasetJSONSink.defaultNDJSONRowThreshold

    /// `concurrent: false` writes everything on the calling thread, when it is asked for.
    public init(
        destination: URL, concurrent: Bool = true, formats: Set<OutputFormat> = Set(OutputFormat.allCases),
        marker: OutputMarker? = nil
    ) throws {
        self.destination = destination
        self.marker = marker
        self.concurrent = concurrent
        self.formats = formats.sorted()
        staging = try StagingFolder(destination: destination)
        // No intermediate folders: after an interrupt removed the staging folder, nothing re-creates it.
        for folder in self.formats.compactMap(\.folder) {
            do {
                try FileManager.default.createDirectory(
                    at: staging.url.appendingPathComponent(folder), withIntermediateDirectories: false)
            } catch {
                throw TrialExportError.writeFailed(path: staging.url.path, detail: error.localizedDescription)
            }
        }
    }

    /// Starts the sinks: from now on ``add(_:marks:)`` writes the datasets in the background.
    public func start(study: StudyDefinition, cutoff: String) throws {
        let created = WorkbookBuilder.creationDate(cutoff)
        channels = try formats.map { format in
            Channel(
                format: format, sink: try sink(format, study: study, cutoff: cutoff, created: created),
                jobs: SerialJobs(label: "trialexport.\(format.rawValue)", background: concurrent))
        }
    }

    private func sink(_ format: OutputFormat, study: StudyDefinition, cutoff: String, created: Date) throws -> DatasetSink {
        let folder = staging.url.appendingPathComponent(format.rawValue)
        switch format {
        case .csv: return CSVSink(folder: folder)
        case .xpt: return XPTSink(folder: folder, created: created, fileByteLimit: xptFileByteLimit)
        case .json:
            return DatasetJSONSink(folder: folder, study: study.studyId, cutoff: cutoff, ndjsonRowThreshold: ndjsonRowThreshold)
        case .xlsx:
            let path = staging.url.appendingPathComponent("\(study.studyId)-sdtm.xlsx").path
            let stream = try WorkbookStream(
                path: path, tmpdir: staging.url.path, created: created, title: study.title,
                page: PageLabels(studyId: study.studyId, cutoff: cutoff))
            workbook = stream
            return WorkbookSink(stream: stream)
        }
    }

    /// Queues datasets (in workbook order), with their row marks, to every sink.
    public func add(_ datasets: [Dataset], marks: [String: [Int: RowMark]] = [:]) {
        for channel in channels {
            let sink = channel.sink
            channel.jobs.run { for dataset in datasets { try sink.write(dataset, marks: marks[dataset.name] ?? [:]) } }
        }
    }

    /// Starts the sinks and queues all the datasets at once.
    public func startDatasetSheets(
        study: StudyDefinition, cutoff: String, datasets: [Dataset],
        marks: [String: [Int: RowMark]] = [:]
    ) throws {
        try start(study: study, cutoff: cutoff)
        add(datasets, marks: marks)
    }

    /// Writes the rest and swaps the export in; returns the time each part took (they overlap).
    @discardableResult
    public func finish(_ report: ExportReport) throws -> [PhaseReport] {
        do {
            if channels.isEmpty {
                try startDatasetSheets(
                    study: report.study, cutoff: report.cutoff, datasets: report.result.datasets,
                    marks: report.previous?.marks ?? [:])
            }
            let folder = staging.url
            try writeReports(report, into: folder)
            try writeTables(report, into: folder)
            let content = formats.contains(.xlsx) ? WorkbookBuilder.content(for: report) : nil
            // Every sink is finished side by side; define.xml is written beside the XPT files.
            let parts = try Concurrently.map(Array(channels.indices), concurrent: concurrent) { index in
                try self.finishChannel(self.channels[index], report: report, content: content)
            }
            try staging.commit(
                marker: marker ?? OutputMarker(kind: .export, studyId: report.study.studyId, cutoff: report.cutoff))
            return parts.flatMap { $0 }
        } catch {
            abandon()
            if let known = error as? TrialExportError { throw known }
            throw TrialExportError.writeFailed(path: destination.path, detail: error.localizedDescription)
        }
    }

    /// Waits for a sink's queue and closes it (the workbook: its last sheets); define.xml after the XPT files.
    private func finishChannel(_ channel: Channel, report: ExportReport, content: WorkbookContent?) throws -> [PhaseReport] {
        let records = report.result.recordCount
        var phase = try Self.timed(channel.format.phase, records: records) {
            try channel.jobs.wait()
            try channel.sink.close()
            if channel.format == .xlsx, let content { try self.workbook?.finish(content) }
        }
        phase.seconds += channel.jobs.seconds
        guard channel.format == .xpt else { return [phase] }
        let define = try Self.timed("write define.xml", records: records) {
            try DefineWriter.write(
                report, files: (channel.sink as? XPTSink)?.files ?? [:],
                to: self.staging.url.appendingPathComponent("define.xml"))
        }
        return [phase, define]
    }

    /// A chosen format: its sink and the queue that feeds it.
    private struct Channel {
        let format: OutputFormat
        let sink: DatasetSink
        let jobs: SerialJobs
    }

    /// Gives up the export: waits for the background writers, then removes the staging folder.
    public func abandon() {
        for channel in channels { _ = try? channel.jobs.wait() }
        staging.abandon()
    }

    /// Writes everything in one go (for callers that have the whole report at once).
    @discardableResult
    public static func write(_ report: ExportReport, to destination: URL) throws -> [PhaseReport] {
        try OutputWriter(destination: destination).finish(report)
    }

    /// `findings.csv` and `reconciliation.csv` (the dataset files are written as the datasets come).
    private func writeTables(_ report: ExportReport, into folder: URL) throws {
        try writeTable(ExportReport.findingColumns, report.findingRows, to: folder.appendingPathComponent("findings.csv"))
        try writeTable(
            Reconciliation.tableColumns, report.result.reconciliation.tableRows(),
            to: folder.appendingPathComponent("reconciliation.csv"))
    }

    /// `reports/consort.md` and `reports/arm-<ARMCD>.md`, as rendered from the templates.
    private func writeReports(_ report: ExportReport, into folder: URL) throws {
        guard !report.reportFiles.isEmpty else { return }
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: false)
        for (file, text) in report.reportFiles {
            let url = reports.appendingPathComponent(file)
            do {
                try Data(text.utf8).write(to: url)
            } catch {
                throw TrialExportError.writeFailed(path: url.path, detail: error.localizedDescription)
            }
        }
    }

    private func writeTable(_ columns: [String], _ rows: [[String]], to url: URL) throws {
        let writer = try CSVWriter(path: url.path)
        try writer.writeRow(columns)
        for row in rows { try writer.writeRow(row) }
        try writer.close()
    }

    private static func timed(_ phase: String, records: Int, _ body: () throws -> Void) throws -> PhaseReport {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        // The write phases overlap each other and the phases before: the peak is that since the
        // last phase the caller timed, i.e. of the finishing part.
        return PhaseReport(
            phase: phase, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9,
            records: records, peakResidentBytes: ProcessMemory.peakResidentBytes())
    }
}
