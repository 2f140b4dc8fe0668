import Foundation
import TestSupport
import Testing

@testable import TrialExportCore

/// The algorithm registry: names, decoding, the parameters each algorithm demands, and its
/// documentation in mappings/README.md.
struct AlgorithmRegistryTests {
    @Test func namesAreUniqueAndDecodeToTheirAlgorithm() throws {
        let names = Algorithm.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(names.count == AlgorithmRegistry.all.count)
        for name in names {
            let decoded = try JSONDecoder().decode(Algorithm.self, from: Data("\"\(name)\"".utf8))
            #expect(decoded.rawValue == name && decoded.implementation.name == name)
        }
        #expect(Algorithm.assignCT.rawValue == "assign_ct" && Algorithm.multiSelect.rawValue == "multi_select")
    }

    @Test func anUnknownNameIsADecodingErrorInTheWordsSpecErrorsUse() {
        #expect(Algorithm(rawValue: "assign_magic") == nil)
        do {
            _ = try JSONDecoder().decode(Algorithm.self, from: Data("\"assign_magic\"".utf8))
            Issue.record("an unknown algorithm decoded")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == "Cannot initialize Algorithm from invalid String value assign_magic")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// With no parameters at all, each algorithm names the first key it needs (nil: it needs none).
    @Test(arguments: [
        ("assign_no_ct", "from"), ("assign_ct", "from"), ("hardcode_no_ct", "value"), ("hardcode_ct", "value"),
        ("assign_datetime", "date"), ("template", "value"), ("copy", "fromVariable"), ("first_datetime", "sources"),
        ("last_datetime", "sources"), ("age_years", "variables (two names)"), ("study_day", "variables (two names)"),
        ("arm_name", "variables"), ("actual_arm_code", "sources"), ("arm_null_reason", "variables"),
        ("site_country", "variables"), ("epoch", "variables"), ("treatment_emergent", "variables"),
        ("treatment_attribute", "variables"), ("sum", "from"), ("assign_number", "from"), ("criterion_text", "variables"),
        ("visit", "from"), ("visit_number", "from"), ("multi_select", "multiSelect"),
        ("standardized_result", "variables (two names: --ORRES, --ORRESU)"),
        ("standardized_number", "variables (two names: --ORRES, --ORRESU)"),
        ("standardized_unit", "variables (two names: --ORRES, --ORRESU)"),
        ("baseline_flag", "variables (three names: --TESTCD, --DTC, result)"),
    ])
    func eachAlgorithmNamesWhatItNeeds(name: String, needs: String) throws {
        let algorithm = try #require(Algorithm(rawValue: name))
        #expect(algorithm.missingParameter(VariableSpec(variable: "X", algorithm: algorithm)) == needs)
    }

    @Test func theSecondParameterIsAskedForOnceTheFirstIsGiven() {
        let ct = VariableSpec(variable: "SEX", algorithm: .assignCT, from: "SEX")
        #expect(Algorithm.assignCT.missingParameter(ct) == "codelist")
        var complete = ct
        complete.codelist = "SEX"
        #expect(Algorithm.assignCT.missingParameter(complete) == nil)
        let attribute = VariableSpec(variable: "EXROUTE", algorithm: .treatmentAttribute, variables: ["EXTRT"])
        #expect(Algorithm.treatmentAttribute.missingParameter(attribute) == "value")
    }

    @Test func everyAlgorithmIsRegisteredOnceAndTestedAbove() {
        #expect(AlgorithmRegistry.all.count == 28, "a new algorithm gets a row in eachAlgorithmNamesWhatItNeeds")
    }

    @Test func everyAlgorithmIsDocumentedInTheSpecReference() throws {
        let reference = try String(
            contentsOf: TestPaths.repositoryRoot.appendingPathComponent("mappings/README.md"), encoding: .utf8)
        for algorithm in Algorithm.allCases {
            #expect(reference.contains("`\(algorithm.rawValue)`"), "mappings/README.md documents \(algorithm.rawValue)")
        }
    }

    @Test func originsFollowWhereValuesComeFrom() {
        #expect(Algorithm.assignDatetime.origin == .collected && Algorithm.hardcodeCT.origin == .assigned)
        #expect(Algorithm.studyDay.origin == .derived && !Algorithm.studyDay.summary.isEmpty)
    }
}
