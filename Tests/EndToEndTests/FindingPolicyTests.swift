import Foundation
import TestSupport
import Testing
import TrialExportIO

/// `finding-policy.yaml` in a study folder: reviewed findings waived or downgraded, with a reason,
/// shown in findings.csv and the summary line; a broken policy file stops the run naming its line.
struct FindingPolicyEndToEndTests {
    /// A copy of the example study folder with `policy` as its finding-policy.yaml.
    func study(_ policy: String) throws -> URL {
        let copy = TestPaths.temporaryDirectory("policy").appendingPathComponent("NCT05549466")
        try FileManager.default.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466"), to: copy)
        try policy.write(to: copy.appendingPathComponent("finding-policy.yaml"), atomically: true, encoding: .utf8)
        return copy
    }

    @Test func waivedFindingsStayListedWithTheirReasonAndLeaveTheCount() throws {
        let folder = try study(
            """
            policy:
              - code: REC0001
                action: waive
                reason: Independent review 2025-07-01 confirms the investigator's readings
                records:
                  - {usubjid: NCT05549466-101-0013}
              - code: CHK0007
                action: warning
                reason: screen failures randomized by mistake must be queried
            """)
        let out = folder.deletingLastPathComponent().appendingPathComponent("out")
        let result = try BinaryRunner.run(["export", "--study", folder.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("0 errors, 3 warnings, 2 waived by the finding policy"), "\(result.stderr)")
        let findings = try String(contentsOf: out.appendingPathComponent("findings.csv"), encoding: .utf8)
        let lines = findings.split(separator: "\n").map(String.init)
        #expect(lines[0].hasSuffix(",Message,Hint,Policy"))
        let waived = lines.filter { $0.hasPrefix("waived,REC0001,") }
        #expect(waived.count == 2)
        #expect(waived.allSatisfy { $0.contains("NCT05549466-101-0013") && $0.hasSuffix("confirms the investigator's readings") })
        #expect(lines.contains { $0.hasPrefix("warning,CHK0007,") && $0.contains("note changed to warning: screen failures") })
    }

    @Test func aPolicyRuleWithoutAReasonStopsTheRunNamingItsLine() throws {
        let folder = try study(
            """
            policy:
              - code: REC0001
                action: waive
                reason: ""
            """)
        let out = folder.deletingLastPathComponent().appendingPathComponent("out")
        let result = try BinaryRunner.run(["export", "--study", folder.path, "--out", out.path, "--quiet"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("finding-policy.yaml:4:"), "\(result.stderr)")
        #expect(result.stderr.contains("needs its reason"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
    }
}
