import Testing
import TrialExportCore

@Suite("RECIST input records: evaluators, lesion roles, unusable rows")
struct RecistRecordsTests {
    @Test("rows of other evaluators are ignored; nil reads every row")
    func evaluatorFilter() throws {
        var c = TumorCase()
        c.targets(["T01": 50])
        c.measure(visit: 2, day: 42, ["T01": 30])
        c.measure(visit: 2, day: 42, ["T01": 90], evaluator: "INDEPENDENT ASSESSOR")
        #expect(c.assessment(2)?.sumOfDiameters == 30)
        let all = RecistDerivation(evaluator: nil).derive(tu: c.tu, tr: c.tr, referenceDates: [:])
        #expect(all.subjects.first?.assessments.first?.sumOfDiameters == 30)  // the first row of a lesion wins
    }

    @Test("a TR lesion missing from TU takes its role from TRGRPID")
    func roleFromGroup() throws {
        var c = TumorCase()
        c.targets(["T01": 50])
        c.states(visit: 1, day: -7, ["NT01": "PRESENT"])
        c.states(visit: 2, day: 42, ["NT01": "UNEQUIVOCAL"])
        c.measure(visit: 2, day: 42, ["T01": 50])
        let a = try #require(c.assessment(2))
        #expect(a.nonTargetResponse == .pd)
        #expect(c.derive().issues.isEmpty)
    }

    @Test(
        "unusable rows are reported as issues",
        arguments: [
            (
                ["S", "TR", "STUDY-01-001", "", "X01", "LDIAM", "12", "12", "", "INVESTIGATOR", "2", "V2", "2023-02-12"],
                "TR lesion X01 is not in TU and TRGRPID \"\" gives no role; ignored"
            ),
            (
                [
                    "S", "TR", "STUDY-01-001", "TARGET", "T01", "LDIAM", "12", "12", "", "INVESTIGATOR", "", "UNSCHEDULED",
                    "2023-02-12",
                ],
                "TR record of lesion T01 has no numeric VISITNUM; ignored"
            ),
            (
                [
                    "S", "TR", "STUDY-01-001", "TARGET", "T01", "LDIAM", "TOO SMALL", "", "", "INVESTIGATOR", "2", "V2",
                    "2023-02-12",
                ],
                "TR LDIAM of lesion T01 at VISITNUM 2 is \"TOO SMALL\", not a number; treated as not measured"
            ),
        ])
    func issues(row: [String], message: String) {
        var c = TumorCase()
        c.targets(["T01": 50])
        c.trRows.append(row)
        #expect(c.derive().issues == [RecistIssue(usubjid: c.subject, message: message)])
    }

    @Test("subjects come out ordered by USUBJID, each with its baseline")
    func subjectOrder() {
        var b = TumorCase(subject: "B")
        b.targets(["T01": 20])
        var a = TumorCase(subject: "A")
        a.targets(["T01": 30])
        let tu = TumorCase.dataset("TU", TumorCase.tuColumns, b.tuRows + a.tuRows)
        let tr = TumorCase.dataset("TR", TumorCase.trColumns, b.trRows + a.trRows)
        let result = RecistDerivation().derive(tu: tu, tr: tr, referenceDates: [:])
        #expect(result.subjects.map(\.usubjid) == ["A", "B"])
        #expect(result.subjects.map(\.baselineSum) == [30, 20])
        #expect(result.subjects.map(\.baselineVisitNumber) == [1, 1])
        #expect(result.subject("B")?.baselineSum == 20)
        #expect(result.subject("A")?.baselineSum == 30)
        #expect(result.subject("C") == nil)
    }
}
