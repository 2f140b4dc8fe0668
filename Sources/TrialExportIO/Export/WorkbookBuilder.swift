import Foundation
import TrialExportCore

/// Puts an export into the workbook's shape: Study sheet facts, datasets, Findings, Reconciliation.
enum WorkbookBuilder {
    static func content(for report: ExportReport) -> WorkbookContent {
        let study = report.study
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.filter { $0.severity == .warning }.count
        let facts: [(String, String)] = [
            ("Registry id", study.registryId),
            ("Secondary ids", study.secondaryIds.joined(separator: ", ")),
            ("Sponsor", study.sponsor),
            ("Findings", "\(errors) errors, \(warnings) warnings (sheet Findings)"),
            ("Reconciliation", report.result.reconciliation.balances
                ? "balanced: every raw record is mapped, excluded or rejected (sheet Reconciliation)"
                : "does not balance: see sheet Reconciliation"),
            ("Variable labels", "shown as comments on the header cells of each dataset sheet"),
        ]
        var content = WorkbookContent(
            studyId: study.studyId, title: study.title, cutoff: report.cutoff, created: creationDate(report.cutoff),
            studyFacts: facts, datasets: report.result.datasets,
            extraSheets: [
                SheetTable(name: "Findings", columns: ExportReport.findingColumns, numericColumns: [3, 7],
                           rows: report.findingRows),
                SheetTable(name: "Reconciliation", columns: Reconciliation.tableColumns, numericColumns: [3, 4, 5, 6, 7],
                           rows: report.result.reconciliation.tableRows()),
            ])
        if let trialReport = report.trialReport {
            content.extraSheets.insert(SummarySheet.table(for: trialReport), at: 0)
            content.studyFacts.append(("Summary", "the arms side by side (sheet Summary); reports/*.md in the export folder"))
        }
        if let previous = report.previous {
            content.extraSheets.insert(previous.changes, at: report.trialReport == nil ? 0 : 1)
            content.rowMarks = previous.marks
            content.studyFacts.append(("Changes", "since the previous transfer: sheet Changes; new rows green, changed rows yellow"))
        }
        return content
    }

    /// Midnight UTC of the cut-off day: the workbook's creation time, so its bytes never depend on the clock.
    static func creationDate(_ cutoff: String) -> Date {
        guard case .success(let date?) = EDCDateParser.parseDate(cutoff), let days = date.dayNumber else {
            return Date(timeIntervalSince1970: 0)
        }
        return Date(timeIntervalSince1970: Double(days) * 86_400)
    }
}
