import Foundation
import TestSupport
import Testing
import TrialExportCore

@testable import TrialExportIO

/// Spec problems name the YAML file, line and column, the spec entry's variable and the key, in plain words.
struct SpecLocationTests {
    func write(_ text: String) throws -> String {
        let url = TestPaths.temporaryDirectory("spec").appendingPathComponent("ae.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let spec = """
        domain: AE
        subjectColumn: Subject
        records:
          - form: ae
            variables:
              - {variable: STUDYID, algorithm: hardcode_no_ct, value: S1}
              - variable: AESEV
                algorithm: asign_ct
                from: AESEV
        """

    func error(_ text: String) throws -> TrialExportError? {
        let path = try write(text)
        do {
            _ = try SpecFile.decode(DomainSpec.self, from: path)
            return nil
        } catch let error as TrialExportError {
            return error
        }
    }

    @Test func anUnknownAlgorithmIsLocatedAndNamesTheValidOnes() throws {
        let error = try #require(try error(Self.spec))
        guard case let .invalidSpecAt(_, line, column, variable, key, detail) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(line == 8 && column == 20)
        #expect(variable == "AESEV" && key == "records[0].variables[1].algorithm")
        #expect(detail.hasPrefix("unknown algorithm \"asign_ct\"; valid algorithms: actual_arm_code, "))
        #expect(detail.hasSuffix("Did you mean \"assign_ct\"?"))
        #expect(error.description.contains("ae.yaml:8:20: variable AESEV (records[0].variables[1].algorithm): unknown algorithm"))
    }

    @Test func anUnknownKeyInsideAConditionIsLocatedAtTheKey() throws {
        let text =
            Self.spec.replacingOccurrences(of: "asign_ct", with: "assign_ct")
            + "\n        when: {column: AESEV, equal: Mild}"
        let error = try #require(try error(text))
        guard case let .invalidSpecAt(_, line, column, variable, key, detail) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(line == 10 && column == 31 && variable == "AESEV" && key == "records[0].variables[1].when.equal")
        #expect(detail.hasPrefix("unknown key \"equal\"; valid keys: ") && detail.hasSuffix("Did you mean \"equals\"?"))
    }

    @Test func aWellFormedSpecLoads() throws {
        #expect(try error(Self.spec.replacingOccurrences(of: "asign_ct", with: "assign_ct")) == nil)
    }

    @Test func aMissingKeyAndAWrongTypeAreLocated() throws {
        let missing = try #require(try error(Self.spec.replacingOccurrences(of: "subjectColumn: Subject\n", with: "")))
        #expect(
            missing.description.hasSuffix(
                "ae.yaml:1:1: top level: the key \"subjectColumn\" is missing here; add it. Correct the spec there."))
        let list = try #require(
            try error(
                Self.spec.replacingOccurrences(of: "asign_ct", with: "assign_ct").replacingOccurrences(
                    of: "from: AESEV", with: "from: [AESEV]")))
        #expect(
            list.description.contains(
                "ae.yaml:9:15: variable AESEV (records[0].variables[1].from): expected a single value (text or a number), not a list or a mapping here"
            ),
            "\(list)")
    }

    @Test func keyPathsAndGuesses() {
        let steps: [SpecDocument.Step] = [.key("arms"), .index(0), .key("code")]
        #expect(SpecDocument.steps(parsing: "arms[0].code") == steps)
        let nested: [SpecDocument.Step] = [.key("a"), .index(1), .index(2)]
        #expect(SpecDocument.steps(parsing: "a[1][2]") == nested)
        #expect(SpecWording.closest(to: "codelst", in: ["codelist", "date", "from"]) == "codelist")
        #expect(SpecWording.closest(to: "assign_magic", in: Algorithm.allCases.map(\.rawValue)) == nil, "no far-fetched guess")
    }
}
