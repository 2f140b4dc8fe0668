import Testing

@testable import TrialSimulator

@Suite struct AdverseEventConsistencyTests {
    let export = Fixtures.defaultExport

    static func grade(_ value: String?) -> Int? {
        Int(norm(value).replacingOccurrences(of: "GRADE ", with: ""))
    }

    @Test func seriousIfAndOnlyIfSomeCriterionIsMet() {
        let criteria = ["AESDTH", "AESHOSP", "AESLIFE", "AESDISAB", "AESCONG", "AESMIE"]
        for row in export.records("ae") {
            let any = criteria.contains { norm(row[$0]) == "YES" }
            #expect((norm(row["AESER"]) == "YES") == any, "\(row["Subject"]!) \(row["AETERM"]!)")
        }
        #expect(export.records("ae").contains { norm($0["AESER"]) == "YES" })
    }

    @Test func gradeFiveFatalAndDeathCriterionGoTogetherWithADeathRecord() {
        let deaths = export.bySubject("death")
        for row in export.records("ae") {
            let g = Self.grade(row["AETOXGR"])
            #expect(g != nil && (1...5).contains(g!), "\(row["AETOXGR"]!)")
            let fatal = norm(row["AEOUT"]) == "FATAL"
            #expect((g == 5) == fatal && fatal == (norm(row["AESDTH"]) == "YES"))
            if fatal {
                let death = deaths[row["Subject"]!]
                #expect(norm(death?[0]["DTHCAUS"]) == "ADVERSE EVENT")
                #expect(row["AEENDAT"] == death?[0]["DTHDAT"])
            }
        }
        let fatalSubjects = Set(export.records("ae").filter { norm($0["AEOUT"]) == "FATAL" }.map { $0["Subject"]! })
        let aeDeaths = Set(export.records("death").filter { norm($0["DTHCAUS"]) == "ADVERSE EVENT" }.map { $0["Subject"]! })
        #expect(fatalSubjects == aeDeaths)
    }

    @Test func ongoingEventsHaveNoEndDateAndAnOpenOutcome() {
        for row in export.records("ae") {
            let ongoing = norm(row["AEONGO"]) == "YES"
            #expect(ongoing == row["AEENDAT"]!.isEmpty)
            if ongoing { #expect(["RECOVERING/RESOLVING", "NOT RECOVERED/NOT RESOLVED"].contains(norm(row["AEOUT"]))) }
        }
    }

    @Test func relationshipIsBlankExactlyWhenTheDrugWasNotGiven() {
        let given = Dictionary(grouping: export.records("ex"), by: { $0["Subject"]! }).mapValues {
            Set($0.map { norm($0["EXTRT"]) })
        }
        let chemo: Set<String> = ["GEMCITABINE", "CAPECITABINE", "DOCETAXEL"]
        for row in export.records("ae") {
            let drugs = given[row["Subject"]!] ?? []
            #expect(row["AERELAPA"]!.isEmpty == !drugs.contains("APATINIB"))
            #expect(row["AERELCAM"]!.isEmpty == !drugs.contains("CAMRELIZUMAB"))
            #expect(row["AERELCT"]!.isEmpty == drugs.isDisjoint(with: chemo))
        }
    }

    @Test func doseReductionsAreExplainedByAnAdverseEvent() {
        let aes = export.bySubject("ae")
        let reduced = export.records("ex").filter { norm($0["EXADJ"]) == "DOSE REDUCED" }
        #expect(!reduced.isEmpty)
        for row in reduced {
            #expect(aes[row["Subject"]!]?.contains { norm($0["AEACN"]) == "DOSE REDUCED" } == true, "\(row["Subject"]!)")
            #expect(norm(row["EXADJRS"]) == "ADVERSE EVENT")
        }
    }
}
