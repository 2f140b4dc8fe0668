import ArgumentParser

@main
struct TrialExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trialexport",
        abstract: "Turn a clinical trial's EDC exports into CDISC SDTM datasets (CSV, XLSX).",
        discussion: """
            Exit status of export and generate: 0 when clean (warnings allowed), 1 when any error \
            finding exists or the run failed, 64 for usage errors. diff: 0 identical, 1 different, 2 error.
            """,
        subcommands: [ExportCommand.self, GenerateCommand.self, DiffCommand.self],
        defaultSubcommand: ExportCommand.self
    )
}
