import Foundation
import TrialExportIO

/// One benchmark run: the export's phases and the baseline for the same cells.
struct RunSummary {
    var label: String
    var phases: [PhaseReport]
    var exportSeconds: Double
    var exportPeak: Int?
    var records: Int
    var cells: Int
    var baselineCSV: Double
    var baselineXLSX: Double
    var errors: Int
    /// The export run again on the same data with `--previous` (the first export): the weekly run.
    var previousSeconds: Double?
    var previousPeak: Int?
    /// The export with `--formats csv,xlsx`: without XPT, define.xml and Dataset-JSON (the fastest
    /// of its rounds).
    var withoutPackageSeconds: Double?
    /// The full export in the same rounds (the fastest; the first export included).
    var withPackageSeconds: Double?
    /// Each round's full export and export without the package, in seconds.
    var packageRounds: [(with: Double, without: Double)] = []
    /// What the submission package adds to the export's wall time, in percent: the fastest full
    /// export against the fastest without the package (noise on a shared machine only slows).
    var packagePercent: Double? {
        withoutPackageSeconds.map { ((withPackageSeconds ?? exportSeconds) / $0 - 1) * 100 }
    }

    /// The baseline as the export runs it: CSV and XLSX side by side, so the slower of the two.
    var baselineParallel: Double { max(baselineCSV, baselineXLSX) }
    var baselineSequential: Double { baselineCSV + baselineXLSX }
    var ratio: Double { exportSeconds / baselineParallel }
    var microsecondsPerRecord: Double { exportSeconds / Double(records) * 1e6 }
    var baselineMicrosecondsPerRecord: Double { baselineParallel / Double(records) * 1e6 }

    /// The summary as one tab-separated line (label, records, export s, peak bytes, baseline CSV s,
    /// baseline XLSX s, export with --previous s, its peak bytes, export with csv and xlsx only s,
    /// fastest full export s).
    var line: String {
        [
            label, "\(records)", "\(exportSeconds)", "\(exportPeak ?? -1)", "\(baselineCSV)", "\(baselineXLSX)",
            "\(previousSeconds ?? -1)", "\(previousPeak ?? -1)", "\(withoutPackageSeconds ?? -1)",
            "\(withPackageSeconds ?? -1)",
        ].joined(separator: "\t")
    }

    init(
        label: String, phases: [PhaseReport], exportSeconds: Double, exportPeak: Int?, records: Int, cells: Int,
        baselineCSV: Double, baselineXLSX: Double, errors: Int
    ) {
        self.label = label
        self.phases = phases
        self.exportSeconds = exportSeconds
        self.exportPeak = exportPeak
        self.records = records
        self.cells = cells
        self.baselineCSV = baselineCSV
        self.baselineXLSX = baselineXLSX
        self.errors = errors
    }

    init?(line: Substring) {
        let f = line.split(separator: "\t").map(String.init)
        guard f.count == 9 || f.count == 10, let records = Int(f[1]), let export = Double(f[2]), let peak = Int(f[3]),
            let csv = Double(f[4]), let xlsx = Double(f[5]), let previous = Double(f[6]), let previousPeak = Int(f[7])
        else { return nil }
        self.init(
            label: f[0], phases: [], exportSeconds: export, exportPeak: peak < 0 ? nil : peak, records: records, cells: 0,
            baselineCSV: csv, baselineXLSX: xlsx, errors: 0)
        self.previousSeconds = previous < 0 ? nil : previous
        self.previousPeak = previousPeak < 0 ? nil : previousPeak
        if let plain = Double(f[8]), plain >= 0 { withoutPackageSeconds = plain }
        if f.count == 10, let full = Double(f[9]), full >= 0 { withPackageSeconds = full }
    }
}

/// Fixed-width tables on standard output.
enum Table {
    static func printRun(_ run: RunSummary) {
        print(
            "\n== \(run.label): \(run.records) records, \(run.cells) cells\(run.errors > 0 ? ", \(run.errors) error findings" : "")"
        )
        print(row(["phase", "seconds", "records", "records/s", "peak MiB"]))
        for phase in run.phases {
            print(
                row([
                    phase.phase, fmt(phase.seconds), "\(phase.records)", "\(Int(phase.recordsPerSecond))",
                    phase.peakResidentBytes.map { "\($0 >> 20)" } ?? "-",
                ]))
        }
        print(
            "(phases overlap: each write phase includes the dataset files written in the background from the moment "
                + "each dataset is mapped; their peak is that of the finishing part)")
        print(
            row([
                "export total (wall)", fmt(run.exportSeconds), "\(run.records)",
                "\(Int(Double(run.records) / run.exportSeconds))",
                mib(run.exportPeak),
            ]))
        if let again = run.previousSeconds {
            print(
                row([
                    "export --previous (weekly run)", fmt(again), "\(run.records)", "\(Int(Double(run.records) / again))",
                    mib(run.previousPeak),
                ]))
        }
        if let plain = run.withoutPackageSeconds, let percent = run.packagePercent {
            print(row(["export --formats csv,xlsx", fmt(plain), "\(run.records)", "\(Int(Double(run.records) / plain))", ""]))
            if !run.packageRounds.isEmpty {
                let rounds = run.packageRounds.map { "\(fmt($0.with)) / \(fmt($0.without))" }
                print(
                    "rounds, export / export --formats csv,xlsx seconds: \(rounds.joined(separator: ", ")) (fastest of each compared)"
                )
            }
            print(
                "the submission package (XPT, define.xml, Dataset-JSON) adds \(fmt(percent)) % to the export's wall time (target at most 15 %)"
            )
        }
        print(row(["baseline CSV (libcsv)", fmt(run.baselineCSV), "\(run.records)", "", ""]))
        print(row(["baseline XLSX (libxlsxwriter)", fmt(run.baselineXLSX), "\(run.records)", "", ""]))
        print(
            "ratio export / baseline: \(fmt(run.exportSeconds / run.baselineParallel)) (baseline CSV || XLSX = \(fmt(run.baselineParallel)) s), "
                + "\(fmt(run.exportSeconds / run.baselineSequential)) (baseline CSV + XLSX = \(fmt(run.baselineSequential)) s)")
    }

    static func printSummary(_ runs: [RunSummary]) {
        print("\n== summary (each size in its own process; baseline = CSV || XLSX, as the export writes them)")
        print(
            row([
                "run", "records", "export s", "µs/record", "peak MiB", "baseline s", "ratio", "base µs/rec", "--previous s",
                "its peak", "package %",
            ]))
        for run in runs {
            print(
                row([
                    run.label, "\(run.records)", fmt(run.exportSeconds), fmt(run.microsecondsPerRecord),
                    mib(run.exportPeak), fmt(run.baselineParallel), fmt(run.ratio), fmt(run.baselineMicrosecondsPerRecord),
                    run.previousSeconds.map(fmt) ?? "-", mib(run.previousPeak), run.packagePercent.map(fmt) ?? "-",
                ]))
        }
        guard let smallest = runs.min(by: { $0.records < $1.records }), let largest = runs.max(by: { $0.records < $1.records }),
            smallest.records < largest.records
        else { return }
        print(
            "time per record, largest / smallest run: \(fmt(largest.microsecondsPerRecord / smallest.microsecondsPerRecord)) "
                + "(\(largest.records / smallest.records)x the records; the baseline's own: "
                + "\(fmt(largest.baselineMicrosecondsPerRecord / smallest.baselineMicrosecondsPerRecord)))")
        print(
            "largest run: ratio export / baseline \(fmt(largest.ratio)) (target at most 1.30), peak "
                + (largest.exportPeak.map { "\($0 >> 20) MiB" } ?? "unknown") + " (target under 1024 MiB)")
    }

    static func fmt(_ value: Double) -> String { String(format: "%.2f", value) }

    static func mib(_ bytes: Int?) -> String { bytes.map { "\($0 >> 20)" } ?? "-" }

    static func row(_ cells: [String]) -> String {
        let widths = [30, 10, 10, 12, 10, 11, 8, 12, 13, 9]
        return cells.enumerated().map { i, cell in
            let w = i < widths.count ? widths[i] : 10
            return i == 0
                ? cell.padding(toLength: w, withPad: " ", startingAt: 0)
                : String(repeating: " ", count: max(0, w - cell.count)) + cell
        }.joined(separator: " ")
    }
}
