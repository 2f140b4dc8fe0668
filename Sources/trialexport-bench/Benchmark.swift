import Foundation
import TrialExportCore
import TrialExportIO

/// `trialexport-bench --raw DIR [--raw DIR ...] [--results FILE]`: exports each raw folder (made by
/// `trialexport generate`), exports it again with `--previous` (the weekly run), then writes the
/// same cells through the bare C libraries, and prints a table of phases with wall time,
/// records/s and peak memory, the baseline and the ratio.
/// `--odm FILE` after a `--raw DIR` adds the ODM load phase: the same data loaded from its ODM form
/// (`--load-only yes`: only that phase, no export; `--load-rounds N`: the CSV and ODM loads
/// alternate N times, 3 by default, and their medians are compared). `--package-rounds N`: the
/// full export and the export without the submission package alternate N times (2 by default),
/// and the fastest of each are compared.
/// `--results FILE` appends each run's summary line to FILE; `--summarize FILE` prints the
/// summary of the lines in FILE (so that each size can run in a fresh process: peak memory is
/// then that size's alone).
@main
struct Benchmark {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        var runs: [(label: String, raw: URL)] = []
        var results: String?, summarize: String?
        var odmFiles: [String: URL] = [:]  // by the label of the --raw before it
        var loadOnly = false
        var loadRounds = 3
        var packageRounds = 2
        var i = 0
        while i + 1 < arguments.count {
            switch arguments[i] {
            case "--raw":
                runs.append(
                    (
                        label: URL(fileURLWithPath: arguments[i + 1]).lastPathComponent,
                        raw: URL(fileURLWithPath: arguments[i + 1])
                    ))
            case "--odm": if let last = runs.last { odmFiles[last.label] = URL(fileURLWithPath: arguments[i + 1]) }
            case "--results": results = arguments[i + 1]
            case "--load-only": loadOnly = arguments[i + 1] == "yes"
            case "--load-rounds": loadRounds = Int(arguments[i + 1]) ?? loadRounds
            case "--package-rounds": packageRounds = Int(arguments[i + 1]) ?? packageRounds

            case "--summarize": summarize = arguments[i + 1]
            default: break
            }
            i += 2
        }
        if let summarize {
            Table.printSummary(
                try String(contentsOfFile: summarize, encoding: .utf8).split(separator: "\n").compactMap(RunSummary.init(line:)))
            return
        }
        guard !runs.isEmpty, let layout = ProjectLayout.locate() else {
            FileHandle.standardError.write(
                Data(
                    "usage: trialexport-bench --raw DIR [--raw DIR ...] [--results FILE] | --summarize FILE (run from the repository)\n"
                        .utf8))
            exit(64)
        }
        var summaries: [RunSummary] = []
        for run in runs {
            if !loadOnly {
                summaries.append(try measure(run.label, raw: run.raw, layout: layout, packageRoundCount: packageRounds))
            }
            if let odm = odmFiles[run.label] {
                ODMLoadPhase.printPhases(try ODMLoadPhase.measure(csv: run.raw, odm: odm, layout: layout, rounds: loadRounds))
            }
        }
        if let results {
            let handle =
                FileHandle(forWritingAtPath: results)
                ?? {
                    _ = FileManager.default.createFile(atPath: results, contents: nil)
                    return FileHandle(forWritingAtPath: results)!
                }()
            handle.seekToEndOfFile()
            for summary in summaries { handle.write(Data((summary.line + "\n").utf8)) }
            handle.closeFile()
        } else if !summaries.isEmpty {
            Table.printSummary(summaries)
        }
    }

    static func measure(_ label: String, raw: URL, layout: ProjectLayout, packageRoundCount: Int = 2) throws -> RunSummary {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("trialexport-bench-\(label)")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let export = work.appendingPathComponent("export")
        let options = ExportOptions(study: layout.study(), raw: raw, output: export, standards: layout.standards)
        let outcome = try ExportJob.run(options)
        // The weekly re-export: the same data again, compared record by record with the first export.
        var weekly = options
        weekly.output = work.appendingPathComponent("export-again")
        weekly.previous = export
        returnFreedMemory()  // so this run's peak is its own, not the first export's freed heap
        let again = try ExportJob.run(weekly)
        try FileManager.default.removeItem(at: weekly.output)
        // The same export without the submission package (XPT, define.xml, Dataset-JSON): what the package adds.
        var plain = options
        plain.output = work.appendingPathComponent("export-csv-xlsx")
        plain.formats = [.csv, .xlsx]
        returnFreedMemory()
        let withoutPackage = try ExportJob.run(plain)
        try FileManager.default.removeItem(at: plain.output)
        // What the package adds is the difference of two runs, so further rounds of the full export
        // and the plain one alternate (a noisy machine slows a run, not a format), the fastest of
        // each compared.
        var packageRounds = [(with: outcome.seconds, without: withoutPackage.seconds)]
        for _ in 1..<max(packageRoundCount, 1) {
            var full = options
            full.output = work.appendingPathComponent("export-round")
            returnFreedMemory()
            let with = try ExportJob.run(full).seconds
            try FileManager.default.removeItem(at: full.output)
            returnFreedMemory()
            let without = try ExportJob.run(plain).seconds
            try FileManager.default.removeItem(at: plain.output)
            packageRounds.append((with, without))
        }
        let tables = try loadExport(export, layout: layout)
        let cells = tables.reduce(0) { $0 + $1.rows.count * $1.columns.count }
        let baselineFolder = work.appendingPathComponent("baseline")
        try FileManager.default.createDirectory(at: baselineFolder, withIntermediateDirectories: true)
        let csvSeconds = try time { try BaselineWriter.writeCSV(tables, folder: baselineFolder) }
        let xlsxSeconds = try time {
            try BaselineWriter.writeXLSX(
                tables, path: baselineFolder.appendingPathComponent("baseline.xlsx").path,
                tmpdir: baselineFolder.path)
        }
        var summary = RunSummary(
            label: label, phases: outcome.phases, exportSeconds: outcome.seconds,
            exportPeak: outcome.peakResidentBytes, records: outcome.datasets.reduce(0) { $0 + $1.records },
            cells: cells, baselineCSV: csvSeconds, baselineXLSX: xlsxSeconds, errors: outcome.errorCount)
        summary.previousSeconds = again.seconds
        summary.previousPeak = again.peakResidentBytes
        summary.withoutPackageSeconds = packageRounds.map(\.without).min()
        summary.withPackageSeconds = packageRounds.map(\.with).min()
        summary.packageRounds = packageRounds
        Table.printRun(summary)
        return summary
    }

    /// The written datasets, read back (untimed) so the baseline writes exactly the same cells.
    static func loadExport(_ folder: URL, layout: ProjectLayout) throws -> [Dataset] {
        let metadata = try StandardsLoader.metadata(at: layout.standards.appendingPathComponent("sdtmig-3.4.json").path)
        let csv = folder.appendingPathComponent("csv")
        return try FileManager.default.contentsOfDirectory(atPath: csv.path).sorted().map { file in
            let name = String(file.dropLast(4)).uppercased()
            var header: [String] = [], rows: [[String]] = []
            try CSVReader(path: csv.appendingPathComponent(file).path).read(
                header: { header = $0 }, record: { rows.append($0.values) })
            let meta = metadata.dataset(name)
            let variables = header.enumerated().map { i, column in
                meta?.variable(column)
                    ?? VariableMetadata(dataset: name, order: i + 1, name: column, label: column, type: .char, core: .perm)
            }
            return Dataset(name: name, label: meta?.label ?? name, keys: [], variables: variables, rows: rows)
        }
    }

    /// glibc's `malloc_trim(0)` (found at run time: Swift's Glibc module does not declare it): gives
    /// freed heap pages back to the system, so the resident size is what is still in use.
    static func returnFreedMemory() {
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }

    static func time(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
