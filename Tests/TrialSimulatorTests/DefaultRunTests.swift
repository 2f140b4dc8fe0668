import Testing

@testable import TrialSimulator

@Suite struct DefaultRunTests {
    let export = Fixtures.defaultExport

    @Test func screensAboutOneHundredAndRandomizesExactlyTheplannedEnrolment() {
        let s = export.summary
        #expect((90...115).contains(s.screened))
        #expect(s.randomized == 84)
        #expect(export.records("rand").count == 84)
        #expect(export.records("ic").count == s.screened)
        #expect(export.records("dm").count == s.screened)
        #expect(s.screened - s.screenFailures == 84)
    }

    @Test func permutedBlocksGiveTwentyOnePerArm() {
        #expect(export.summary.randomizedPerArm == ["APA+CAM+CT": 21, "APA+CAM": 21, "CAM+CT": 21, "CT": 21])
        let labels = Dictionary(grouping: export.records("rand"), by: { $0["ARM"]! }).mapValues(\.count)
        #expect(labels.values.sorted() == [21, 21, 21, 21])
    }

    @Test func screenFailuresAndOnlyThemHaveIENMRowsAndAScreenFailureEOS() {
        let failed = Set(export.records("elig").filter { norm($0["IEYN"]) == "NO" }.map { $0["Subject"]! })
        let randomized = Set(export.records("rand").map { $0["Subject"]! })
        #expect(failed.count == export.summary.screenFailures)
        #expect(Set(export.records("ienm").map { $0["Subject"]! }) == failed)
        #expect(failed.isDisjoint(with: randomized))
        let eosFailure = Set(export.records("eos").filter { norm($0["EOSREAS"]) == "SCREEN FAILURE" }.map { $0["Subject"]! })
        #expect(eosFailure == failed)
        for row in export.records("ienm") {
            let code = row["IETESTCD"]!
            #expect(matches(code, #"(IN(0[1-9]|10))|(EX(0[1-9]|1[0-8]))"#), "\(code)")
            #expect((norm(row["IECAT"]) == "INCLUSION") == code.hasPrefix("IN"))
        }
    }

    @Test func someRandomizedSubjectsAreNeverDosed() {
        let dosed = Set(export.records("ex").map { $0["Subject"]! })
        let notDosed = export.records("rand").map { $0["Subject"]! }.filter { !dosed.contains($0) }
        #expect((1...3).contains(notDosed.count))
        #expect(notDosed == export.summary.neverDosed)
        #expect(Set(export.records("eot").map { $0["Subject"]! }).isDisjoint(with: notDosed))
    }

    @Test func randomizedSubjectsAreAdultsWithinTheProtocolAgeRange() {
        let ages = export.bySubject("dm")
        for row in export.records("rand") {
            let age = Int(ages[row["Subject"]!]![0]["AGE"]!)!
            #expect((18...70).contains(age))
        }
    }

    @Test func chemotherapyChoiceIsRecordedOnlyInChemotherapyArms() {
        for row in export.records("rand") {
            let hasChemo = row["ARM"]!.contains("Chemotherapy")
            #expect(["GEMCITABINE", "CAPECITABINE", "DOCETAXEL"].contains(norm(row["CHEMO"])) == hasChemo)
        }
    }

    @Test func subjectsOnTreatmentAtTheCutoffHaveNoEndOfTreatmentOrStudy() {
        let eot = Set(export.records("eot").map { $0["Subject"]! })
        let eos = Set(export.records("eos").map { $0["Subject"]! })
        let death = Set(export.records("death").map { $0["Subject"]! })
        let dosed = Set(export.records("ex").map { $0["Subject"]! })
        let onTreatment = dosed.subtracting(eot)
        #expect(!onTreatment.isEmpty)
        #expect(onTreatment.isDisjoint(with: eos))
        #expect(death.isSubset(of: eos))
        #expect(!death.isEmpty)
    }
}
