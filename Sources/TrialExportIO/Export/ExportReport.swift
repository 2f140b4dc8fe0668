import TrialExportCore

/// Everything one export writes: datasets, findings and the reconciliation, for one study and cut-off.
public struct ExportReport: Sendable {
    public var study: StudyDefinition
    public var cutoff: String
    public var result: ExportResult
    public var findings: [Finding]
    /// Changes since the previous transfer, when one was given.
    var previous: PreviousTransfer?
    /// The CONSORT-style summaries and their rendered Markdown files (`reports/<file>`).
    public var trialReport: TrialReport?
    public var reportFiles: [(file: String, text: String)] = []
    /// The specs, metadata and CT that `define.xml` describes (nil: origins and codelists left out).
    public var define: DefineSources?

    public static let findingColumns = [
        "Severity", "Code", "File", "Line", "Column", "Domain", "USUBJID", "SEQ",
        "Variable", "Value", "Message", "Hint", "Policy",
    ]

    /// Findings as table rows (Line lists every line of a record built from several), errors first, then in the order they were made.
    public var findingRows: [[String]] {
        findings.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map { _, f in
            [
                f.severity.rawValue, f.code, f.file ?? "", f.lines ?? f.line.map(String.init) ?? "", f.column ?? "",
                f.domain ?? "",
                f.usubjid ?? "", f.seq.map(String.init) ?? "", f.variable ?? "", f.value ?? "", f.message, f.hint,
                f.policy ?? "",
            ]
        }
    }
}
