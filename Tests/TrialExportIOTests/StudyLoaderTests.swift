import Foundation
import TestSupport
import Testing
import TrialExportCore

@testable import TrialExportIO

/// study.yaml asks only for what a study has, and names every missing key at once with its meaning.
struct StudyLoaderTests {
    func write(_ text: String) throws -> String {
        let url = TestPaths.temporaryDirectory("study").appendingPathComponent("study.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func everyMissingKeyIsNamedAtOnceWithItsMeaning() throws {
        let path = try write("studyId: X1\ntitle: A study\nphase: Phase 2\n")
        let error = #expect(throws: TrialExportError.self) { try StudyLoader.load(path) }
        let message = "\(error.map { $0 } as Any)"
        #expect(message.contains("12 required keys missing"), "\(message)")
        for key in ["sponsor", "condition", "design", "population", "sites", "arms", "criteria", "dataCutoff"] {
            #expect(message.contains("\n  \(key): "), "\(key) in \(message)")
        }
        #expect(message.contains("(TS SPONSOR)"))
        #expect(!message.contains("studyId:") && !message.contains("  title:"))
    }

    @Test func theExampleStudyNeedsNoScheduleOrSecondaryIdsOrUpperAge() throws {
        let example = TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466/study.yaml")
        var text = try String(contentsOf: example, encoding: .utf8)
        text = text.replacingOccurrences(of: "secondaryIds: [SYSUCC-CMY-2022-0917]\n", with: "")
        text = text.replacingOccurrences(of: "  maximumAge: 70\n", with: "")
        let study = try StudyLoader.load(try write(text))
        #expect(study.schedule == nil && study.secondaryIds == nil && study.population.maximumAge == nil)
        #expect(study.registryName == "ClinicalTrials.gov")
    }
}
