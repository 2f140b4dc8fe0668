import Testing
import TrialExportCore

@Suite("RECIST 1.1 best overall response with confirmation")
struct RecistBestResponseTests {
    /// One target of 100 mm at baseline; follow-ups as (study day, size): 60 is PR, 90 SD, 0 CR, 130 PD.
    static func best(_ followUps: [(Int, Double)], reference: String = TumorCase.reference) -> RecistBestResponse {
        var c = TumorCase()
        c.targets(["T01": 100])
        for (index, (day, size)) in followUps.enumerated() { c.measure(visit: index + 2, day: day, ["T01": size]) }
        return c.result(reference: reference).best
    }

    @Test(
        "CR and PR are confirmed by a later CR/PR at least 28 days after",
        arguments: [
            ([(42, 60.0), (84, 60.0)], RecistResponse.pr, 2.0),
            ([(35, 60.0), (63, 55.0)], .pr, 2.0),  // exactly 28 days
            ([(42, 0.0), (70, 0.0)], .cr, 2.0),
            ([(42, 0.0), (84, 4.0)], .pr, 2.0),  // CR followed by PR (4 mm: not PD over the nadir 0) counts as PR
            ([(42, 60.0), (84, 0.0), (126, 0.0)], .cr, 3.0),
            ([(42, 60.0), (56, 71.0), (84, 60.0)], .pr, 2.0),  // SD in between does not break confirmation
        ])
    func confirmed(followUps: [(Int, Double)], expected: RecistResponse, visit: Double) {
        let best = Self.best(followUps)
        #expect(best.response == expected, "\(best.rationale)")
        #expect(best.visitNumber == visit)
    }

    @Test(
        "an unconfirmed PR or CR counts as SD once the SD window is met",
        arguments: [
            ([(42, 60.0), (63, 60.0)], RecistResponse.sd, 2.0),  // 21 days apart: unconfirmed, day 42 meets the window
            ([(35, 60.0), (62, 60.0)], .sd, 3.0),  // 27 days apart; only the second is late enough for SD
            ([(42, 60.0)], .sd, 2.0),
            ([(42, 0.0)], .sd, 2.0),
        ])
    func unconfirmed(followUps: [(Int, Double)], expected: RecistResponse, visit: Double) {
        let best = Self.best(followUps)
        #expect(best.response == expected, "\(best.rationale)")
        #expect(best.visitNumber == visit)
        #expect(best.rationale.contains("unconfirmed"))
    }

    @Test(
        "SD counts only from 42 days after the reference date",
        arguments: [
            (41, RecistResponse.ne),
            (42, .sd),
        ])
    func stableDiseaseWindow(day: Int, expected: RecistResponse) {
        let best = Self.best([(day, 90)])
        #expect(best.response == expected)
        if expected == .ne {
            #expect(best.rationale == "SD at V2 (\(TumorCase.date(41))) only 41 days after the reference date 2023-01-01 (< 42)")
        }
    }

    @Test("PD after an early SD is the best response")
    func earlyProgression() {
        let best = Self.best([(21, 90), (42, 130)])
        #expect(best.response == .pd)
        #expect(best.visitNumber == 3)
    }

    @Test("assessments after the first PD are ignored")
    func stopsAtProgression() {
        // PR at day 42, PD at day 84 (130 mm is +117% over the nadir 60 mm), PR at day 126 would confirm.
        let best = Self.best([(42, 60), (84, 130), (126, 60)])
        #expect(best.response == .sd, "\(best.rationale)")
    }

    @Test("without a reference date SD cannot be timed")
    func noReferenceDate() {
        let best = Self.best([(42, 90)], reference: "")
        #expect(best.response == .ne)
        #expect(best.rationale.hasSuffix("cannot be timed: no reference date"))
    }

    @Test("no post-baseline assessment gives NE")
    func baselineOnly() {
        let best = Self.best([])
        #expect(best.response == .ne)
        #expect(best.rationale == "no post-baseline assessment")
    }

    @Test("without targets, a late enough NON-CR/NON-PD is the best response")
    func nonTargetOnly() {
        var c = TumorCase()
        c.lesion("NT01", "NON-TARGET", location: "BONE")
        c.states(visit: 1, day: -7, ["NT01": "PRESENT"])
        c.states(visit: 2, day: 42, ["NT01": "PRESENT"])
        #expect(c.result().best.response == .nonCRNonPD)
    }
}
