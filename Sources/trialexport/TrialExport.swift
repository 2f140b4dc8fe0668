import ArgumentParser

@main
struct TrialExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trialexport",
        abstract: "Turn a clinical trial's EDC exports into CDISC SDTM datasets and reports."
    )
}
