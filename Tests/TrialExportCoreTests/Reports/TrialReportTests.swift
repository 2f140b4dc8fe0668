import Testing
import TrialExportCore

/// Figures of the hand-made fixture (ReportFixtures), counted by hand.
struct TrialReportTests {
    let report = ReportFixtures.report()

    var ab: ArmSummary { report.arms[0] }
    var b: ArmSummary { report.arms[1] }

    @Test func enrolment() {
        let c = report.consort
        #expect(c.assessed == 10)
        #expect(c.notMeetingCriteria == 2)
        #expect(c.declined == 1)
        #expect(c.otherExclusions == [ReasonCount(reason: "PHYSICIAN DECISION", count: 1)])
        #expect(c.excluded == 4)
        #expect(c.randomized == 6)
        #expect(c.randomizedInDS == 6)
        #expect(c.arms.map(\.code) == ["A+B", "B"])
    }

    @Test func armFlow() {
        let f = ab.flow
        #expect(f.allocated == 4 && f.receivedAllocated == 3)
        #expect(f.notReceived == [ReasonCount(reason: "WITHDRAWAL BY SUBJECT", count: 1)])
        #expect(
            f.discontinued == [
                ReasonCount(reason: "ADVERSE EVENT", count: 1), ReasonCount(reason: "PROGRESSIVE DISEASE", count: 1),
            ])
        #expect(f.completedTreatment == 0 && f.onTreatment == 1)
        #expect(f.lostToFollowUp == 1 && f.died == 1)
        #expect(f.analysed == 3)
        #expect(f.excludedFromAnalysis == [ReasonCount(reason: "ASSIGNED, NOT TREATED", count: 1)])
        let g = b.flow
        #expect(g.allocated == 2 && g.receivedAllocated == 2 && g.notReceived.isEmpty)
        #expect(g.discontinued == [ReasonCount(reason: "DEATH", count: 1)] && g.completedTreatment == 1 && g.onTreatment == 0)
        #expect(g.died == 1 && g.analysed == 2)
    }

    @Test func baselineOfTheAllocatedSubjects() {
        #expect(ab.baseline.subjects == 4)
        #expect(ab.baseline.medianAge == 45 && ab.baseline.ageRange == 35...61)
        #expect(ab.baseline.sex == [ReasonCount(reason: "M", count: 3), ReasonCount(reason: "F", count: 1)])
        #expect(
            ab.baseline.ecog == [
                ReasonCount(reason: "0", count: 1), ReasonCount(reason: "1", count: 2), ReasonCount(reason: "missing", count: 1),
            ])
    }

    @Test func exposureOfTheAnalysedSubjects() {
        let e = ab.exposure
        #expect(e.cyclesStarted == [2, 1, 3])
        #expect(e.durationDays == [42, 21])  // S06 has a partial end date
        #expect(e.drugs.map(\.drug) == ["DRUGA", "DRUGB"])
        let a = e.drugs[0], bDrug = e.drugs[1]
        #expect(a.subjects == 3 && a.reductions == .init(subjects: 1, records: 1))
        #expect(a.interruptions == .init(subjects: 0, records: 0) && a.otherAdjustments == .init(subjects: 1, records: 1))
        #expect(bDrug.subjects == 2 && bDrug.interruptions == .init(subjects: 1, records: 1))
        #expect(ReportText.medianRange(e.cyclesStarted) == "2 (1 to 3)")
        #expect(ReportText.medianRange(e.durationDays) == "31.5 (21 to 42)")
    }

    @Test func efficacyCountsTheInvestigatorsBestResponse() {
        let e = ab.efficacy
        #expect(e.subjects == 3)
        #expect(e.investigator == [.pr: 1, .cr: 1, .sd: 1])
        #expect(e.investigatorORR == Proportion(count: 2, total: 3))
        #expect(e.investigatorDCR == Proportion(count: 3, total: 3))
        #expect(e.derived.isEmpty && e.derivedNotEvaluated == 3)
    }

    @Test func safetyCountsSubjectsOncePerLine() {
        let s = ab.safety
        #expect(s.subjects == 3)
        #expect(s.anyAE == 3 && s.treatmentEmergent == 3 && s.gradeThreeOrMore == 3)
        #expect(s.serious == 2 && s.leadingToDiscontinuation == 1 && s.fatal == 1)
        #expect(s.frequentTerms.map(\.term) == ["Nausea", "Neutropenia", "Sepsis"])
        #expect(s.frequentTerms[0].anyGrade == 2 && s.frequentTerms[0].gradeThreeOrMore == 1)
    }

    @Test func investigatorResponsesWithoutTumourDataAreDisagreements() {
        #expect(report.disagreements.map(\.usubjid) == ["S04", "S05", "S06"])
        #expect(report.disagreements.allSatisfy { $0.kind == .derivedMissing && $0.testCode == "BESTRESP" })
        let findings = report.findings
        #expect(findings.count == 3 && findings.allSatisfy { $0.code == "REC0001" && $0.severity == .warning })
        #expect(
            findings[0].message
                == "BESTRESP at best overall response: investigator PR, derived from TU/TR none (no TU/TR records for the subject: nothing derived, not PR)"
        )
        #expect(ab.disagreements.count == 3 && b.disagreements.isEmpty)
    }

    @Test func aStudyWithoutDatasetsGivesEmptyArms() {
        let empty = ReportFixtures.report([])
        #expect(empty.consort.assessed == 0 && empty.consort.randomized == 0)
        #expect(empty.arms.map(\.flow.allocated) == [0, 0])
        #expect(ReportText.rate(empty.arms[0].efficacy.investigatorORR) == "n/a")
    }

    @Test func anArmCodeTheStudyDoesNotDefineGetsAColumn() {
        var dm = ReportFixtures.dm
        dm.append(row: ["S11", "X", "X", "", "44", "F", "", "2023-01-01"])
        let report = ReportFixtures.report([dm])
        #expect(report.arms.map(\.code) == ["A+B", "B", "X"])
        #expect(report.consort.randomized == report.arms.reduce(0) { $0 + $1.flow.allocated })
    }
}
