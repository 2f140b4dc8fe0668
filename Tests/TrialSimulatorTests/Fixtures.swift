import Foundation
import TestSupport
import TrialExportCore
import TrialExportIO

@testable import TrialSimulator

/// The study, profile and default export the simulator tests share.
enum Fixtures {
    static let profilePath = TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466/simulation.yaml").path

    static func profile() throws -> SimulationProfile {
        try SpecFile.decode(SimulationProfile.self, from: profilePath)
    }

    /// The bundled study definition of the example study.
    static let study: StudyDefinition = try! StudyLoader.load(
        TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466/study.yaml").path)

    /// One export per (size, seed), generated once per test process.
    static func export(subjects: Int? = nil, seed: UInt64 = EDCSimulator.defaultSeed) throws -> Export {
        let sink = InMemoryFormSink()
        let summary = try EDCSimulator(study: study, profile: try profile(), subjects: subjects, seed: seed).run(into: sink)
        return Export(sink: FormSnapshot(sink), summary: summary)
    }

    static let defaultExport: Export = try! export()
}

/// The forms an ``InMemoryFormSink`` received, frozen so tests can share them across threads.
struct FormSnapshot: Sendable {
    let headers: [String: [String]]
    let rows: [String: [[String]]]
    let formNames: [String]
    let ended: Bool

    init(_ sink: InMemoryFormSink) {
        headers = sink.headers
        rows = sink.rows
        formNames = sink.formNames
        ended = sink.ended
    }

    /// Rows of `form` as dictionaries keyed by column name.
    func records(_ form: String) -> [[String: String]] {
        let header = headers[form] ?? []
        return (rows[form] ?? []).map { Dictionary(zip(header, $0), uniquingKeysWith: { _, last in last }) }
    }
}

/// A generated export with helpers to read it back.
struct Export: Sendable {
    let sink: FormSnapshot
    let summary: SimulationSummary

    func records(_ form: String) -> [[String: String]] { sink.records(form) }

    /// Rows of `form` grouped by subject.
    func bySubject(_ form: String) -> [String: [[String: String]]] {
        Dictionary(grouping: records(form), by: { $0["Subject"]! })
    }
}

/// Reads values back the way a CT map would: trimmed, upper case.
func norm(_ value: String?) -> String {
    (value ?? "").trimmingCharacters(in: .whitespaces).uppercased()
}

/// An EDC date (`05 JAN 2023`, `UN JAN 2023`, `UN UNK 2023`) as the earliest and latest day it can be.
struct EDCDate {
    let earliest: Int
    let latest: Int
    let partial: Bool

    static let months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    init?(_ text: String) {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count == 3, let year = Int(parts[2]), parts[2].count == 4 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        func day(_ y: Int, _ m: Int, _ d: Int) -> Int? {
            let comps = DateComponents(year: y, month: m, day: d)
            guard comps.isValidDate(in: calendar), let date = calendar.date(from: comps) else { return nil }
            return Int(date.timeIntervalSince1970 / 86_400)
        }
        if parts[1] == "UNK", parts[0] == "UN" {
            earliest = day(year, 1, 1)!; latest = day(year, 12, 31)!; partial = true
            return
        }
        guard let m = EDCDate.months.firstIndex(of: parts[1]) else { return nil }
        if parts[0] == "UN" {
            earliest = day(year, m + 1, 1)!
            latest = day(m == 11 ? year + 1 : year, m == 11 ? 1 : m + 2, 1)! - 1
            partial = true
            return
        }
        guard parts[0].count == 2, let d = Int(parts[0]), let value = day(year, m + 1, d) else { return nil }
        earliest = value; latest = value; partial = false
    }

    /// Could `self` be on or before `other`?
    func mayPrecede(_ other: EDCDate) -> Bool { earliest <= other.latest }
}

/// True when the whole of `text` matches the regular expression `pattern`.
func matches(_ text: String, _ pattern: String) -> Bool {
    (try? Regex(pattern).wholeMatch(in: text)) != nil
}
