import ArgumentParser

@main
struct TrialExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trialexport",
        abstract: "Turn a clinical trial's EDC exports into CDISC SDTM datasets (CSV, XLSX).",
        discussion: """
            Exit status: 0 when the export is clean (warnings allowed), 1 when any error finding \
            exists or the run failed, 64 for usage errors.
            """,
        subcommands: [ExportCommand.self, DiffCommand.self],
        defaultSubcommand: ExportCommand.self
    )
}
