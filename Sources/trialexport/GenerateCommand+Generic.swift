import Foundation
import TrialExportCore
import TrialExportIO
import TrialSimulator

extension GenerateCommand {
    /// The generic generator (`generator: generic` in simulation.yaml): CSV files in the vendor's layout.
    func runGeneric(study: StudyDefinition, profile: GenericProfile, folder: URL) throws {
        guard asOf == nil, format == .csv else {
            throw TrialExportError.usage(
                "--as-of, --change-log and --format odm need the oncology simulator; \(study.studyId)'s simulation.yaml"
                    + " uses the generic generator, which writes the complete study as CSV files")
        }
        let export = try GenericSimulator(study: study, profile: profile, subjects: subjects, seed: seed).run()
        let destination = absolute(out)
        for line in try OutputGuard.prepare(destination, kind: .generate, inputs: [("--study", folder)]) {
            note("trialexport: " + line)
        }
        if !studyOptions.quiet { note("trialexport: generating EDC forms into \(destination.path)") }
        var records = 0
        let headerRows = profile.export.labelRow ? 2 : 1
        let marker = OutputMarker(kind: .generate, studyId: study.studyId, cutoff: nil, seed: seed, subjects: subjects)
        try AtomicFolder.replace(destination, marker: marker) { staging in
            for file in export.files {
                let writer = try CSVWriter(
                    path: staging.appendingPathComponent(file.name).path,
                    options: .init(lineEnding: export.lineEnding, byteOrderMark: export.byteOrderMark))
                for row in file.rows { try writer.writeRow(row) }
                try writer.close()
                records += file.rows.count - headerRows
            }
        }
        note(
            "trialexport: wrote \(Plural.count(records, "record")) (\(Plural.count(export.screened, "subject")) screened,"
                + " \(export.randomized) randomized) -> \(destination.path)")
    }
}
