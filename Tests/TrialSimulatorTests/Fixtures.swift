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

    static let studyPath = TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466/study.yaml").path

    /// The study's `study.yaml` when present, else a hand-built copy of the fields the simulator uses.
    static let study: StudyDefinition = {
        if FileManager.default.fileExists(atPath: studyPath) { return try! SpecFile.decode(StudyDefinition.self, from: studyPath) }
        let criteria = { (prefix: String, n: Int) in
            (1...n).map { "    - {id: \(prefix)\($0 < 10 ? "0" : "")\($0), text: Criterion \($0)}" }.joined(separator: "\n")
        }
        let yaml = """
            studyId: NCT05549466
            registryId: NCT05549466
            secondaryIds: [SYSUCC-CMY-2022-0917]
            title: Test study
            sponsor: Sun Yat-sen University
            condition: Nasopharyngeal carcinoma
            phase: Phase 2
            studyType: Interventional
            design: {allocation: Randomized, interventionModel: Parallel Assignment, masking: None (Open Label), primaryPurpose: Treatment,
                     randomization: {ratio: [1, 1, 1, 1], blockSize: 4}}
            plannedEnrollment: 84
            population: {minimumAge: 18, maximumAge: 70, sex: All, healthyVolunteers: false}
            sites: [{id: "101", name: Sun Yat-sen University Cancer Center, country: CHN}]
            treatments:
              - {code: APATINIB, name: Apatinib, dose: 250, doseUnit: mg, illustrative: true}
              - {code: CAMRELIZUMAB, name: Camrelizumab, dose: 200, doseUnit: mg, cycleDays: [1], illustrative: true}
              - {code: GEMCITABINE, name: Gemcitabine, dose: 1000, doseUnit: mg/m2, cycleDays: [1, 8], illustrative: true}
              - {code: CAPECITABINE, name: Capecitabine, dose: 1000, doseUnit: mg/m2, cycleDays: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], illustrative: true}
              - {code: DOCETAXEL, name: Docetaxel, dose: 75, doseUnit: mg/m2, cycleDays: [1], illustrative: true}
              - {code: CHEMOTHERAPY, name: Chemotherapy, choiceOf: [GEMCITABINE, CAPECITABINE, DOCETAXEL]}
            arms:
              - {code: APA+CAM+CT, name: A, type: Experimental, treatments: [APATINIB, CAMRELIZUMAB, CHEMOTHERAPY], elements: []}
              - {code: APA+CAM, name: B, type: Experimental, treatments: [APATINIB, CAMRELIZUMAB], elements: []}
              - {code: CAM+CT, name: C, type: Experimental, treatments: [CAMRELIZUMAB, CHEMOTHERAPY], elements: []}
              - {code: CT, name: D, type: Active Comparator, treatments: [CHEMOTHERAPY], elements: []}
            elements: []
            criteria:
              inclusion:
            \(criteria("INCL", 10))
              exclusion:
            \(criteria("EXCL", 18))
            schedule: {screeningWindowDays: 28, cycleLengthDays: 21, tumourAssessmentEveryWeeks: 6, safetyFollowUpDays: 30,
                       survivalFollowUpEveryWeeks: 12, maxChemotherapyCycles: 6}
            dataCutoff: "2025-06-30"
            """
        let url = TestPaths.temporaryDirectory("sim-study").appendingPathComponent("study.yaml")
        try! yaml.write(to: url, atomically: true, encoding: .utf8)
        return try! SpecFile.decode(StudyDefinition.self, from: url.path)
    }()

    /// One export per (size, seed), generated once per test process.
    static func export(subjects: Int? = nil, seed: UInt64 = EDCSimulator.defaultSeed) throws -> Export {
        let sink = InMemoryFormSink()
        let summary = try EDCSimulator(study: study, profile: try profile(), subjects: subjects, seed: seed).run(into: sink)
        return Export(sink: sink, summary: summary)
    }

    static let defaultExport: Export = try! export()
}

/// A generated export with helpers to read it back.
struct Export {
    let sink: InMemoryFormSink
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
