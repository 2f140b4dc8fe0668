import Testing

@testable import TrialSimulator

/// Weekly cuts of the default run: what shows on a day, and the generator's change log.
@Suite struct DataCutTests {
    static func cut(_ asOf: String, since: String? = nil, subjects: Int? = nil) throws -> (
        sink: InMemoryFormSink, log: ChangeLog?
    ) {
        let sink = InMemoryFormSink()
        let simulator = EDCSimulator(study: Fixtures.study, profile: try Fixtures.profile(), subjects: subjects)
        let outcome = try simulator.run(into: sink, cut: DataCut(asOf: asOf, since: since), logChanges: true)
        return (sink, outcome.changeLog)
    }

    /// Every date column of every row, as day numbers (partial dates by their earliest day).
    static func dates(_ sink: InMemoryFormSink) -> [(form: String, column: String, day: Int)] {
        var out: [(String, String, Int)] = []
        for form in sink.formNames {
            let header = sink.headers[form]!
            for row in sink.rows[form]! {
                for (column, value) in zip(header, row) where column.hasSuffix("DAT") {
                    if let d = EDCDate(value) { out.append((form, column, d.earliest)) }
                }
            }
        }
        return out
    }

    @Test func theCutOnTheStudyCutoffIsTheFullHistory() throws {
        let (sink, log) = try Self.cut(Fixtures.study.dataCutoff)
        for form in sink.formNames { #expect(sink.rows[form]! == Fixtures.defaultExport.sink.rows[form]!, "\(form)") }
        #expect(log?.since == "2025-06-23")
    }

    @Test(arguments: ["2023-01-15", "2023-06-08", "2024-02-29"])
    func nothingIsDatedAfterTheCut(asOf: String) throws {
        let (sink, _) = try Self.cut(asOf)
        let limit = EDCDate(Self.edc(asOf))!.latest
        for d in Self.dates(sink) { #expect(d.day <= limit, "\(d.form).\(d.column)") }
        #expect(sink.rows["rand"]!.count < 84)
    }

    @Test func openEventsAndIntervalsHaveNoEndAndNoOneDiesBeforeTheirDeath() throws {
        let (sink, _) = try Self.cut("2023-09-01")
        let ae = sink.records("ae")
        #expect(ae.contains { $0["AEONGO"] == "Yes" })
        for row in ae {
            #expect((row["AEONGO"] == "Yes") == (row["AEENDAT"] == ""), "\(row)")
            if row["AEONGO"] == "Yes" { #expect(norm(row["AEOUT"]) != "RECOVERED/RESOLVED" && norm(row["AESDTH"]) == "NO") }
        }
        let deaths = Set(sink.records("death").map { $0["Subject"]! })
        for row in ae where norm(row["AETOXGR"]).hasSuffix("5") { #expect(deaths.contains(row["Subject"]!)) }
        #expect(sink.records("ex").contains { $0["EXENDAT"] == "" })
    }

    @Test func aCorrectionShowsTheWrongValueUntilItsQueryIsResolved() throws {
        let (_, log) = try Self.cut("2023-06-15", since: "2023-06-08")
        let fix = try #require(log?.valuesChanged.first { $0.query == "adverseEventGrade" })
        #expect(fix.reason == .correction && fix.old != fix.new)
        let before = try Self.cut("2023-06-08").sink.records("ae").first {
            $0["Subject"] == fix.subject && $0["RecordPosition"] == fix.key["RecordPosition"]
        }
        #expect(before?["AETOXGR"] == fix.old)
    }

    @Test func theChangeLogIsTheDifferenceOfTheTwoCuts() throws {
        let (old, _) = try Self.cut("2023-06-01")
        let (new, log) = try Self.cut("2023-06-08")
        let changes = try #require(log)
        for form in new.formNames {
            let added = changes.recordsAdded.filter { $0.form == form }.count
            #expect(new.rows[form]!.count - old.rows[form]!.count == added, "\(form)")
        }
        let oldSubjects = Set(old.records("dm").map { $0["Subject"]! })
        #expect(Set(changes.subjectsAdded) == Set(new.records("dm").map { $0["Subject"]! }).subtracting(oldSubjects))
        #expect(changes.valuesChanged.allSatisfy { $0.old != $0.new })
    }

    @Test func theSameCutTwiceGivesTheSameRowsAndLog() throws {
        let a = try Self.cut("2023-10-26", since: "2023-10-01", subjects: 30)
        let b = try Self.cut("2023-10-26", since: "2023-10-01", subjects: 30)
        #expect(a.log == b.log)
        for form in a.sink.formNames { #expect(a.sink.rows[form]! == b.sink.rows[form]!) }
    }

    @Test(
        arguments: [("2023-13-01", nil), ("2026-01-01", nil), ("2023-06-08", "2023-06-08"), ("2023-06-08", "8 JUN 2023")]
            as [(String, String?)])
    func badDatesAreRefused(asOf: String, since: String?) throws {
        #expect(throws: (any Error).self) { try Self.cut(asOf, since: since, subjects: 5) }
    }

    @Test func typosAreEarlierWithOneDigitOfTheDayChanged() {
        var rng = RandomSource(seed: 1)
        let day = StudyDay(year: 2023, month: 3, day: 28)
        for _ in 0..<50 {
            let typo = QueryPlanner.typo(day, notBefore: day - 30, rng: &rng)!
            let d = typo.components.day
            #expect(typo < day && (d / 10 == 2 || d % 10 == 8) && typo.components.month == 3)
        }
        #expect(QueryPlanner.typo(StudyDay(year: 2023, month: 3, day: 1), notBefore: day - 40, rng: &rng) == nil)
    }

    static func edc(_ iso: String) -> String {
        let p = iso.split(separator: "-").map { Int($0)! }
        return StudyDay(year: p[0], month: p[1], day: p[2]).edc
    }
}
