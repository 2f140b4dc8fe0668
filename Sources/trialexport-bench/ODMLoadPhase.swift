import Foundation
import TrialExportCore
import TrialExportIO

/// The ODM load phase: the raw data loaded from the study's CSV forms and from its ODM form
/// (`trialexport generate --format odm`), each alone, with wall time, records and peak memory.
/// The aim is an ODM load of at most twice the CSV load.
enum ODMLoadPhase {
    static func measure(csv: URL, odm: URL, layout: ProjectLayout) throws -> (csv: PhaseReport, odm: PhaseReport) {
        let specs = try StudyBundle.load(study: layout.study(), standards: layout.standards).specs
        let fromCSV = try phase("load CSV forms", specs: specs) { specs, sink in
            try RawSourceChooser.load(csv, specs: specs, findings: sink)
        }
        let fromODM = try phase("load ODM file", specs: specs) { specs, sink in
            try RawSourceChooser.load(odm, specs: specs, findings: sink)
        }
        return (fromCSV, fromODM)
    }

    static func printPhases(_ phases: (csv: PhaseReport, odm: PhaseReport)) {
        print(Table.row(["raw load phase", "seconds", "records", "records/s", "peak MiB"]))
        for phase in [phases.csv, phases.odm] {
            print(
                Table.row([
                    phase.phase, Table.fmt(phase.seconds), "\(phase.records)", "\(Int(phase.recordsPerSecond))",
                    phase.peakResidentBytes.map { "\($0 >> 20)" } ?? "-",
                ]))
        }
        print("ODM load / CSV load: \(Table.fmt(phases.odm.seconds / max(phases.csv.seconds, 1e-9)))x (aim: at most 2x)")
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
