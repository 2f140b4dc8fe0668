import Testing

@testable import TrialExportCore

/// CHK0036: a date of a subject before the subject's birth date, one finding per subject and dataset.
struct DateBeforeBirthTests {
    typealias F = CrossDomainFixture

    func findings(birth: String, ae: [[String]]) -> [Finding] {
        let dm = F.dataset(
            "DM", ["USUBJID", "BRTHDTC", "RFICDTC"], [["S1", birth, "2023-01-02"], ["S2", "1960-05-01", "2023-01-03"]])
        let events = F.dataset("AE", ["USUBJID", "AESEQ", "AESTDTC", "AEENDTC"], ae)
        let collector = FindingCollector()
        CrossDomainChecks(study: TrialDesignFixtures.study(), findings: collector).run([dm, events])
        return collector.findings.filter { $0.code == "CHK0036" }
    }

    @Test func startAndEndBeforeBirthAreOneErrorNamingTheFirstRecord() throws {
        let found = findings(
            birth: "1975-03-12",
            ae: [
                ["S1", "1", "2023-01-05", "2023-01-09"],
                ["S1", "2", "1975-03-01", "1975-03-11"],
                ["S1", "3", "1974", ""],
                ["S2", "1", "1960-04-30T10:00", ""],
            ])
        #expect(found.count == 2)
        let first = try #require(found.first)
        #expect(first.severity == .error && first.domain == "AE" && first.usubjid == "S1" && first.seq == 2)
        #expect(first.variable == "AESTDTC" && first.value == "1975-03-01")
        #expect(first.message.contains("DM.BRTHDTC = \"1975-03-12\"") && first.message.contains("3 dates of this subject in AE"))
        #expect(found[1].usubjid == "S2" && found[1].value == "1960-04-30T10:00" && !found[1].message.contains("dates of"))
    }

    @Test(arguments: ["1975-03", "1975", ""])
    func datesAreComparedAtTheirCommonPrecision(_ birth: String) {
        // 1975-03-01 may be after a birth in March 1975 or in 1975; with no birth date nothing is known.
        #expect(findings(birth: birth, ae: [["S1", "1", "1975-03-01", "1975-03-02"]]).isEmpty)
    }

    @Test func aPartialDateCertainlyBeforeBirthIsFound() {
        #expect(findings(birth: "1975-03", ae: [["S1", "1", "1975-02", ""]]).map(\.value) == ["1975-02"])
    }
}
