import Testing
import TrialExportCore

@Suite("RECIST derivation against the investigator's RS")
struct RecistComparisonTests {
    /// Baseline 57 mm; V2 41 mm (SD, -28.1%); V3 39 mm (PR, unconfirmed); no TR at V5.
    static func fixture() -> (TumorCase, RecistDerivationResult) {
        var c = TumorCase()
        c.targets(["T01": 30, "T02": 27])
        c.measure(visit: 2, day: 42, ["T01": 21, "T02": 20])
        c.measure(visit: 3, day: 84, ["T01": 20, "T02": 19])
        return (c, c.derive())
    }

    @Test("every disagreement is listed with the reason; agreements are not")
    func listing() {
        let (c, derived) = Self.fixture()
        let s = c.subject
        let rs = TumorCase.rs([
            (s, "OVRLRESP", "PR", "INVESTIGATOR", 2),
            (s, "OVRLRESP", "SD", "INDEPENDENT ASSESSOR", 2),  // another evaluator: ignored
            (s, "OVRLRESP", "PD", "INVESTIGATOR", 5),
            (s, "BESTRESP", "PR", "INVESTIGATOR", 0),
            ("STUDY-01-002", "BESTRESP", "SD", "INVESTIGATOR", 0),
        ])
        let found = RecistComparison.disagreements(rs: rs, derived: derived)
        #expect(
            found.map { "\($0.usubjid) \($0.testCode) \($0.visit) \($0.investigator)->\($0.derived) \($0.kind)" } == [
                "\(s) OVRLRESP V2 PR->SD differs",
                "\(s) OVRLRESP V3 ->PR investigatorMissing",
                "\(s) OVRLRESP V5 PD-> derivedMissing",
                "\(s) BESTRESP  PR->SD differs",
                "STUDY-01-002 BESTRESP  SD-> derivedMissing",
            ])
        #expect(found[0].reason == "SoD 41 mm is -28.1% from baseline 57 mm: SD, not PR")
        #expect(found[0].visitNumber == 2)
        #expect(found[1].reason == "no investigator OVRLRESP; derived PR: SoD 39 mm is -31.6% from baseline 57 mm")
        #expect(found[2].reason == "no TR results at V5: nothing derived, not PD")
        #expect(
            found[3].reason == "SD at V2 (\(TumorCase.date(42))), 42 days after the reference date 2023-01-01 (>= 42); "
                + "PR at V3 (\(TumorCase.date(84))) unconfirmed (no CR or PR 28+ days later): SD, not PR")
        #expect(found[3].visitNumber == nil)
        #expect(found[4].reason == "no TU/TR records for the subject: nothing derived, not SD")
    }

    @Test("investigator values that match, in any case, give no disagreement")
    func agreement() {
        let (c, derived) = Self.fixture()
        let rs = TumorCase.rs([
            (c.subject, "OVRLRESP", "SD", "INVESTIGATOR", 2),
            (c.subject, "OVRLRESP", " pr ", "INVESTIGATOR", 3),
            (c.subject, "BESTRESP", "SD", "", 0),
            (c.subject, "TRGRESP", "CR", "INVESTIGATOR", 2),  // other tests are not compared
        ])
        #expect(RecistComparison.disagreements(rs: rs, derived: derived).isEmpty)
    }

    @Test("a value that is no response code is reported as missing")
    func notACode() throws {
        let (c, derived) = Self.fixture()
        let rs = TumorCase.rs([
            (c.subject, "OVRLRESP", "SD", "INVESTIGATOR", 2),
            (c.subject, "OVRLRESP", "Partial response", "INVESTIGATOR", 3),
            (c.subject, "BESTRESP", "SD", "INVESTIGATOR", 0),
        ])
        let found = RecistComparison.disagreements(rs: rs, derived: derived)
        let only = try #require(found.first)
        #expect(found.count == 1)
        #expect(only.kind == .investigatorMissing)
        #expect(only.investigator == "Partial response")
        #expect(only.reason.hasPrefix("investigator OVRLRESP \"Partial response\" is no RECIST response code; derived PR"))
    }

    @Test("an investigator response at the baseline visit is named as such")
    func baselineResponse() throws {
        let (c, derived) = Self.fixture()
        let rs = TumorCase.rs([(c.subject, "OVRLRESP", "SD", "INVESTIGATOR", 1)])
        let found = RecistComparison.disagreements(rs: rs, derived: derived)
        #expect(found.first?.reason == "SCREENING is the baseline assessment: nothing derived, not SD")
    }
}
