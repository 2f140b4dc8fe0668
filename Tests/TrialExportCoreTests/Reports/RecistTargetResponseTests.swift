import Testing
import TrialExportCore

@Suite("RECIST 1.1 target response")
struct RecistTargetResponseTests {
    /// Baseline `T01 + T02`, one follow-up at day 42.
    static func followUp(baseline: [String: Double], _ sizes: [String: Double?], nodes: Set<String> = []) -> RecistAssessment? {
        var c = TumorCase()
        c.targets(baseline, nodes: nodes)
        c.measure(visit: 2, day: 42, sizes)
        return c.assessment(2)
    }

    @Test(
        "PR needs a 30% decrease from baseline",
        arguments: [
            (70.1, RecistResponse.sd, "-29.9%"),
            (70.0, .pr, "-30%"),
            (69.9, .pr, "-30.1%"),
            (100.0, .sd, "0%"),
        ])
    func partialResponseBoundary(followUp sum: Double, expected: RecistResponse, percent: String) throws {
        let a = try #require(Self.followUp(baseline: ["T01": 60, "T02": 40], ["T01": sum - 40, "T02": 40]))
        #expect(a.targetResponse == expected)
        #expect(a.overallResponse == expected)
        #expect(a.rationale.contains("is \(percent) from baseline 100 mm"), "\(a.rationale)")
    }

    @Test("a decrease of exactly 30% in decimal text is PR (57 mm -> 39.9 mm)")
    func partialResponseDecimal() throws {
        let a = try #require(Self.followUp(baseline: ["T01": 30.1, "T02": 26.9], ["T01": 20.1, "T02": 19.8]))
        #expect(a.targetResponse == .pr)
    }

    @Test(
        "PD needs 20% and 5 mm over the nadir",
        arguments: [
            (20.0, 24.0, RecistResponse.sd),  // +20% but +4 mm
            (20.0, 25.0, .pd),  // +25%, +5 mm
            (50.0, 59.9, .sd),  // +19.8%, +9.9 mm
            (50.0, 60.0, .pd),  // +20%, +10 mm
        ])
    func progressionNeedsBoth(baseline: Double, followUp: Double, expected: RecistResponse) throws {
        let a = try #require(Self.followUp(baseline: ["T01": baseline], ["T01": followUp]))
        #expect(a.targetResponse == expected, "\(a.rationale)")
    }

    @Test(
        "PD is measured from the nadir, not from baseline",
        arguments: [
            (72.0, RecistResponse.pd, "SoD 72 mm is +20% (+12 mm) over nadir 60 mm"),
            (71.9, .sd, "SoD 71.9 mm is -28.1% from baseline 100 mm, +19.8% (+11.9 mm) over nadir 60 mm"),
            (69.0, .pr, "SoD 69 mm is -31% from baseline 100 mm, +15% (+9 mm) over nadir 60 mm"),
        ])
    func nadirNotBaseline(third: Double, expected: RecistResponse, rationale: String) throws {
        var c = TumorCase()
        c.targets(["T01": 100])
        c.measure(visit: 2, day: 42, ["T01": 60])
        c.measure(visit: 3, day: 84, ["T01": third])
        let a = try #require(c.assessment(3))
        #expect(a.nadir == 60)
        #expect(a.baselineSum == 100)
        #expect(a.targetResponse == expected)
        #expect(a.rationale == rationale)
    }

    @Test(
        "CR needs every non-nodal target gone and every node below 10 mm",
        arguments: [
            (0.0, 9.9, RecistResponse.cr),
            (0.0, 10.0, .pr),  // the node at 10 mm is not normal; the sum 10 mm is -83% from 60 mm
            (3.0, 5.0, .pr),
        ])
    func completeResponseNodes(liver: Double, node: Double, expected: RecistResponse) throws {
        let a = try #require(Self.followUp(baseline: ["T01": 40, "T02": 20], ["T01": liver, "T02": node], nodes: ["T02"]))
        #expect(a.targetResponse == expected, "\(a.rationale)")
        if liver == 0 && node >= 10 { #expect(a.rationale.contains("node T02 10 mm (not < 10 mm): not CR")) }
        if expected == .cr {
            #expect(a.rationale == "all non-nodal targets 0 mm, every target node < 10 mm (largest T02 9.9 mm)")
        }
    }

    @Test("a node is measured by its short axis (LPERP) when both diameters are recorded")
    func nodeShortAxis() throws {
        var c = TumorCase()
        c.targets(["T01": 20], nodes: ["T01"])
        c.trRows.append([
            "S", "TR", c.subject, "TARGET", "T01", "LDIAM", "35", "35", "", "INVESTIGATOR", "1", "SCREENING", TumorCase.date(-7),
        ])
        let result = c.result()
        #expect(result.baselineSum == 20)
    }

    @Test(
        "a missing target measurement is NE unless the measured ones already prove PD",
        arguments: [
            (
                Optional(30.0), Optional<Double>.none, RecistResponse.ne,
                "target T02 not measured; measured SoD 30 mm does not prove PD over nadir 50 mm"
            ),
            (70.0, nil, .pd, "measured SoD 70 mm (target T02 not measured) is +40% (+20 mm) over nadir 50 mm"),
            (nil, nil, .ne, "targets T01, T02 not measured"),
        ])
    func missingMeasurement(t01: Double?, t02: Double?, expected: RecistResponse, rationale: String) throws {
        let a = try #require(Self.followUp(baseline: ["T01": 30, "T02": 20], ["T01": t01, "T02": t02]))
        #expect(a.targetResponse == expected)
        #expect(a.sumOfDiameters == nil)
        #expect(a.rationale == rationale)
    }

    @Test("a target without any TR record at the assessment is missing too")
    func absentRecord() throws {
        let a = try #require(Self.followUp(baseline: ["T01": 30, "T02": 20], ["T01": 10]))
        #expect(a.targetResponse == .ne)
    }

    @Test("an incomplete assessment does not move the nadir")
    func incompleteKeepsNadir() throws {
        var c = TumorCase()
        c.targets(["T01": 30, "T02": 20])
        c.measure(visit: 2, day: 42, ["T01": 5, "T02": nil])
        c.measure(visit: 3, day: 84, ["T01": 35, "T02": 20])
        let a = try #require(c.assessment(3))
        #expect(a.nadir == 50)
        #expect(a.targetResponse == .sd)
    }
}
