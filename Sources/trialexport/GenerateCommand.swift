import ArgumentParser
import Foundation
import TrialExportCore
import TrialExportIO
import TrialSimulator

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write deterministic dummy EDC exports (one CSV per form) for a study.",
        discussion: """
            The data is illustrative, never real patient data. The same study, seed and subject count \
            always give the same bytes. The bundled example data is what this writes with the defaults.
            """
    )

    @OptionGroup var studyOptions: StudyOptions

    @Option(name: .long, help: ArgumentHelp("Number of randomized subjects (about 16% more are screened). Default: the study's planned enrollment.",
                                            valueName: "n"))
    var subjects: Int?

    @Option(name: .long, help: ArgumentHelp("Seed of the pseudo-random generator.", valueName: "s"))
    var seed: UInt64 = EDCSimulator.defaultSeed

    @Option(name: .long, help: ArgumentHelp("Folder to write the forms into; replaced as a whole.", valueName: "dir"))
    var out: String

    func validate() throws {
        if let subjects, subjects < 1 { throw ValidationError("--subjects must be at least 1") }
    }

    func run() throws {
        do {
            let folder = try studyOptions.studyFolder()
            let study = try StudyLoader.load(folder.appendingPathComponent("study.yaml").path)
            let profile = try SpecFile.decode(SimulationProfile.self, from: folder.appendingPathComponent("simulation.yaml").path)
            let simulator = EDCSimulator(study: study, profile: profile, subjects: subjects, seed: seed)
            let destination = absolute(out)
            if !studyOptions.quiet { note("trialexport: generating EDC forms into \(destination.path)") }
            var rows = 0
            try AtomicFolder.replace(destination) { staging in
                let sink = CSVFormSink(folder: staging)
                _ = try simulator.run(into: sink)
                rows = sink.rows
            }
            note("trialexport: wrote \(rows) records -> \(destination.path)")
        } catch {
            throw fail(error)
        }
    }
}

/// Writes each EDC form to `<form>.csv` the way EDC systems export: UTF-8 with BOM, CRLF.
final class CSVFormSink: EDCFormSink {
    private let folder: URL
    private var writers: [String: CSVWriter] = [:]
    private(set) var rows = 0

    init(folder: URL) { self.folder = folder }

    func begin(form: String, header: [String]) throws {
        let writer = try CSVWriter(path: folder.appendingPathComponent("\(form).csv").path,
                                   options: .init(lineEnding: "\r\n", byteOrderMark: true))
        try writer.writeRow(header)
        writers[form] = writer
    }

    func write(form: String, row: [String]) throws {
        try writers[form]?.writeRow(row)
        rows += 1
    }

    func end() throws {
        for form in writers.keys.sorted() { try writers[form]?.close() }
        writers = [:]
    }
}
