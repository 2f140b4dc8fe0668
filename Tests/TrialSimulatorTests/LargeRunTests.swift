import Testing

@testable import TrialSimulator

/// Counts rows without keeping them, as a file writer would.
final class CountingSink: EDCFormSink {
    var rows: [String: Int] = [:]
    func begin(form: String, header: [String]) throws { rows[form] = 0 }
    func write(form: String, row: [String]) throws { rows[form]! += 1 }
    func end() throws {}
}

@Suite struct LargeRunTests {
    @Test func fiveThousandRandomizedSubjectsStream() throws {
        let sink = CountingSink()
        let simulator = EDCSimulator(study: Fixtures.study, profile: try Fixtures.profile(), subjects: 5000)
        var summary = SimulationSummary()
        let elapsed = try ContinuousClock().measure { summary = try simulator.run(into: sink) }
        // Reported, not asserted: the time depends on the machine and the build configuration.
        print("EDCSimulator: 5000 randomized (\(summary.screened) screened), \(sink.rows.values.reduce(0, +)) rows in \(elapsed)")
        #expect(summary.randomized == 5000)
        #expect(sink.rows["rand"] == 5000)
        #expect(sink.rows["dm"] == summary.screened)
        let perArm = summary.randomizedPerArm.values
        #expect(perArm.allSatisfy { $0 == 1250 })
        #expect((1...3).contains(summary.investigatorDisagreements.count))
    }
}
