import Testing
import TrialExportCore

@Suite("Trial design builder")
struct TrialDesignBuilderTests {
    typealias F = TrialDesignFixtures

    @Test("a clean study builds TS, TA, TE, TI with no findings")
    func cleanStudy() {
        let (datasets, findings) = F.build()
        #expect(datasets.keys.sorted() == ["TA", "TE", "TI", "TS"])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test(
        "TS values, codes and parameter names come from CDISC CT",
        arguments: [
            ("TITLE", "Trial Title", "A Test Study", "", ""),
            ("REGID", "Registry Identifier", "NCT00000001", "NCT00000001", "ClinicalTrials.gov"),
            ("TPHASE", "Trial Phase Classification", "PHASE II TRIAL", "C15601", "CDISC CT"),
            ("STYPE", "Study Type", "INTERVENTIONAL", "C98388", "CDISC CT"),
            ("TTYPE", "Trial Type", "EFFICACY", "C49666", "CDISC CT"),
            ("TINDTP", "Trial Intent Type", "TREATMENT", "C49656", "CDISC CT"),
            ("RANDOM", "Trial is Randomized", "Y", "C49488", "CDISC CT"),
            ("TBLIND", "Trial Blinding Schema", "OPEN LABEL", "C49659", "CDISC CT"),
            ("TCNTRL", "Control Type", "ACTIVE", "C49649", "CDISC CT"),
            ("INTMODEL", "Intervention Model", "PARALLEL", "C82639", "CDISC CT"),
            ("NARMS", "Planned Number of Arms", "2", "", ""),
            ("PLANSUB", "Planned Number of Subjects", "84", "", ""),
            ("AGEMIN", "Planned Minimum Age of Subjects", "P18Y", "", "ISO 8601"),
            ("AGEMAX", "Planned Maximum Age of Subjects", "P70Y", "", "ISO 8601"),
            ("SEXPOP", "Sex of Participants", "BOTH", "C49636", "CDISC CT"),
            ("HLTSUBJI", "Healthy Subject Indicator", "N", "C49487", "CDISC CT"),
            ("INDIC", "Trial Disease/Condition Indication", "Nasopharyngeal Carcinoma", "", ""),
            ("DCUTDTC", "Data Cutoff Date", "2025-06-30", "", "ISO 8601"),
            ("SSTDTC", "Study Start Date", "2022-11-05", "", "ISO 8601"),
            ("SDTIGVER", "SDTM IG Version", "3.4", "", ""),
            ("SDTMVER", "SDTM Version", "2.0", "", ""),
        ])
    func summaryValue(parameter: String, name: String, value: String, code: String, reference: String) throws {
        let ts = try #require(F.build().datasets["TS"])
        let row = try #require(ts.records.first { $0["TSPARMCD"] == parameter })
        #expect(row["TSPARM"] == name)
        #expect(row["TSVAL"] == value)
        #expect(row["TSVALCD"] == code)
        #expect(row["TSVCDREF"] == reference)
        #expect(row["TSVCDVER"] == (reference == "CDISC CT" ? "2025-03-28" : ""))
        #expect(row["TSSEQ"] == "1")
    }

    @Test("TS has one TRT per single drug, TSSEQ counting within the parameter")
    func treatments() throws {
        let ts = try #require(F.build().datasets["TS"])
        let trt = ts.records.filter { $0["TSPARMCD"] == "TRT" }
        #expect(trt.map { $0["TSVAL"]! } == ["DRUGA", "DRUGB"])
        #expect(trt.map { $0["TSSEQ"]! } == ["1", "2"])
        #expect(
            ts.columns == ["STUDYID", "DOMAIN", "TSSEQ", "TSPARMCD", "TSPARM", "TSVAL", "TSVALCD", "TSVCDREF", "TSVCDVER"])
    }

    @Test("SSTDTC without a study start (no DM, no complete consent date) is null with TSVALNF = UNK")
    func studyStartUnknown() throws {
        let ts = try #require(F.build(studyStart: nil).datasets["TS"])
        let row = try #require(ts.records.first { $0["TSPARMCD"] == "SSTDTC" })
        #expect(row["TSVAL"] == "" && row["TSVALNF"] == "UNK")
    }

    @Test("parameters the study declares: coded through the CT map, outside CDISC CT, or a null flavor")
    func declaredParameters() throws {
        var study = F.study()
        study.trialSummary = [
            .init(parameter: "INTTYPE", value: "Drug", codelist: "INTTYPE"),
            .init(parameter: "PCLAS", nullFlavor: "NI"),
            .init(parameter: "TRT", value: "DRUGA", reference: "UNII", code: "ABC123XYZ0"),
        ]
        var lists = F.ctMapLists
        lists["INTTYPE"] = ["Drug": "DRUG"]
        let (datasets, findings) = F.build(study: study, ctMap: lists)
        let ts = try #require(datasets["TS"])
        let row = { (parameter: String) in ts.records.filter { $0["TSPARMCD"] == parameter } }
        #expect(row("INTTYPE").first?["TSVAL"] == "DRUG" && row("INTTYPE").first?["TSVALCD"] == "C1909")
        #expect(row("PCLAS").first?["TSVAL"] == "" && row("PCLAS").first?["TSVALNF"] == "NI")
        #expect(row("PCLAS").first?["TSPARM"] == "Pharmacologic Class")
        #expect(row("TRT").last?["TSVALCD"] == "ABC123XYZ0" && row("TRT").last?["TSVCDREF"] == "UNII")
        #expect(row("TRT").last?["TSSEQ"] == "3")
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test("a declared coded value missing from the CT map gives a finding and stays as written")
    func declaredParameterNotInCTMap() throws {
        var study = F.study()
        study.trialSummary = [.init(parameter: "INTTYPE", value: "Drugs", codelist: "INTTYPE")]
        let (datasets, findings) = F.build(study: study)
        #expect(findings.contains { $0.value == "Drugs" })
        #expect(try #require(datasets["TS"]).records.contains { $0["TSPARMCD"] == "INTTYPE" && $0["TSVAL"] == "Drugs" })
    }

    @Test("ACTSUB only when the actual count is given", arguments: [(Int?.none, [String]()), (80, ["80"])])
    func actualSubjects(count: Int?, expected: [String]) throws {
        let ts = try #require(F.build(actualSubjects: count).datasets["TS"])
        #expect(ts.records.filter { $0["TSPARMCD"] == "ACTSUB" }.map { $0["TSVAL"]! } == expected)
    }

    @Test("an unknown value gets TSVALNF = UNK and the Perm column appears")
    func unknownValue() throws {
        var study = F.study()
        study.design.control = nil
        let ts = try #require(F.build(study: study).datasets["TS"])
        let row = try #require(ts.records.first { $0["TSPARMCD"] == "TCNTRL" })
        #expect(row["TSVAL"] == "" && row["TSVALNF"] == "UNK" && row["TSVALCD"] == "")
        #expect(ts.columns.contains("TSVALNF"))
    }

    @Test("TI: one row per criterion, IETEST at most 200 characters, IECAT and TIVERS set")
    func criteria() throws {
        let ti = try #require(F.build().datasets["TI"])
        #expect(ti.records.map { $0["IETESTCD"]! } == ["EXCL01", "INCL01", "INCL02"])
        #expect(ti.records.map { $0["IECAT"]! } == ["EXCLUSION", "INCLUSION", "INCLUSION"])
        #expect(ti.records.allSatisfy { $0["IETEST"]!.count <= 200 && $0["TIVERS"] == "2.0" })
        #expect(ti.records[2]["IETEST"] == "Adequate organ function.")
    }

    @Test("a criterion over 200 characters without short text is cut, with a finding")
    func longCriterion() throws {
        var study = F.study()
        study.criteria.inclusion[1].shortText = nil
        let (datasets, findings) = F.build(study: study)
        let ti = try #require(datasets["TI"])
        #expect(ti.records.first { $0["IETESTCD"] == "INCL02" }?["IETEST"]?.count == 200)
        #expect(findings.map(\.code) == ["TDS0005"])
        #expect(findings.first?.value == "INCL02")
    }

    @Test(
        "TA: arm x element rows with epochs and the branch on the element before it",
        arguments: [
            ("A+B", ["SCRN", "AB", "FU"], ["SCREENING", "TREATMENT", "FOLLOW-UP"], "Randomized to Drug A plus Drug B"),
            ("B", ["SCRN", "B", "FU"], ["SCREENING", "TREATMENT", "FOLLOW-UP"], "Randomized to Drug B"),
        ])
    func arms(arm: String, elements: [String], epochs: [String], branch: String) throws {
        let ta = try #require(F.build().datasets["TA"])
        let rows = ta.records.filter { $0["ARMCD"] == arm }
        #expect(rows.map { $0["ETCD"]! } == elements)
        #expect(rows.map { $0["EPOCH"]! } == epochs)
        #expect(rows.map { $0["TAETORD"]! } == ["1", "2", "3"])
        #expect(rows.map { $0["TABRANCH"]! } == [branch, "", ""])
    }

    @Test("TE: elements with rules; TEDUR only where planned")
    func elements() throws {
        let te = try #require(F.build().datasets["TE"])
        #expect(te.columns == ["STUDYID", "DOMAIN", "ETCD", "ELEMENT", "TESTRL", "TEDUR"])
        #expect(te.records.first { $0["ETCD"] == "SCRN" }?["TEDUR"] == "P28D")
    }

    @Test(
        "a registry value the CT map lacks gives a finding naming the value and the list",
        arguments: [
            ("TPHASE", "Phase 9"), ("INTMODEL", "Parallel"), ("SEXPOP", "Everyone"),
        ])
    func missingFromCTMap(list: String, value: String) throws {
        var study = F.study()
        switch list {
        case "TPHASE": study.phase = value
        case "INTMODEL": study.design.interventionModel = value
        default: study.population.sex = value
        }
        let (datasets, findings) = F.build(study: study)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.code == "TDS0001" && finding.severity == .error)
        #expect(finding.message.contains("\"\(value)\"") && finding.message.contains("CT map list \(list)"))
        #expect(finding.hint.contains("under \(list)"))
        #expect(datasets["TS"]?.records.first { $0["TSPARMCD"] == list }?["TSVAL"] == value)
    }

    @Test("a CT map value that is not a CDISC term gives a finding")
    func notATerm() {
        var lists = F.ctMapLists
        lists["TBLIND"] = ["None (Open Label)": "OPEN"]
        let findings = F.build(ctMap: lists).findings
        #expect(findings.map(\.code) == ["TDS0002"])
        #expect(findings.first?.message.contains("TBLIND") == true && findings.first?.value == "OPEN")
    }

    @Test("an epoch outside CT EPOCH gives a finding")
    func badEpoch() {
        var study = F.study()
        study.elements[3].epoch = "FOLLOW UP"
        let findings = F.build(study: study).findings
        #expect(findings.map(\.code) == ["TDS0002"])
        #expect(findings.first?.variable == "EPOCH")
    }
}
