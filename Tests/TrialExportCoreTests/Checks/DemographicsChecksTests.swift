import Testing
import TrialExportCore

@Suite("DM checks")
struct DemographicsChecksTests {
    /// DM with the reference-date columns: S1 treated, S2 randomized but never treated, S3 a screen failure.
    static let columns = ["USUBJID", "ARMCD", "ACTARMCD", "RFSTDTC", "RFENDTC", "RFXSTDTC", "RFXENDTC"]
    static let rows = [
        ["S1", "A", "A", "2023-01-05", "2023-03-01", "2023-01-05", "2023-03-01"],
        ["S2", "A", "", "", "", "", ""],
        ["S3", "", "", "", "", "", ""],
    ]

    func findings(_ rows: [[String]]) -> [Finding] {
        let sink = FindingCollector()
        let dm = CrossDomainFixture.dataset("DM", Self.columns, rows)
        DemographicsChecks(study: TrialDesignFixtures.study(), findings: sink).run(dm)
        return sink.findings.filter { $0.code == "CHK0008" }
    }

    @Test("reference and exposure dates for every treated subject, none for the others: no finding")
    func consistentReferenceDates() {
        #expect(findings(Self.rows).isEmpty)
    }

    @Test(
        "a reference date that does not match ARMCD or ACTARMCD is CHK0008 naming the variable",
        arguments: [
            (1, 3, "RFSTDTC"),  // randomized, not treated, with a reference start (set below)
            (0, 4, "RFENDTC"),  // treated without a reference end
            (0, 5, "RFXSTDTC"),  // treated without a first dose date
            (2, 3, "RFSTDTC"),  // screen failure with a reference start (set below)
        ])
    func inconsistentReferenceDate(row: Int, column: Int, variable: String) throws {
        var rows = Self.rows
        rows[row][column] = rows[row][column].isEmpty ? "2023-01-01" : ""
        let found = findings(rows)
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.variable == variable && finding.usubjid == rows[row][0] && finding.severity == .error)
    }
}
