/// Renders an ``ExportDiff`` as Markdown: a summary table, then per differing dataset its tables
/// of changed, added and removed records.
public enum DiffMarkdownRenderer {
    /// The whole report as Markdown, each line ending in a line feed.
    public static func render(_ diff: ExportDiff) -> String {
        var text = ""
        render(diff) { text += $0 + "\n" }
        return text
    }

    /// Emits the report line by line (no line ends), so a caller can stream it.
    public static func render(_ diff: ExportDiff, line: (String) -> Void) {
        line("# Export diff")
        line("")
        line("Old: `\(diff.old)`  ")
        line("New: `\(diff.new)`")
        line("")
        line("| Dataset | Status | Old records | New records | Changed | Added | Removed |")
        line("|---|---|---:|---:|---:|---:|---:|")
        for r in DiffSummaryRow.rows(diff) {
            line(
                "| \(r.name) | \(r.status.rawValue) | \(r.oldRecords) | \(r.newRecords) | \(r.changed) | \(r.added) | \(r.removed) |"
            )
        }
        line("")
        line(DiffSummaryRow.total(diff))
        for dataset in diff.differing { section(dataset, line: line) }
    }

    private static func section(_ dataset: DatasetDiff, line: (String) -> Void) {
        line("")
        line("## \(dataset.name)")
        line("")
        line("Records \(dataset.matchingDescription).")
        if !dataset.columnsAdded.isEmpty { line("Columns added: \(dataset.columnsAdded.joined(separator: ", ")).") }
        if !dataset.columnsRemoved.isEmpty { line("Columns removed: \(dataset.columnsRemoved.joined(separator: ", ")).") }
        if dataset.columnOrderChanged { line("Column order changed.") }
        for note in DiffTextRenderer.notes(dataset) { line("Note: \(cell(note)).") }
        if !dataset.changed.isEmpty {
            table("Changed records", ["Key", "Old line", "New line", "Variable", "Old", "New"], line: line)
            for change in dataset.changed {
                for value in change.changes {
                    line(
                        row([
                            dataset.describeKey(change.key), "\(change.oldLine)", "\(change.newLine)", value.variable,
                            shown(value.old), shown(value.new),
                        ]))
                }
            }
        }
        records("Added records", dataset.added, dataset, line: line)
        records("Removed records", dataset.removed, dataset, line: line)
    }

    private static func records(_ title: String, _ records: [DiffRecord], _ dataset: DatasetDiff, line: (String) -> Void) {
        guard !records.isEmpty else { return }
        table(title, ["Key", "Line"], line: line)
        for record in records { line(row([dataset.describeKey(record.key), "\(record.line)"])) }
    }

    private static func table(_ title: String, _ headers: [String], line: (String) -> Void) {
        line("")
        line("### \(title)")
        line("")
        line(row(headers))
        line("|" + String(repeating: "---|", count: headers.count))
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.map(cell).joined(separator: " | ") + " |"
    }

    /// A value in a table: null shown as *null*.
    private static func shown(_ value: String) -> String { value.isEmpty ? "*null*" : value }

    /// Escapes what would break a table cell: pipes, line ends, backticks at the edges stay literal.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
            .replacingOccurrences(of: "\r", with: "<br>")
    }
}
