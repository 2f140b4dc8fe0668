import Testing

@testable import TrialExportCore

/// The study's decisions about reviewed findings: waive or change severity, always with a reason.
struct FindingPolicyTests {
    static let findings = [
        Finding(severity: .error, code: "CHK0012", message: "AESER N with AESHOSP Y", domain: "AE", usubjid: "S1", seq: 3),
        Finding(severity: .error, code: "CHK0012", message: "AESER N with AESHOSP Y", domain: "AE", usubjid: "S2", seq: 1),
        Finding(severity: .warning, code: "REC0001", message: "disagreement", usubjid: "S1"),
    ]

    @Test func aRuleForListedRecordsWaivesOnlyThemAndSaysWhy() {
        let policy = FindingPolicy(rules: [
            .init(code: "CHK0012", action: .waive, reason: "reviewed 2024-03", records: [.init(usubjid: "S1", seq: 3)])
        ])
        let out = policy.apply(Self.findings, source: "finding-policy.yaml")
        #expect(out.map(\.severity) == [.waived, .error, .warning])
        #expect(out[0].policy == "waived (was error): reviewed 2024-03")
        #expect(out[0].message == Self.findings[0].message, "text and location are kept")
        #expect(out[1].policy == nil)
    }

    @Test func aRuleWithoutRecordsChangesTheSeverityOfEveryFindingOfItsCode() {
        let policy = FindingPolicy(rules: [.init(code: "REC0001", action: .note, reason: "investigator's reading stands")])
        let out = policy.apply(Self.findings, source: "p.yaml")
        #expect(out[2].severity == .note)
        #expect(out[2].policy == "warning changed to note: investigator's reading stands")
        let same = FindingPolicy(rules: [.init(code: "REC0001", action: .warning, reason: "r")]).apply(Self.findings, source: "p")
        #expect(same[2].severity == .warning && same[2].policy == "kept warning: r")
    }

    @Test func theFirstMatchingRuleWinsAndAnUnusedRuleIsReported() {
        let policy = FindingPolicy(rules: [
            .init(code: "CHK0012", action: .warning, reason: "first", records: [.init(domain: "AE")]),
            .init(code: "CHK0012", action: .waive, reason: "second"),
            .init(code: "CHK0099", action: .waive, reason: "stale"),
        ])
        let out = policy.apply(Self.findings, source: "finding-policy.yaml")
        #expect(out.prefix(2).map(\.severity) == [.warning, .warning])
        let unused = out.filter { $0.code == "POL0001" }
        #expect(unused.count == 2, "rule 2 (shadowed) and rule 3 (no finding)")
        #expect(unused.map(\.message).contains { $0.hasPrefix("rule 3 of the finding policy (CHK0099)") })
        #expect(unused.allSatisfy { $0.severity == .warning && $0.file == "finding-policy.yaml" })
    }

    @Test func noPolicyChangesNothing() {
        #expect(FindingPolicy().apply(Self.findings, source: "x") == Self.findings)
    }
}
