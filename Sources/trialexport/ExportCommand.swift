import ArgumentParser
import Foundation
import TrialExportCore
import TrialExportIO

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Map a study's EDC exports to SDTM and write CSV, XLSX, SAS XPORT (with define.xml) and Dataset-JSON files, findings and a reconciliation.",
        discussion: "With no options it exports the bundled example study NCT05549466 to output/NCT05549466."
    )

    @OptionGroup var studyOptions: StudyOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder of EDC form exports (one CSV per form). Default: the example study's data.",
            valueName: "dir"))
    var raw: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output folder; replaced as a whole when the export succeeds, if it is empty or an earlier export "
                + "(see README). Default: output/<STUDYID>.",
            valueName: "dir"))
    var out: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Data cut-off: records dated after it are excluded. Default: the study's dataCutoff.",
            valueName: "YYYY-MM-DD"))
    var cutoff: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The previous transfer's export folder: the workbook gets a Changes sheet and marks new (green) and changed (yellow) rows.",
            valueName: "dir"))
    var previous: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder of report templates (a copy of templates/ to edit). Default: the project's templates/.",
            valueName: "dir"))
    var templates: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Formats of the datasets, comma-separated: csv, xlsx, xpt (with define.xml), json. Default: all.",
            valueName: "list"))
    var formats = "csv,xlsx,xpt,json"

    @Flag(
        name: .long, help: "Run on one thread: slower, the same bytes (to check that the output does not depend on scheduling).")
    var singleThreaded = false

    func validate() throws {
        _ = try chosenFormats()
        do {
            if let cutoff { _ = try PartialDate.option(cutoff, name: "--cutoff") }
        } catch {
            throw ValidationError("\(error)")
        }
    }

    /// The formats of --formats; a usage error names an unknown one.
    private func chosenFormats() throws -> Set<OutputFormat> {
        switch OutputFormat.parse(formats) {
        case .success(let chosen) where !chosen.isEmpty: return chosen
        case .success: throw ValidationError("--formats is empty; give one or more of csv, xlsx, xpt, json")
        case .failure(let unknown):
            throw ValidationError("--formats: unknown format \"\(unknown.name)\"; use csv, xlsx, xpt or json, comma-separated")
        }
    }

    func run() throws {
        do {
            let options = try exportOptions()
            // Progress lines only for a person at a terminal; --quiet silences them there too.
            let quiet = studyOptions.quiet || isatty(STDERR_FILENO) == 0
            let outcome = try ExportJob.run(
                options,
                progress: { phase in if !quiet { note("trialexport: " + describe(phase)) } },
                note: { note("trialexport: " + $0) })
            report(outcome)
            if outcome.errorCount > 0 { throw ExitCode(1) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw fail(error)
        }
    }

    private func exportOptions() throws -> ExportOptions {
        let study = try studyOptions.studyFolder()
        let layout = try? studyOptions.layout()
        let studyId = study.lastPathComponent
        guard let rawFolder = raw.map(absolute) ?? layout?.exampleRawData(studyId),
            let output = out.map(absolute) ?? layout?.output(studyId)
        else {
            throw TrialExportError.usage("pass --raw and --out (no project folder found for the defaults)")
        }
        var options = ExportOptions(
            study: study, raw: rawFolder, output: output,
            standards: try studyOptions.standardsFolder(), cutoff: cutoff, previous: previous.map(absolute),
            templates: templates.map(absolute) ?? layout?.templates)
        options.singleThreaded = singleThreaded
        options.formats = try chosenFormats()
        return options
    }

    /// Error findings (the first 20), the cut-off's findings and one summary line, on standard error even with --quiet.
    private func report(_ outcome: ExportOutcome) {
        let errors = outcome.findings.filter { $0.severity == .error }
        for finding in errors.prefix(20) {
            note("error: \(finding.code) \(finding.location): \(finding.message) \(finding.hint)")
        }
        if errors.count > 20 { note("... and \(errors.count - 20) more errors: see findings.csv") }
        for finding in outcome.findings where finding.code == "USE0001" {
            note("warning: \(finding.code): \(finding.message). \(finding.hint)")
        }
        let late = outcome.findings.filter { $0.code == "USE0002" }
        if !late.isEmpty {
            note(
                "warning: USE0002: records dated after the data cut-off \(outcome.cutoff) were left out, in "
                    + late.compactMap(\.file).joined(separator: ", ") + " (counts in findings.csv and reconciliation.csv)")
        }
        if cutoff == nil { note("trialexport: data cut-off \(outcome.cutoff): \(outcome.cutoffSource)") }
        let records = outcome.datasets.reduce(0) { $0 + $1.records }
        let peak = outcome.peakResidentBytes.map { ", peak \($0 >> 20) MiB" } ?? ""
        note(
            "trialexport: \(Plural.count(outcome.datasets.count, "dataset")), \(Plural.count(records, "record")), "
                + "\(Plural.count(outcome.errorCount, "error")), \(Plural.count(outcome.warningCount, "warning")), "
                + (outcome.waivedCount > 0 ? "\(outcome.waivedCount) waived by the finding policy, " : "")
                + "\(String(format: "%.2f", outcome.seconds)) s\(peak) -> \(outcome.output.path)"
        )
    }

    /// `map and derive: 8,362 records in 0.45 s (18,582 records/s), peak 40 MiB`.
    private func describe(_ phase: PhaseReport) -> String {
        var text =
            "\(phase.phase): \(Plural.count(phase.records, "record")) in \(String(format: "%.2f", phase.seconds)) s"
            + " (\(Int(phase.recordsPerSecond)) records/s)"
        if let peak = phase.peakResidentBytes { text += ", peak \(peak >> 20) MiB" }
        return text
    }
}
