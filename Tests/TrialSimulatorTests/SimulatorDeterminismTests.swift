import Testing

@testable import TrialSimulator

@Suite struct SimulatorDeterminismTests {
    private func dump(_ export: Export) -> String {
        export.sink.formNames.map { form in
            ([export.sink.headers[form]!] + export.sink.rows[form]!).map { $0.joined(separator: "|") }.joined(separator: "\n")
        }.joined(separator: "\n#\n")
    }

    @Test func sameSeedGivesIdenticalOutput() throws {
        let a = try Fixtures.export(subjects: 40, seed: 7)
        let b = try Fixtures.export(subjects: 40, seed: 7)
        #expect(dump(a) == dump(b))
        #expect(a.summary == b.summary)
    }

    @Test func differentSeedGivesDifferentOutput() throws {
        let a = try Fixtures.export(subjects: 40, seed: 7)
        let b = try Fixtures.export(subjects: 40, seed: 8)
        #expect(dump(a) != dump(b))
    }

    @Test func defaultRunMatchesAFreshRun() throws {
        let fresh = try Fixtures.export()
        #expect(dump(fresh) == dump(Fixtures.defaultExport))
    }

    @Test func everyFormIsBegunOnceWithItsHeaderAndTheSinkIsEnded() {
        let sink = Fixtures.defaultExport.sink
        #expect(
            sink.formNames == [
                "ic", "elig", "ienm", "dm", "rand", "ex", "ae", "tl", "tm", "rs", "bor", "ecog", "eot", "eos", "death",
            ])
        #expect(sink.ended)
        for form in sink.formNames {
            #expect(Array(sink.headers[form]!.prefix(2)) == ["SiteNumber", "Subject"])
            #expect(sink.rows[form]!.allSatisfy { $0.count == sink.headers[form]!.count }, "\(form)")
        }
        #expect(sink.headers["ae"]!.contains("AERELCT"))
    }
}
