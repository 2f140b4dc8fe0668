import Foundation
import TrialExportCore
import TrialExportIO

/// The ODM load phase: the raw data loaded from the study's CSV forms and from its ODM form
/// (`trialexport generate --format odm`), each alone, with wall time, records and peak memory.
/// The aim is an ODM load of at most twice the CSV load. The two loads alternate for a few rounds
/// (a noisy machine slows one round, not one format), and the median of each is compared.
enum ODMLoadPhase {
    struct Rounds {
        var csv: [PhaseReport] = []
        var odm: [PhaseReport] = []
    }

    static func measure(csv: URL, odm: URL, layout: ProjectLayout, rounds: Int) throws -> Rounds {
        let specs = try StudyBundle.load(study: layout.study(), standards: layout.standards).specs
        var measured = Rounds()
        for _ in 0..<max(rounds, 1) {
            measured.csv.append(
                try phase("load CSV forms", specs: specs) { specs, sink in
                    try RawSourceChooser.load(csv, specs: specs, findings: sink)
                })
            measured.odm.append(
                try phase("load ODM file", specs: specs) { specs, sink in
                    try RawSourceChooser.load(odm, specs: specs, findings: sink)
                })
        }
        return measured
    }

    static func printPhases(_ rounds: Rounds) {
        print(Table.row(["raw load phase", "seconds", "records", "records/s", "peak MiB"]))
        for reports in [rounds.csv, rounds.odm] {
            guard let first = reports.first else { continue }
            let seconds = median(reports.map(\.seconds))
            let peak = reports.compactMap(\.peakResidentBytes).max()
            print(
                Table.row([
                    first.phase, Table.fmt(seconds), "\(first.records)", "\(Int(Double(first.records) / max(seconds, 1e-9)))",
                    peak.map { "\($0 >> 20)" } ?? "-",
                ]))
        }
        let each = zip(rounds.csv, rounds.odm).map { csv, odm in
            "\(Table.fmt(csv.seconds)) / \(Table.fmt(odm.seconds))"
        }
        print("rounds, CSV / ODM seconds: \(each.joined(separator: ", ")) (medians above)")
        let ratio = median(rounds.odm.map(\.seconds)) / max(median(rounds.csv.map(\.seconds)), 1e-9)
        print("ODM load / CSV load: \(Table.fmt(ratio))x, medians of \(rounds.csv.count) rounds (aim: at most 2x)")
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private static func phase(
        _ name: String, specs: [DomainSpec], _ load: ([DomainSpec], FindingSink) throws -> [RawTable]
    ) throws -> PhaseReport {
        Benchmark.returnFreedMemory()
        ProcessMemory.resetPeak()
        let start = DispatchTime.now().uptimeNanoseconds
        let tables = try load(specs, FindingCollector())
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let records = tables.reduce(0) { $0 + $1.rowCount + $1.rejected.count }
        return PhaseReport(phase: name, seconds: seconds, records: records, peakResidentBytes: ProcessMemory.peakResidentBytes())
    }
}
