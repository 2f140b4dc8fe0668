import ArgumentParser
import Foundation
import TrialExportCore
import TrialExportIO

struct DiffCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two exports (or two dataset CSV files) record by record.",
        discussion: """
            Compares <old>/csv/*.csv with <new>/csv/*.csv (the XLSX, findings and reconciliation \
            are not compared). Records are matched by the dataset's SDTMIG natural keys (AE: STUDYID \
            USUBJID AEDECOD AESTDTC), never by --SEQ, so renumbering alone is no change. A key held \
            by several records: identical records are paired first, then the rest in order.

            Exit status: 0 when identical, 1 when they differ, 2 on error (a missing folder, an \
            unreadable CSV), 64 for a malformed command line.

            JSON (schema version 1; keys sorted; datasets by name, records by key): \
            {schemaVersion, old, new, identical, datasetsAdded: [{name, records}], datasetsRemoved: \
            [{name, records}], datasets: [{name, identical, matching (naturalKeys|wholeRecord), keys, \
            sequenceVariable (absent if none), sequenceRenumbered, oldRecords, newRecords, columnsAdded, \
            columnsRemoved, columnOrderChanged, duplicateKeys, notes, changed: [{key: {VAR: value}, \
            oldLine, newLine, changes: [{variable, old, new}]}], added and removed: [{key, line, values: \
            {VAR: value}}]}]}. Null values are "".
            """
    )

    @Argument(help: ArgumentHelp("The old export folder (or dataset CSV file).", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new export folder (or dataset CSV file).", valueName: "new"))
    var new: String

    @Option(name: .long, help: "Output format: text, markdown or json.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("Folder of the bundled SDTMIG metadata (sdtmig-3.4.json).", valueName: "dir"))
    var standards: String?

    @Flag(name: .long, help: "Also list --SEQ differences of matched records as changes.")
    var includeSeq = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Markdown only: cut the report at this many bytes, with a note (default 60000, to fit a pull-request comment; 0: no limit).",
            valueName: "n"))
    var maxBytes: Int = DiffMarkdownRenderer.defaultMaxBytes

    func run() throws {
        let diff: ExportDiff
        do {
            let metadata = try StandardsLoader.metadata(at: try standardsFolder().appendingPathComponent("sdtmig-3.4.json").path)
            diff = try ExportDiffer.compare(
                old: old, new: new, standards: metadata,
                options: DiffOptions(compareSequence: includeSeq))
            try write(diff)
        } catch {
            note("trialexport diff: error: \(error)")
            throw ExitCode(2)
        }
        if !diff.isIdentical { throw ExitCode(1) }
    }

    private func standardsFolder() throws -> URL {
        if let standards { return absolute(standards) }
        guard let layout = ProjectLayout.locate() else {
            throw TrialExportError.usage("cannot find the bundled standards: run from the repository or pass --standards")
        }
        return layout.standards
    }

    /// Writes the report on standard output, streamed line by line for text and Markdown.
    private func write(_ diff: ExportDiff) throws {
        let output = FileHandle.standardOutput
        switch format {
        case .json:
            output.write(try DiffJSON.render(diff))
        case .text, .markdown:
            var buffer = ""
            let emit: (String) -> Void = { line in
                buffer += line + "\n"
                if buffer.utf8.count >= 1 << 16 { output.write(Data(buffer.utf8)); buffer = "" }
            }
            if format == .text {
                DiffTextRenderer.render(diff, line: emit)
            } else {
                DiffMarkdownRenderer.render(diff, maxBytes: maxBytes, line: emit)
            }
            output.write(Data(buffer.utf8))
        }
    }
}
