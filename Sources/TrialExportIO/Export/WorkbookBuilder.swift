import Foundation
import TrialExportCore

/// Puts an export into the workbook's shape: Study sheet facts, datasets, Findings, Reconciliation.
enum WorkbookBuilder {
    static func content(for report: ExportReport) -> WorkbookContent {
        let study = report.study
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.filter { $0.severity == .warning }.count
        let facts: [(String, String)] = [
            ("Registry id", study.registryId.map { id in study.registryName.map { "\(id) (\($0))" } ?? id } ?? "not registered"),
            ("Secondary ids", (study.secondaryIds ?? []).joined(separator: ", ")),
            ("Sponsor", study.sponsor),
            (
                "Findings",
                "\(Plural.count(errors, "error")), \(Plural.count(warnings, "warning"))\(waivedText(report)) (sheet Findings)"
            ),
            (
                "Reconciliation",
                report.result.reconciliation.balances
                    ? "balanced: every raw record is mapped, excluded or rejected (sheet Reconciliation)"
                    : "does not balance: see sheet Reconciliation"
            ),
            ("Variable labels", "shown as comments on the header cells of each dataset sheet"),
        ]
        var findings = SheetTable(
            name: "Findings", columns: ExportReport.findingColumns, numericColumns: [3, 7],
            rows: report.findingRows)
        findings.caption = "Every problem found, with its raw file, line and column or its record"
        findings.frozenColumns = 2
        var reconciliation = SheetTable(
            name: "Reconciliation", columns: Reconciliation.tableColumns,
            numericColumns: [3, 4, 5, 6, 7], rows: report.result.reconciliation.tableRows())
        reconciliation.caption = "Every raw record read, rejected, mapped or excluded; every dataset's records"
        var content = WorkbookContent(
            studyId: study.studyId, title: study.title, cutoff: report.cutoff, created: creationDate(report.cutoff),
            studyFacts: facts, datasets: report.result.datasets, extraSheets: [findings, reconciliation])
        content.identity = identity(report)
        if let trialReport = report.trialReport {
            let dm = report.result.datasets.first { $0.name == "DM" }
            let summary = SummarySheet.tables(for: trialReport, dm: dm)
            content.extraSheets.insert(summary.summary, at: 0)
            content.extraSheets.append(summary.chartData)
            content.studyFacts.append(
                (
                    "Summary",
                    "the arms side by side as numbers with a total, and charts (sheet Summary); reports/*.md in the export folder"
                ))
        }
        if let previous = report.previous {
            content.extraSheets.insert(previous.changes, at: report.trialReport == nil ? 0 : 1)
            content.rowMarks = previous.marks
            content.studyFacts.append(
                (
                    "Changes",
                    "since the previous transfer: sheet Changes; added rows green, changed cells orange with the previous value as a comment"
                ))
        }
        return content
    }

    /// The previous transfer, the standards and CT versions (from TS), under the title of the Study sheet.
    static func identity(_ report: ExportReport) -> [(String, String)] {
        var lines: [(String, String)] = []
        if let previous = report.previous {
            lines.append(("Previous transfer", previous.previousCutoff.map { "data cut-off \($0)" } ?? "given (no TS.DCUTDTC)"))
        }
        let ts = report.result.datasets.first { $0.name == "TS" }
        func parameter(_ code: String, _ column: String = "TSVAL") -> String? {
            guard let ts, let p = ts.index(of: "TSPARMCD"), let v = ts.index(of: column) else { return nil }
            return ts.rows.first { $0[p] == code && !$0[v].isEmpty }.map { $0[v] }
        }
        if let ig = parameter("SDTIGVER") {
            lines.append(("Standards", "SDTMIG \(ig)" + (parameter("SDTMVER").map { ", SDTM \($0)" } ?? "")))
        }
        if let ct = parameter("STYPE", "TSVCDVER") { lines.append(("Controlled terminology", "CDISC SDTM CT \(ct)")) }
        return lines
    }

    /// `, 2 waived by the finding policy`, or nothing.
    static func waivedText(_ report: ExportReport) -> String {
        let waived = report.findings.filter { $0.severity == .waived }.count
        return waived > 0 ? ", \(waived) waived by the finding policy" : ""
    }

    /// Midnight UTC of the cut-off day: the workbook's creation time, so its bytes never depend on the clock.
    static func creationDate(_ cutoff: String) -> Date {
        guard case .success(let date?) = EDCDateParser.parseDate(cutoff), let days = date.dayNumber else {
            return Date(timeIntervalSince1970: 0)
        }
        return Date(timeIntervalSince1970: Double(days) * 86_400)
    }
}
