import Foundation
import TrialExportCore

/// Writes an export: `csv/<dataset>.csv`, `<STUDYID>-sdtm.xlsx`, `reports/*.md`, `findings.csv`,
/// `reconciliation.csv`, all or nothing (see ``StagingFolder``).
///
/// Each dataset's sheet and CSV file are written on background queues as soon as the dataset is
/// given (``start(study:cutoff:)``, then ``add(_:marks:)`` in workbook order), while the caller
/// maps, checks and reports; ``finish(_:)`` then writes the last sheets, `findings.csv` and
/// `reconciliation.csv`, closes the workbook and swaps the export in. No file's bytes depend on
/// that scheduling.
///
/// @unchecked Sendable: `stream` is set by ``start(study:cutoff:)`` before any job that reads it
/// is queued; the jobs run on the two ``SerialJobs`` queues, and ``finish(_:)`` reads the results
/// only after waiting for both. ``add(_:marks:)`` is called from the pipeline's in-order
/// hand-over, one call at a time.
public final class OutputWriter: @unchecked Sendable {
    public let destination: URL
    private let staging: StagingFolder
    private var stream: WorkbookStream?
    /// Dataset sheets and CSV files, each written in order on its own background queue.
    private let sheets: SerialJobs
    private let csvFiles: SerialJobs
    private let concurrent: Bool
    /// Written last into the export (nil: one naming the report's study and cut-off).
    private let marker: OutputMarker?

    /// `concurrent: false` writes everything on the calling thread, when it is asked for.
    public init(destination: URL, concurrent: Bool = true, marker: OutputMarker? = nil) throws {
        self.destination = destination
        self.marker = marker
        self.concurrent = concurrent
        sheets = SerialJobs(label: "trialexport.sheets", background: concurrent)
        csvFiles = SerialJobs(label: "trialexport.csv", background: concurrent)
        staging = try StagingFolder(destination: destination)
        // No intermediate folders: after an interrupt removed the staging folder, nothing re-creates it.
        do {
            try FileManager.default.createDirectory(
                at: staging.url.appendingPathComponent("csv"), withIntermediateDirectories: false)
        } catch {
            throw TrialExportError.writeFailed(path: staging.url.path, detail: error.localizedDescription)
        }
    }

    /// Starts the workbook: from now on ``add(_:marks:)`` writes dataset sheets and CSV files in the background.
    public func start(study: StudyDefinition, cutoff: String) throws {
        let path = staging.url.appendingPathComponent("\(study.studyId)-sdtm.xlsx").path
        stream = try WorkbookStream(
            path: path, tmpdir: staging.url.path, created: WorkbookBuilder.creationDate(cutoff),
            title: study.title, page: PageLabels(studyId: study.studyId, cutoff: cutoff))
    }

    /// Queues datasets (in workbook order) for their sheets, with their row marks, and their CSV files.
    public func add(_ datasets: [Dataset], marks: [String: [Int: RowMark]] = [:]) {
        guard let stream else { return }
        let tables = datasets.map { SheetTable($0, rowMarks: marks[$0.name] ?? [:]) }
        sheets.run { for table in tables { try stream.add(table) } }
        let folder = staging.url.appendingPathComponent("csv")
        csvFiles.run {
            for dataset in datasets {
                try DatasetCSVWriter.write(dataset, to: folder.appendingPathComponent("\(dataset.name.lowercased()).csv").path)
            }
        }
    }

    /// Starts the workbook and queues all the dataset sheets at once.
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
            if stream == nil {
                try startDatasetSheets(
                    study: report.study, cutoff: report.cutoff, datasets: report.result.datasets,
                    marks: report.previous?.marks ?? [:])
            }
            let folder = staging.url
            try writeReports(report, into: folder)
            let records = report.result.recordCount
            let content = WorkbookBuilder.content(for: report)
            // CSV (index 0) and XLSX (index 1) are finished side by side.
            var phases = try Concurrently.map([0, 1], concurrent: concurrent) { part in
                part == 0
                    ? try Self.timed("write CSV", records: records) {
                        try self.csvFiles.wait()
                        try self.writeTables(report, into: folder)
                    }
                    : try Self.timed("write XLSX", records: records) {
                        try self.sheets.wait()
                        try self.stream?.finish(content)
                    }
            }
            phases[0].seconds = csvFiles.seconds + phases[0].seconds
            phases[1].seconds = sheets.seconds + phases[1].seconds
            try staging.commit(
                marker: marker ?? OutputMarker(kind: .export, studyId: report.study.studyId, cutoff: report.cutoff))
            return phases
        } catch {
            abandon()
            if let known = error as? TrialExportError { throw known }
            throw TrialExportError.writeFailed(path: destination.path, detail: error.localizedDescription)
        }
    }

    /// Gives up the export: waits for the background writers, then removes the staging folder.
    public func abandon() {
        _ = try? sheets.wait()
        _ = try? csvFiles.wait()
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
