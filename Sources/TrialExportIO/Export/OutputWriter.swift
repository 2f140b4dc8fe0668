import Foundation
import TrialExportCore

/// Writes an export: `csv/<dataset>.csv`, `<STUDYID>-sdtm.xlsx`, `findings.csv`, `reconciliation.csv`,
/// all or nothing (see ``AtomicFolder``). The CSV files and the workbook are written side by
/// side on two threads; each file's bytes do not depend on that.
public struct OutputWriter {
    public let destination: URL

    public init(destination: URL) { self.destination = destination }

    /// Writes everything and returns the time each part took (the parts overlap in time).
    @discardableResult
    public func write(_ report: ExportReport) throws -> [PhaseReport] {
        var phases: [PhaseReport] = []
        try AtomicFolder.replace(destination) { folder in
            // No intermediate folders: after an interrupt removed the staging folder, nothing re-creates it.
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("csv"), withIntermediateDirectories: false)
            try writeReports(report, into: folder)
            let records = report.result.recordCount
            let workbook = folder.appendingPathComponent("\(report.study.studyId)-sdtm.xlsx")
            let content = WorkbookBuilder.content(for: report)
            phases = try Parallel.run([
                { try Self.timed("write CSV", records: records) { try writeCSV(report, into: folder) } },
                { try Self.timed("write XLSX", records: records) {
                    try XLSXWorkbookWriter.write(content, to: workbook.path, tmpdir: folder.path)
                } },
            ])
        }
        return phases
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
