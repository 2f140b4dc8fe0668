import Foundation
import TestSupport
import Testing

/// The same study and raw data give the same export bytes wherever the study folder lies: findings
/// name study files as `<study folder>/<file>`, never by an absolute path.
struct StudyLocationTests {
    @Test func theExportDoesNotDependOnWhereTheStudyLies() throws {
        let root = TestPaths.repositoryRoot
        let raw = root.appendingPathComponent("examples/DEMO-HTN-301/edc")
        var findings: [Data] = []
        for place in ["here", "elsewhere/deeper"] {
            let base = TestPaths.temporaryDirectory("location").appendingPathComponent(place)
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
            let study = base.appendingPathComponent("DEMO-HTN-301")
            try FileManager.default.copyItem(at: root.appendingPathComponent("mappings/DEMO-HTN-301"), to: study)
            let out = base.appendingPathComponent("out")
            let result = try BinaryRunner.run(["export", "--raw", raw.path, "--study", study.path, "--out", out.path, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            findings.append(try Data(contentsOf: out.appendingPathComponent("findings.csv")))
        }
        #expect(findings[0] == findings[1])
        let text = String(decoding: findings[0], as: UTF8.self)
        #expect(text.contains("in DEMO-HTN-301/ct-map.yaml"), "a MAP0011 hint names the study's CT map")
        #expect(!text.contains("/tmp/") && !text.contains(root.path))
    }
}
