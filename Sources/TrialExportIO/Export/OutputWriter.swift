import Foundation
import TrialExportCore

/// Writes an export: `csv/<dataset>.csv`, `<STUDYID>-sdtm.xlsx`, `findings.csv`, `reconciliation.csv`,
/// all or nothing (see ``AtomicFolder``).
public struct OutputWriter {
    public let destination: URL

    public init(destination: URL) { self.destination = destination }

    public func write(_ report: ExportReport) throws {
        try AtomicFolder.replace(destination) { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("csv"), withIntermediateDirectories: true)
            for dataset in report.result.datasets {
                try DatasetCSVWriter.write(dataset, to: folder.appendingPathComponent("csv/\(dataset.name.lowercased()).csv").path)
            }
            try writeTable(ExportReport.findingColumns, report.findingRows, to: folder.appendingPathComponent("findings.csv"))
            try writeTable(Reconciliation.tableColumns, report.result.reconciliation.tableRows(),
                           to: folder.appendingPathComponent("reconciliation.csv"))
            let workbook = folder.appendingPathComponent("\(report.study.studyId)-sdtm.xlsx")
            try XLSXWorkbookWriter.write(WorkbookBuilder.content(for: report), to: workbook.path, tmpdir: folder.path)
        }
    }

    private func writeTable(_ columns: [String], _ rows: [[String]], to url: URL) throws {
        let writer = try CSVWriter(path: url.path)
        try writer.writeRow(columns)
        for row in rows { try writer.writeRow(row) }
        try writer.close()
    }
}
