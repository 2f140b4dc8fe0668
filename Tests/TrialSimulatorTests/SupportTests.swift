import Testing

@testable import TrialSimulator

@Suite struct SupportTests {
    @Test(arguments: [
        ("1970-01-01", 0, "01 JAN 1970"), ("2023-01-05", 19362, "05 JAN 2023"), ("2024-02-29", 19782, "29 FEB 2024"),
        ("2000-12-31", 11322, "31 DEC 2000"), ("1955-07-14", -5285, "14 JUL 1955"),
    ])
    func studyDayRoundTrips(iso: String, days: Int, edc: String) throws {
        let day = try #require(StudyDay(iso: iso))
        #expect(day.value == days)
        #expect(day.edc == edc)
        #expect(StudyDay(day.value).components == day.components)
    }

    @Test(arguments: ["2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "20230101", "x"])
    func impossibleDatesAreRejected(text: String) {
        #expect(StudyDay(iso: text) == nil)
    }

    @Test func partialDatesAndAges() {
        let day = StudyDay(iso: "2023-03-07")!
        #expect(day.edcMonthOnly == "UN MAR 2023")
        #expect(day.edcYearOnly == "UN UNK 2023")
        #expect(StudyDay(iso: "1970-03-08")!.years(until: day) == 52)
        #expect(StudyDay(iso: "1970-03-07")!.years(until: day) == 53)
        #expect(StudyDay(iso: "2024-02-29")!.minus(years: 1).edc == "28 FEB 2023")
        #expect(ClockTime(minutes: 9 * 60 + 5).text == "09:05")
    }

    @Test func randomSourceIsReproducibleAndStreamsDiffer() {
        var a = RandomSource(seed: 42), b = RandomSource(seed: 42), c = RandomSource(seed: 42, stream: 1)
        let xs = (0..<5).map { _ in a.next() }
        #expect(xs == (0..<5).map { _ in b.next() })
        #expect(xs != (0..<5).map { _ in c.next() })
        for _ in 0..<1000 {
            let u = a.uniform()
            #expect(u >= 0 && u < 1)
            #expect((3...7).contains(a.int(3...7)))
        }
    }

    @Test(arguments: [4, 8])
    func permutedBlocksBalanceEveryCompleteBlock(blockSize: Int) {
        var r = BlockRandomizer(ratio: [1, 1, 1, 1], blockSize: blockSize, rng: RandomSource(seed: 1))
        for _ in 0..<10 {
            let block = (0..<blockSize).map { _ in r.next() }
            #expect(block.sorted() == (0..<4).flatMap { Array(repeating: $0, count: blockSize / 4) })
        }
    }

    @Test(arguments: [("INCL07", "IN07"), ("EXCL03", "EX03"), ("EXCL18", "EX18"), ("INCL10", "IN10")])
    func criterionIdsBecomeEDCCodes(id: String, code: String) {
        #expect(SimulationContext.edcCriterionCode(id) == code)
    }

    @Test func profileLoadsAndIsMarkedIllustrative() throws {
        let profile = try Fixtures.profile()
        #expect(profile.illustrative)
        #expect(profile.arms.map(\.code) == ["APA+CAM+CT", "APA+CAM", "CAM+CT", "CT"])
    }

    @Test func anArmWithoutAProfileIsAnInvalidSpec() throws {
        var profile = try Fixtures.profile()
        profile.arms.removeLast()
        #expect(throws: Error.self) { try EDCSimulator(study: Fixtures.study, profile: profile).run(into: InMemoryFormSink()) }
    }
}
