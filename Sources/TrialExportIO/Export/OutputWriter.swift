import Foundation
import TrialExportCore

/// Writes an export: `csv/<dataset>.csv`, `<STUDYID>-sdtm.xlsx`, `reports/*.md`, `findings.csv`,
/// `reconciliation.csv`, all or nothing (see ``StagingFolder``).
///
/// The workbook's dataset sheets are written on a background thread as soon as the datasets
/// exist (``startDatasetSheets(study:cutoff:datasets:marks:)``), while the caller checks the data and
/// renders the reports; ``finish(_:)`` then writes the CSV files beside the workbook's last sheets.
/// No file's bytes depend on that scheduling.
public final class OutputWriter {
    public let destination: URL
    private let staging: StagingFolder
    private var stream: WorkbookStream?
    private var sheetsJob: BackgroundJob?
    private var sheetsSeconds = 0.0

    public init(destination: URL) throws {
        self.destination = destination
        staging = try StagingFolder(destination: destination)
        // No intermediate folders: after an interrupt removed the staging folder, nothing re-creates it.
        do {
            try FileManager.default.createDirectory(at: staging.url.appendingPathComponent("csv"), withIntermediateDirectories: false)
        } catch {
            throw TrialExportError.writeFailed(path: staging.url.path, detail: error.localizedDescription)
        }
    }

    /// Starts the workbook and writes its dataset sheets in the background.
    public func startDatasetSheets(study: StudyDefinition, cutoff: String, datasets: [Dataset],
                                   marks: [String: [Int: RowMark]] = [:]) throws {
        let path = staging.url.appendingPathComponent("\(study.studyId)-sdtm.xlsx").path
        let stream = try WorkbookStream(path: path, tmpdir: staging.url.path, created: WorkbookBuilder.creationDate(cutoff),
                                        title: study.title)
        self.stream = stream
        var content = WorkbookContent(studyId: study.studyId, title: study.title, cutoff: cutoff, created: Date(), datasets: datasets)
        content.rowMarks = marks
        let tables = XLSXWorkbookWriter.datasetTables(content)
        sheetsJob = BackgroundJob {
            let started = DispatchTime.now().uptimeNanoseconds
            for table in tables { try stream.add(table) }
            return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        }
    }

    /// Writes the rest and swaps the export in; returns the time each part took (they overlap).
    @discardableResult
    public func finish(_ report: ExportReport) throws -> [PhaseReport] {
        do {
            if stream == nil {
                try startDatasetSheets(study: report.study, cutoff: report.cutoff, datasets: report.result.datasets,
                                       marks: report.previous?.marks ?? [:])
            }
            let sheetSeconds = try sheetsJob?.wait() ?? 0
            let folder = staging.url
            try writeReports(report, into: folder)
            let records = report.result.recordCount
            let content = WorkbookBuilder.content(for: report)
            var phases = try Concurrently.run([
                { try Self.timed("write CSV", records: records) { try self.writeCSV(report, into: folder) } },
                { try Self.timed("write XLSX", records: records) { try self.stream?.finish(content) } },
            ])
            phases[1].seconds += sheetSeconds
            try staging.commit()
            return phases
        } catch {
            sheetsJob = nil
            staging.abandon()
            if let known = error as? TrialExportError { throw known }
            throw TrialExportError.writeFailed(path: destination.path, detail: error.localizedDescription)
        }
    }

    /// Writes everything in one go (for callers that have the whole report at once).
    @discardableResult
    public static func write(_ report: ExportReport, to destination: URL) throws -> [PhaseReport] {
        try OutputWriter(destination: destination).finish(report)
    }

    private func writeCSV(_ report: ExportReport, into folder: URL) throws {
        for dataset in report.result.datasets {
            try DatasetCSVWriter.write(dataset, to: folder.appendingPathComponent("csv/\(dataset.name.lowercased()).csv").path)
        }
        try writeTable(ExportReport.findingColumns, report.findingRows, to: folder.appendingPathComponent("findings.csv"))
        try writeTable(Reconciliation.tableColumns, report.result.reconciliation.tableRows(),
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
        return PhaseReport(phase: phase, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9,
                           records: records, peakResidentBytes: nil)
    }
}

/// Work on its own thread whose result (or error) is collected by ``wait()``.
final class BackgroundJob: @unchecked Sendable {
    // @unchecked: `result` is written once before `done.leave()` and read after `done.wait()`.
    private let done = DispatchGroup()
    private var result: Result<Double, Error> = .success(0)

    init(_ body: @escaping () throws -> Double) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { try body() }
            self.done.leave()
        }
    }

    func wait() throws -> Double {
        done.wait()
        return try result.get()
    }
}
