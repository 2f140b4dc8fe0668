import ArgumentParser
import Foundation
import TrialExportCore
import TrialExportIO

/// Options every subcommand shares: where the study lives.
struct StudyOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Study folder with study.yaml, ct-map.yaml and domains/*.yaml.",
            valueName: "dir"))
    var study: String?

    @Option(name: .long, help: ArgumentHelp("Folder of the bundled SDTMIG metadata and CDISC CT.", valueName: "dir"))
    var standards: String?

    @Flag(name: .long, help: "No progress lines on standard error.")
    var quiet = false

    /// The repository layout, needed for every default path.
    func layout() throws -> ProjectLayout {
        guard let layout = ProjectLayout.locate() else {
            throw TrialExportError.usage(
                "cannot find the trialexport project folder (standards/ and mappings/): run from the repository or pass --study and --standards"
            )
        }
        return layout
    }

    func studyFolder() throws -> URL { try study.map(absolute) ?? layout().study() }
    func standardsFolder() throws -> URL { try standards.map(absolute) ?? layout().standards }
}

func absolute(_ path: String) -> URL {
    URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
}

/// One line on standard error, never on standard output (which carries data only).
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Turns a fatal error into a message on standard error and the documented exit code.
func fail(_ error: Error) -> ExitCode {
    if case TrialExportError.usage(let text) = error {
        note("trialexport: \(text)")
        return ExitCode(64)
    }
    note("trialexport: error: \(error)")
    note("trialexport: nothing was written; the previous output, if any, is unchanged.")
    return ExitCode(1)
}
