/// Renders an ``ExportDiff`` as Markdown for a pull-request comment: a summary table first, then
/// per differing dataset one row per changed record (all its changed variables in that row), and
/// the added and removed records.
///
/// With a byte budget (`maxBytes`) the report stops at the last whole line that fits, followed by a
/// note saying how much was left out; the summary always comes first, so it is what is kept.
public enum DiffMarkdownRenderer {
    /// A comment on GitHub holds 65,536 characters; the default leaves room for the note.
    public static let defaultMaxBytes = 60_000

    /// The whole report as Markdown, each line ending in a line feed.
    public static func render(_ diff: ExportDiff, maxBytes: Int? = nil) -> String {
        var text = ""
        render(diff, maxBytes: maxBytes) { text += $0 + "\n" }
        return text
    }

    /// Emits the report line by line (no line ends), so a caller can stream it.
    /// `maxBytes` nil or 0: no limit.
    public static func render(_ diff: ExportDiff, maxBytes: Int? = nil, line: (String) -> Void) {
        withoutActuallyEscaping(line) { line in
            var budget = Budget(limit: maxBytes.flatMap { $0 > 0 ? $0 : nil }, emit: line)
            summary(diff, into: &budget)
            for dataset in diff.differing where !budget.exhausted { section(dataset, into: &budget) }
            budget.finish(records: diff.differing.reduce(0) { $0 + $1.changed.count + $1.added.count + $1.removed.count })
        }
    }

    private static func summary(_ diff: ExportDiff, into out: inout Budget) {
        out.line("# Export diff")
        out.line("")
        out.line("Old: `\(diff.old)`  ")
        out.line("New: `\(diff.new)`")
        out.line("")
        out.line("| Dataset | Status | Old records | New records | Changed | Added | Removed |")
        out.line("|---|---|---:|---:|---:|---:|---:|")
        for r in DiffSummaryRow.rows(diff) {
            out.line(
                "| \(r.name) | \(r.status.rawValue) | \(r.oldRecords) | \(r.newRecords) | \(r.changed) | \(r.added) | \(r.removed) |"
            )
        }
        out.line("")
        out.line(DiffSummaryRow.total(diff))
    }

    private static func section(_ dataset: DatasetDiff, into out: inout Budget) {
        out.line("")
        out.line("## \(dataset.name)")
        out.line("")
        out.line("Records \(dataset.matchingDescription).")
        if !dataset.columnsAdded.isEmpty { out.line("Columns added: \(dataset.columnsAdded.joined(separator: ", ")).") }
        if !dataset.columnsRemoved.isEmpty { out.line("Columns removed: \(dataset.columnsRemoved.joined(separator: ", ")).") }
        if dataset.columnOrderChanged { out.line("Column order changed.") }
        for note in DiffTextRenderer.notes(dataset) { out.line("Note: \(cell(note)).") }
        if !dataset.changed.isEmpty {
            table("Changed records", ["Key", "Lines (old, new)", "Changes"], into: &out)
            for change in dataset.changed {
                let changes = change.changes.map { "`\($0.variable)`: \(shown($0.old)) → \(shown($0.new))" }
                out.record(
                    row([dataset.describeKey(change.key), "\(change.oldLine), \(change.newLine)"]) + " "
                        + changes.map(cell)
                        .joined(separator: "<br>") + " |")
            }
        }
        records("Added records", dataset.added, dataset, into: &out)
        records("Removed records", dataset.removed, dataset, into: &out)
    }

    private static func records(_ title: String, _ records: [DiffRecord], _ dataset: DatasetDiff, into out: inout Budget) {
        guard !records.isEmpty else { return }
        table(title, ["Key", "Line"], into: &out)
        for record in records { out.record(row([dataset.describeKey(record.key), "\(record.line)"])) }
    }

    private static func table(_ title: String, _ headers: [String], into out: inout Budget) {
        out.line("")
        out.line("### \(title)")
        out.line("")
        out.line(row(headers))
        out.line("|" + String(repeating: "---|", count: headers.count))
    }

    /// `| a | b |`, or with a trailing cell still to add: callers append ` cell |`.
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

    /// Lines emitted as they come without a limit; with one, kept until the end so that a report
    /// that fits is emitted whole and one that does not is cut at a line, leaving room for the note.
    struct Budget {
        let limit: Int?
        let emit: (String) -> Void
        private var kept: [(text: String, isRecord: Bool)] = []
        private var used = 0
        /// True once the kept lines exceed the limit: the rest need not be made.
        private(set) var exhausted = false

        init(limit: Int?, emit: @escaping (String) -> Void) {
            self.limit = limit
            self.emit = emit
        }

        /// Room kept for the closing note.
        static let noteBytes = 300

        mutating func line(_ text: String, isRecord: Bool = false) {
            guard let limit else { return emit(text) }
            guard !exhausted else { return }
            kept.append((text, isRecord))
            used += text.utf8.count + 1
            if used > limit { exhausted = true }
        }

        /// A line that shows one record (counted for the note).
        mutating func record(_ text: String) { line(text, isRecord: true) }

        /// Emits the kept lines: all when they fit, else those that fit beside the note, then the note.
        func finish(records: Int) {
            guard let limit else { return }
            guard exhausted else { return kept.forEach { emit($0.text) } }
            var bytes = 0
            var shown = 0
            for line in kept {
                bytes += line.text.utf8.count + 1
                if bytes > max(limit - Self.noteBytes, 0) { break }
                emit(line.text)
                if line.isRecord { shown += 1 }
            }
            emit("")
            emit(
                "*Cut at \(limit) bytes (--max-bytes): \(records - shown) of \(records) changed, added or removed records "
                    + "are not shown. Run `trialexport diff --format markdown --max-bytes 0` for the whole report.*")
        }
    }
}
