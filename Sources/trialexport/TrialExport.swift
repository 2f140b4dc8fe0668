import ArgumentParser
import TrialExportIO

@main
struct TrialExport: ParsableCommand {
    /// Installs the interrupt handler (so an interrupted run leaves no half-written output), then runs.
    static func main() {
        InterruptCleanup.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "trialexport",
        abstract: "Turn a clinical trial's EDC exports into CDISC SDTM datasets (CSV, XLSX).",
        discussion: """
            Exit status of export and generate: 0 when clean (warnings allowed), 1 when any error \
            finding exists or the run failed, 64 for usage errors. diff: 0 identical, 1 different, 2 error.
            """,
        subcommands: [ExportCommand.self, GenerateCommand.self, DiffCommand.self]
    )
}
