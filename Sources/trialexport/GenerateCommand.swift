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

            --as-of DATE writes the data as it stood on that date (a weekly cut): subjects screened by \
            then, records dated on or before it, events and dosing still open without their end, and a \
            few values as first entered until their data query is resolved. --change-log FILE writes, as \
            JSON, what changed since the cut a week earlier (or --since DATE): subjects and records added \
            and values changed, each marked `correction` or `update` (see examples/NCT05549466/FORMS.md).
            """
    )

    @OptionGroup var studyOptions: StudyOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Number of randomized subjects (about 16% more are screened). Default: the study's planned enrollment.",
            valueName: "n"))
    var subjects: Int?

    @Option(name: .long, help: ArgumentHelp("Seed of the pseudo-random generator.", valueName: "s"))
    var seed: UInt64 = EDCSimulator.defaultSeed

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Folder to write the forms into; replaced as a whole if it is empty or earlier generate output.", valueName: "dir"))
    var out: String

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Write the data as it stood on this date (a weekly cut). Default: the full history up to the study's data cut-off.",
            valueName: "YYYY-MM-DD"))
    var asOf: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The earlier cut the change log compares with. Default: 7 days before --as-of.",
            valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(
        name: .customLong("change-log"),
        help: ArgumentHelp(
            "Write what changed since the earlier cut to this JSON file (needs --as-of).",
            valueName: "file"))
    var changeLog: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "csv: one CSV file per form; odm: one CDISC ODM 1.3.2 file <study>.xml with metadata (reads with --raw).",
            valueName: "csv|odm"))
    var format: GenerateFormat = .csv

    func validate() throws {
        if let subjects, subjects < 1 { throw ValidationError("--subjects must be at least 1") }
        if asOf == nil, since != nil || changeLog != nil { throw ValidationError("--since and --change-log need --as-of") }
        do {
            if let asOf { _ = try PartialDate.option(asOf, name: "--as-of") }
            if let since { _ = try PartialDate.option(since, name: "--since") }
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        do {
            let folder = try studyOptions.studyFolder()
            let study = try StudyLoader.load(folder.appendingPathComponent("study.yaml").path)
            let simulation = folder.appendingPathComponent("simulation.yaml").path
            if SpecFile.topLevelText("generator", in: simulation) == "generic" {
                return try runGeneric(
                    study: study, profile: SpecFile.decode(GenericProfile.self, from: simulation), folder: folder)
            }
            let profile = try SpecFile.decode(SimulationProfile.self, from: simulation)
            let simulator = EDCSimulator(study: study, profile: profile, subjects: subjects, seed: seed)
            let destination = absolute(out)
            let inputs: [OutputGuard.Input] = [("--study", folder)] + (changeLog.map { [("--change-log", absolute($0))] } ?? [])
            for line in try OutputGuard.prepare(destination, kind: .generate, inputs: inputs) { note("trialexport: " + line) }
            if !studyOptions.quiet { note("trialexport: generating EDC forms into \(destination.path)") }
            let cut = asOf.map { DataCut(asOf: $0, since: since) }
            var rows = 0
            var log: ChangeLog?
            let marker = OutputMarker(kind: .generate, studyId: study.studyId, cutoff: asOf, seed: seed, subjects: subjects)
            try AtomicFolder.replace(destination, marker: marker) { staging in
                if format == .odm {
                    let created = (asOf ?? study.dataCutoff) + "T00:00:00"
                    let sink = try ODMFormSink(folder: staging, studyId: study.studyId, created: created)
                    log = try simulator.run(into: sink, cut: cut, logChanges: changeLog != nil).changeLog
                    rows = sink.rows
                } else {
                    let sink = CSVFormSink(folder: staging)
                    log = try simulator.run(into: sink, cut: cut, logChanges: changeLog != nil).changeLog
                    rows = sink.rows
                }
            }
            note("trialexport: wrote \(Plural.count(rows, "record")) -> \(destination.path)")
            if let changeLog, let log { try write(log, to: absolute(changeLog)) }
        } catch {
            throw fail(error)
        }
    }
}

/// Writes the change log as pretty-printed JSON with sorted keys (the same bytes on every run).
private func write(_ log: ChangeLog, to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
        try (encoder.encode(log) + Data("\n".utf8)).write(to: url, options: .atomic)
    } catch {
        throw TrialExportError.writeFailed(path: url.path, detail: "\(error)")
    }
    note(
        "trialexport: change log: \(Plural.count(log.subjectsAdded.count, "subject")) added, "
            + "\(Plural.count(log.recordsAdded.count, "record")) added, \(Plural.count(log.valuesChanged.count, "value")) changed"
            + " -> \(url.path)")
}

/// Writes each EDC form to `<form>.csv` the way EDC systems export: UTF-8 with BOM, CRLF.
final class CSVFormSink: EDCFormSink {
    private let folder: URL
    private var writers: [String: CSVWriter] = [:]
    private(set) var rows = 0

    init(folder: URL) { self.folder = folder }

    func begin(form: String, header: [String]) throws {
        let writer = try CSVWriter(
            path: folder.appendingPathComponent("\(form).csv").path,
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
