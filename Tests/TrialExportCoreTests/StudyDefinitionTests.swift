import Testing

@testable import TrialExportCore

private typealias F = TrialDesignFixtures

/// What study.yaml may leave out or hold more of: registry, upper age, several trial types.
struct StudyDefinitionTests {
    @Test(
        "the registry is recognised from the identifier's shape, or given",
        arguments: [
            ("NCT05549466", nil, "ClinicalTrials.gov"), ("2019-001234-56", nil, "EudraCT"),
            ("2023-501234-12-00", nil, "CTIS"), ("ISRCTN12345678", nil, "ISRCTN"), ("JPRN-jRCT2031210001", nil, nil),
            ("JPRN-jRCT2031210001", "jRCT", "jRCT"), ("NCT123", nil, nil),
        ] as [(String, String?, String?)])
    func registryName(id: String, given: String?, expected: String?) {
        var study = F.study()
        study.registryId = id
        study.registry = given
        #expect(study.registryName == expected)
    }

    @Test("an unregistered study has no REGID; a EudraCT number is referenced as such")
    func registryInTS() throws {
        var study = F.study()
        study.registryId = nil
        #expect(try #require(F.build(study: study).datasets["TS"]).records.allSatisfy { $0["TSPARMCD"] != "REGID" })
        study.registryId = "2019-001234-56"
        let regid = try #require(F.build(study: study).datasets["TS"]?.records.first { $0["TSPARMCD"] == "REGID" })
        #expect(regid["TSVAL"] == "2019-001234-56" && regid["TSVCDREF"] == "EudraCT")
    }

    @Test("no upper age limit: AGEMAX null with TSVALNF PINF, and any age from the minimum is accepted")
    func openAgeLimit() throws {
        var study = F.study()
        study.population.maximumAge = nil
        let (datasets, findings) = F.build(study: study)
        let agemax = try #require(datasets["TS"]?.records.first { $0["TSPARMCD"] == "AGEMAX" })
        #expect(agemax["TSVAL"] == "" && agemax["TSVALNF"] == "PINF")
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(study.acceptsAge(104) && study.acceptsAge(18) && !study.acceptsAge(17))
    }

    @Test("several trial types, written as CDISC terms (exactly), need no CT map entry")
    func trialTypes() throws {
        var study = F.study()
        study.design.trialTypes = ["EFFICACY", "SAFETY", "PHARMACOKINETIC"]
        let (datasets, findings) = F.build(study: study)
        let ttype = try #require(datasets["TS"]).records.filter { $0["TSPARMCD"] == "TTYPE" }
        #expect(ttype.map { $0["TSVAL"]! } == ["EFFICACY", "SAFETY", "PHARMACOKINETIC"])
        #expect(ttype.map { $0["TSSEQ"]! } == ["1", "2", "3"])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test("the study's CT map entries win over the bundled registry wording")
    func mapOverBase() {
        let bundled = CTMap(["TPHASE": ["Phase 2": "PHASE II TRIAL", "Phase 3": "PHASE III TRIAL"]])
        let own = CTMap(["TPHASE": ["Phase 2": "PHASE IIA TRIAL"], "SEX": ["Male": "M"]])
        let merged = own.over(bundled)
        #expect(merged.submissionValue(for: "Phase 2", in: "TPHASE") == "PHASE IIA TRIAL")
        #expect(merged.submissionValue(for: "phase 3", in: "TPHASE") == "PHASE III TRIAL")
        #expect(merged.submissionValue(for: "Male", in: "SEX") == "M")
    }
}
