import Testing
import TrialExportCore

@Suite("RECIST 1.1 non-target response, new lesions and the overall table")
struct RecistOverallResponseTests {
    @Test(
        "non-target response from TUMSTATE",
        arguments: [
            (["NT01": "ABSENT", "NT02": "ABSENT"], RecistResponse.cr, "all non-targets absent"),
            (["NT01": "ABSENT", "NT02": "PRESENT"], .nonCRNonPD, "non-target NT02 present"),
            (["NT01": "UNEQUIVOCAL", "NT02": "PRESENT"], .pd, "non-target NT01 unequivocal progression"),
            (["NT01": "UNEQUIVOCAL", "NT02": "NE"], .pd, "non-target NT01 unequivocal progression"),
            (["NT01": "NE", "NT02": "PRESENT"], .ne, "non-target NT01 not assessed"),
            (["NT01": "PRESENT"], .ne, "non-target NT02 not assessed"),  // NT02 has no record
        ])
    func nonTarget(states: [String: String], expected: RecistResponse, rationale: String) throws {
        var c = TumorCase()
        c.lesion("NT01", "NON-TARGET", location: "BONE")
        c.lesion("NT02", "NON-TARGET", location: "RETROPHARYNGEAL LYMPH NODE")
        c.states(visit: 1, day: -7, ["NT01": "PRESENT", "NT02": "PRESENT"])
        c.states(visit: 2, day: 42, states)
        let a = try #require(c.assessment(2))
        #expect(a.targetResponse == nil)
        #expect(a.nonTargetResponse == expected)
        #expect(a.overallResponse == expected)  // no targets: the overall response is the non-target one
        #expect(a.rationale == rationale)
    }

    @Test("non-target unequivocal progression makes the overall response PD despite a target PR")
    func nonTargetProgression() throws {
        var c = TumorCase()
        c.targets(["T01": 50])
        c.lesion("NT01", "NON-TARGET", location: "BONE")
        c.states(visit: 1, day: -7, ["NT01": "PRESENT"])
        c.measure(visit: 2, day: 42, ["T01": 20])
        c.states(visit: 2, day: 42, ["NT01": "UNEQUIVOCAL"])
        let a = try #require(c.assessment(2))
        #expect(a.targetResponse == .pr)
        #expect(a.overallResponse == .pd)
        #expect(a.rationale == "SoD 20 mm is -60% from baseline 50 mm; non-target NT01 unequivocal progression")
    }

    @Test("any new lesion means PD", arguments: [true, false])
    func newLesion(identifiedInTU: Bool) throws {
        var c = TumorCase()
        c.targets(["T01": 50])
        c.measure(visit: 2, day: 42, ["T01": 20])
        if identifiedInTU {
            c.newLesion("NEW01", visit: 2, day: 42)
        } else {
            c.tuRows.append(["S", "TU", c.subject, "NEW01", "TUMIDENT", "NEW", "LIVER", "INVESTIGATOR", "", "", ""])
            c.states(visit: 2, day: 42, ["NEW01": "PRESENT"], group: "NEW")
        }
        let a = try #require(c.assessment(2))
        #expect(a.targetResponse == .pr)
        #expect(a.newLesions == ["NEW01"])
        #expect(a.newLesionIndicator == "Y")
        #expect(a.overallResponse == .pd)
        #expect(a.rationale.hasSuffix("; new lesion NEW01"))
    }

    @Test("a new lesion seen only at a visit without TR results still makes an assessment with PD")
    func newLesionOnlyVisit() throws {
        var c = TumorCase()
        c.targets(["T01": 50])
        c.newLesion("NEW01", visit: 3, day: 60)
        let a = try #require(c.assessment(3))
        #expect(a.targetResponse == .ne)
        #expect(a.overallResponse == .pd)
    }

    typealias Row = (RecistResponse?, RecistResponse?, Bool, RecistResponse)

    static let table: [Row] = [
        (.cr, .cr, false, .cr),
        (.cr, nil, false, .cr),
        (.cr, .nonCRNonPD, false, .pr),
        (.cr, .ne, false, .pr),
        (.pr, .nonCRNonPD, false, .pr),
        (.pr, .cr, false, .pr),
        (.pr, .ne, false, .pr),
        (.pr, nil, false, .pr),
        (.sd, .nonCRNonPD, false, .sd),
        (.sd, .cr, false, .sd),
        (.sd, .ne, false, .sd),
        (.ne, .nonCRNonPD, false, .ne),
        (.ne, .cr, false, .ne),
        (.ne, .ne, false, .ne),
        (.pd, .cr, false, .pd),
        (.pd, nil, false, .pd),
        (.sd, .pd, false, .pd),
        (.cr, .pd, false, .pd),
        (.ne, .pd, false, .pd),
        (.cr, .cr, true, .pd),
        (.pr, .nonCRNonPD, true, .pd),
        (.ne, .ne, true, .pd),
        (nil, .cr, false, .cr),
        (nil, .nonCRNonPD, false, .nonCRNonPD),
        (nil, .ne, false, .ne),
        (nil, .pd, false, .pd),
        (nil, .cr, true, .pd),
        (nil, nil, false, .ne),
    ]

    @Test("the RECIST 1.1 overall response table", arguments: table)
    func overallTable(row: Row) {
        let (target, nonTarget, newLesions, expected) = row
        #expect(RecistDerivation.overallResponse(target: target, nonTarget: nonTarget, newLesions: newLesions) == expected)
    }

    @Test("target CR with non-targets present gives PR, with the reason")
    func completeTargetsNonTargetsPresent() throws {
        var c = TumorCase()
        c.targets(["T01": 30])
        c.lesion("NT01", "NON-TARGET", location: "BONE")
        c.states(visit: 1, day: -7, ["NT01": "PRESENT"])
        c.measure(visit: 2, day: 42, ["T01": 0])
        c.states(visit: 2, day: 42, ["NT01": "PRESENT"])
        let a = try #require(c.assessment(2))
        #expect(a.overallResponse == .pr)
        #expect(a.rationale == "all non-nodal targets 0 mm; non-target NT01 present")
    }
}
