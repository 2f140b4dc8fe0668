import Testing

@testable import TrialExportCore

/// The Summary sheet's numbers: totals recomputed from what each arm's cell was computed from.
struct SummaryGridTests {
    @Test func totalsAreRecomputedFromTheArmsInputs() {
        #expect(SummaryGrid.Cell.total([.count(3, of: 10), .count(5, of: 20)]) == .count(8, of: 30))
        #expect(SummaryGrid.Cell.total([.number(4), .number(6)]) == .number(10))
        // The total's median is the median of all subjects, not a median of medians.
        #expect(SummaryGrid.Cell.total([.median([1, 2, 3]), .median([10, 20])]) == .median([1, 2, 3, 10, 20]))
        let rate = SummaryGrid.Cell.total([.rate(Proportion(count: 1, total: 4)), .rate(Proportion(count: 3, total: 6))])
        #expect(rate == .rate(Proportion(count: 4, total: 10)))
        #expect(SummaryGrid.Cell.total([.blank, .blank]) == .blank)
        #expect(SummaryGrid.Cell.total([]) == .blank)
    }

    @Test func enrollmentIsCumulativePerArmWithEveryMonthKept() {
        let dm = ReportFixtures.dataset(
            "DM", ["USUBJID", "ARMCD", "RFICDTC"],
            [
                ["S1", "A", "2023-11-05"], ["S2", "B", "2023-11-20"], ["S3", "A", "2024-01-02T10:00"],
                ["S4", "", "2023-12-01"],  // no planned arm: not counted
                ["S5", "B", "2024"],  // no month: not counted
                ["S6", "X", "2023-12-01"],  // not an arm of the report
            ])
        let curve = EnrollmentCurve(dm: dm, arms: ["A", "B"])
        #expect(curve.months.map(\.month) == ["2023-11", "2023-12", "2024-01"])
        #expect(curve.months.map(\.counts) == [[1, 1], [1, 1], [2, 1]])
    }

    @Test func noConsentDatesGiveNoCurve() {
        let dm = ReportFixtures.dataset("DM", ["USUBJID", "ARMCD"], [["S1", "A"]])
        #expect(EnrollmentCurve(dm: dm, arms: ["A"]).months.isEmpty)
    }
}

/// The report definitions drive the figures: the treatment-emergent flag's QNAM, the disposition category.
struct ReportDefinitionsTests {
    @Test func theStudysQualifierNameDecidesWhatIsTreatmentEmergent() {
        var study = TrialDesignFixtures.study()
        let standard = TrialReportBuilder(study: study, cutoff: "2025-06-30").build(ReportFixtures.datasets)
        var definitions = ReportDefinitions()
        definitions.treatmentEmergentQualifier = "TRTEMFL"  // no SUPPAE record has it
        study.reports = ReportSettings(efficacy: .recist, definitions: definitions)
        let other = TrialReportBuilder(study: study, cutoff: "2025-06-30").build(ReportFixtures.datasets)
        #expect(standard.arms.map(\.safety.treatmentEmergent).reduce(0, +) > 0)
        #expect(other.arms.map(\.safety.treatmentEmergent).reduce(0, +) == 0)
    }

    @Test func withoutTheRecistModuleNoResponseIsDerivedOrListed() {
        var study = TrialDesignFixtures.study()
        study.reports = nil
        let report = TrialReportBuilder(study: study, cutoff: "2025-06-30").build(ReportFixtures.datasets)
        #expect(!report.hasRecist && report.disagreements.isEmpty)
        #expect(!report.comparisonTable.rows.contains { $0.label.contains("ORR") || $0.label.contains("ECOG") })
        #expect(report.summaryGrid.bestResponse.isEmpty)
    }
}
