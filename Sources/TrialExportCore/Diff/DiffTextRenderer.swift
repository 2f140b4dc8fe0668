/// Renders an ``ExportDiff`` for a terminal: a summary line per dataset, then the record changes.
///
/// ```
/// AE  differs: 1 changed, 0 added, 1 removed (12 -> 11 records)
/// DM  identical (3 records)
/// different: 2 datasets compared, 1 differs, 0 added, 0 removed
///
/// AE  changed  STUDYID=S1, USUBJID=S1-001, AEDECOD=HEADACHE, AESTDTC=2024-01-02  (line 3 -> 3)
///     AESEV: MILD -> MODERATE
/// ```
public enum DiffTextRenderer {
    /// The whole report as text, each line ending in a line feed.
    public static func render(_ diff: ExportDiff) -> String {
        var text = ""
        render(diff) { text += $0 + "\n" }
        return text
    }

    /// Emits the report line by line (no line ends), so a caller can stream it.
    public static func render(_ diff: ExportDiff, line: (String) -> Void) {
        let rows = DiffSummaryRow.rows(diff)
        let width = rows.map(\.name.count).max() ?? 0
        for row in rows { line(pad(row.name, width) + "  " + summary(row, diff)) }
        line(DiffSummaryRow.total(diff))
        for dataset in diff.differing { details(dataset, width: width, line: line) }
    }

    private static func summary(_ row: DiffSummaryRow, _ diff: ExportDiff) -> String {
        switch row.status {
        case .identical:
            let renumbered = diff.datasets.first { $0.name == row.name }.flatMap(renumbering) ?? ""
            return "identical (\(row.newRecords) records\(renumbered))"
        case .added: return "dataset added (\(row.newRecords) records)"
        case .removed: return "dataset removed (\(row.oldRecords) records)"
        case .differs:
            var text =
                "differs: \(row.changed) changed, \(row.added) added, \(row.removed) removed "
                + "(\(row.oldRecords) -> \(row.newRecords) records)"
            if let dataset = diff.datasets.first(where: { $0.name == row.name }) { text += columnSummary(dataset) }
            return text
        }
    }

    private static func columnSummary(_ dataset: DatasetDiff) -> String {
        var parts: [String] = []
        if !dataset.columnsAdded.isEmpty { parts.append("columns added: " + dataset.columnsAdded.joined(separator: ", ")) }
        if !dataset.columnsRemoved.isEmpty { parts.append("columns removed: " + dataset.columnsRemoved.joined(separator: ", ")) }
        if dataset.columnOrderChanged { parts.append("column order changed") }
        return parts.isEmpty ? "" : "; " + parts.joined(separator: "; ")
    }

    private static func details(_ dataset: DatasetDiff, width: Int, line: (String) -> Void) {
        let name = pad(dataset.name, width)
        let indent = String(repeating: " ", count: width + 4)
        line("")
        line("\(name)  \(dataset.matchingDescription)")
        for note in notes(dataset) { line("\(name)  note: \(note)") }
        for change in dataset.changed {
            line("\(name)  changed  \(dataset.describeKey(change.key))  (line \(change.oldLine) -> \(change.newLine))")
            for value in change.changes {
                line("\(indent)\(value.variable): \(DiffText.display(value.old)) -> \(DiffText.display(value.new))")
            }
        }
        for record in dataset.added { line("\(name)  added    \(dataset.describeKey(record.key))  (new line \(record.line))") }
        for record in dataset.removed { line("\(name)  removed  \(dataset.describeKey(record.key))  (old line \(record.line))") }
    }

    /// The dataset's notes plus a word on ignored `--SEQ` renumbering.
    static func notes(_ dataset: DatasetDiff) -> [String] {
        guard dataset.sequenceRenumbered > 0, let seq = dataset.sequenceVariable else { return dataset.notes }
        return dataset.notes + ["\(seq) differs in \(dataset.sequenceRenumbered) matched record(s) (renumbering; not listed)"]
    }

    private static func renumbering(_ dataset: DatasetDiff) -> String? {
        guard dataset.sequenceRenumbered > 0, let seq = dataset.sequenceVariable else { return nil }
        return "; \(seq) renumbered in \(dataset.sequenceRenumbered)"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
