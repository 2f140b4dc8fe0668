import Foundation
import TestSupport
import TrialExportCore

/// Inputs of the trial design builder tests: a small two-arm study, its CT map and the bundled standards.
enum TrialDesignFixtures {
    static let longCriterion = String(repeating: "Adequate organ function as defined by the protocol. ", count: 5)

    static let studyJSON = """
        {
          "studyId": "STUDY1", "registryId": "NCT00000001", "secondaryIds": [],
          "title": "A Test Study", "sponsor": "Test Sponsor", "condition": "Nasopharyngeal Carcinoma",
          "phase": "Phase 2", "studyType": "Interventional",
          "design": {"allocation": "Randomized", "interventionModel": "Parallel Assignment",
                     "masking": "None (Open Label)", "primaryPurpose": "Treatment", "control": "Active",
                     "randomization": {"ratio": [1, 1], "blockSize": 4}},
          "plannedEnrollment": 84,
          "population": {"minimumAge": 18, "maximumAge": 70, "sex": "All", "healthyVolunteers": false},
          "sites": [{"id": "101", "name": "Site", "country": "CHN"}],
          "treatments": [
            {"code": "DRUGA", "name": "Drug A"}, {"code": "DRUGB", "name": "Drug B"},
            {"code": "CHOICE", "name": "Choice", "choiceOf": ["DRUGA", "DRUGB"]}],
          "arms": [
            {"code": "A+B", "name": "Drug A plus Drug B", "type": "Experimental",
             "treatments": ["DRUGA", "DRUGB"], "elements": ["SCRN", "AB", "FU"]},
            {"code": "B", "name": "Drug B", "type": "Active Comparator",
             "treatments": ["DRUGB"], "elements": ["SCRN", "B", "FU"]}],
          "elements": [
            {"code": "SCRN", "name": "Screening", "epoch": "SCREENING", "startRule": "Informed consent", "duration": "P28D"},
            {"code": "AB", "name": "Drug A + Drug B", "epoch": "TREATMENT", "startRule": "First dose of A or B",
             "branch": "Randomized to Drug A plus Drug B"},
            {"code": "B", "name": "Drug B", "epoch": "TREATMENT", "startRule": "First dose of B",
             "branch": "Randomized to Drug B"},
            {"code": "FU", "name": "Follow-up", "epoch": "FOLLOW-UP", "startRule": "Day after last dose"}],
          "criteria": {
            "inclusion": [{"id": "INCL01", "text": "Aged 18-70 years."},
                          {"id": "INCL02", "text": "\(longCriterion)", "shortText": "Adequate organ function."}],
            "exclusion": [{"id": "EXCL01", "text": "Prior anti-VEGF therapy."}]},
          "schedule": {"screeningWindowDays": 28, "cycleLengthDays": 21, "tumourAssessmentEveryWeeks": 6,
                       "safetyFollowUpDays": 30, "survivalFollowUpEveryWeeks": 12},
          "dataCutoff": "2025-06-30", "protocolVersion": "2.0", "reports": {"efficacy": "recist"}
        }
        """

    static func study() -> StudyDefinition {
        try! JSONDecoder().decode(StudyDefinition.self, from: Data(studyJSON.utf8))
    }

    static let ctMapLists: [String: [String: String]] = [
        "TPHASE": ["Phase 2": "PHASE II TRIAL"],
        "STYPE": ["Interventional": "INTERVENTIONAL"],
        "TTYPE": ["Treatment": "EFFICACY"],
        "TINDTP": ["Treatment": "TREATMENT"],
        "RANDOM": ["Randomized": "Y"],
        "TBLIND": ["None (Open Label)": "OPEN LABEL"],
        "TCNTRL": ["Active": "ACTIVE"],
        "INTMODEL": ["Parallel Assignment": "PARALLEL"],
        "SEXPOP": ["All": "BOTH"],
    ]

    static let metadata: StandardMetadata = {
        struct File: Decodable { var version: String; var modelVersion: String?; var datasets: [DatasetMetadata] }
        let file = try! JSONDecoder().decode(File.self, from: read("standards/sdtmig-3.4.json"))
        return StandardMetadata(
            version: file.version, modelVersion: file.modelVersion,
            datasets: Dictionary(uniqueKeysWithValues: file.datasets.map { ($0.name, $0) }))
    }()

    private struct CTFile: Decodable {
        struct List: Decodable { var code, name: String; var extensible: Bool; var terms, termCodes: [String] }
        var version: String
        var codelists: [List]
    }

    private static let ctFile = try! JSONDecoder().decode(CTFile.self, from: read("standards/ct/sdtm-ct-2025-03-28.json"))

    static let terminology = ControlledTerminology(
        version: ctFile.version,
        codelists: ctFile.codelists.map { Codelist(code: $0.code, name: $0.name, extensible: $0.extensible, terms: $0.terms) })

    static let termCodes = TermCodes(
        Dictionary(
            uniqueKeysWithValues: ctFile.codelists.map {
                ($0.name, Dictionary(zip($0.terms, $0.termCodes), uniquingKeysWith: { a, _ in a }))
            }))

    /// Builds the datasets; returns them by name with the findings made.
    static func build(
        study: StudyDefinition = study(), ctMap: [String: [String: String]] = ctMapLists,
        actualSubjects: Int? = nil, studyStart: String? = "2022-11-05"
    )
        -> (datasets: [String: Dataset], findings: [Finding])
    {
        let sink = FindingCollector()
        let builder = TrialDesignBuilder(
            study: study, ctMap: CTMap(ctMap), metadata: metadata, terminology: terminology,
            termCodes: termCodes, findings: sink)
        let datasets = builder.build(actualSubjects: actualSubjects, studyStart: studyStart)
        return (Dictionary(uniqueKeysWithValues: datasets.map { ($0.name, $0) }), sink.findings)
    }

    private static func read(_ relative: String) -> Data {
        try! Data(contentsOf: TestPaths.repositoryRoot.appendingPathComponent(relative))
    }
}

extension Dataset {
    /// Rows as dictionaries by variable name, for readable expectations.
    var records: [[String: String]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
    }
}
