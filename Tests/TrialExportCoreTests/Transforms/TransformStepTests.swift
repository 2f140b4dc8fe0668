import Foundation
import Testing

@testable import TrialExportCore

/// Every transform step on values it applies to and on values it cannot apply to.
struct TransformStepTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let step: TransformStep
        let input: String
        /// The result, or nil when the step must fail (with the reason containing `failure`).
        let output: String?
        var failure = ""
        var testDescription: String { "\(step.name) \"\(input)\"" }
    }

    static let cases: [Case] = [
        Case(step: .upper, input: "Completed", output: "COMPLETED"),
        Case(step: .lower, input: "ADVERSE Event", output: "adverse event"),
        Case(step: .trim, input: "  a b \t", output: "a b"),
        Case(step: .collapseSpaces, input: " a   b \t c ", output: "a b c"),
        Case(step: .datePart, input: "2022-02-16 08:06", output: "2022-02-16"),
        Case(step: .datePart, input: "2022-02-16T08:06", output: "2022-02-16"),
        Case(step: .datePart, input: "2022-02-16", output: "2022-02-16"),
        Case(step: .datePart, input: "2022-02-16 08:06 x", output: nil, failure: "not a date and a time"),
        Case(step: .timePart, input: "2022-02-16 08:06", output: "08:06"),
        Case(step: .timePart, input: "2022-02-16T08:06:30", output: "08:06:30"),
        Case(step: .timePart, input: "2022-02-16", output: nil, failure: "has no time part"),
        Case(step: .regexExtract(pattern: "^(\\d+)-\\d+$", group: 1), input: "101-003", output: "101"),
        Case(step: .regexExtract(pattern: "\\d+", group: 0), input: "site 42", output: "42"),
        Case(step: .regexExtract(pattern: "^(\\d+)-", group: 1), input: "X-003", output: nil, failure: "does not match"),
        Case(step: .regexExtract(pattern: "^(a)|(b)$", group: 2), input: "a", output: nil, failure: "not part of the match"),
        Case(step: .regexReplace(pattern: "\\s*\\(.*\\)", with: ""), input: "Headache (mild)", output: "Headache"),
        Case(step: .regexReplace(pattern: "(\\d+)/(\\d+)", with: "$2-$1"), input: "3/4", output: "4-3"),
        Case(step: .substring(start: 1, length: 3), input: "101-003", output: "101"),
        Case(step: .substring(start: 5, length: nil), input: "101-003", output: "003"),
        Case(step: .substring(start: 5, length: 10), input: "101-003", output: "003"),
        Case(step: .substring(start: 9, length: 1), input: "101-003", output: nil, failure: "shorter than start 9"),
        Case(step: .prefix("SITE-"), input: "101", output: "SITE-101"),
        Case(step: .suffix(" mg"), input: "5", output: "5 mg"),
        Case(step: .padLeft(width: 4, with: "0"), input: "7", output: "0007"),
        Case(step: .padLeft(width: 2, with: "0"), input: "123", output: "123"),
        Case(step: .number(decimals: 2), input: "2.675", output: "2.68"),
        Case(step: .number(decimals: 1), input: "-0.04", output: "0.0"),
        Case(step: .number(decimals: 0), input: "249.5", output: "250"),
        Case(step: .number(decimals: 3), input: "12", output: "12.000"),
        Case(step: .number(decimals: 1), input: "1e2", output: "100.0"),
        Case(step: .number(decimals: 1), input: "12abc", output: nil, failure: "is not a number"),
        Case(step: .number(decimals: 1), input: "1,5", output: nil, failure: "is not a number"),
    ]

    @Test(arguments: cases) func step(_ c: Case) {
        switch Transform([c.step]).apply(c.input) {
        case .success(let text):
            #expect(text == c.output, "\(c.step.name) of \"\(c.input)\"")
        case .failure(let failure):
            #expect(c.output == nil, "\(c.step.name) of \"\(c.input)\" failed: \(failure.reason)")
            #expect(failure.reason.contains(c.failure), "\(failure.reason)")
            #expect(failure.value == c.input && failure.step == c.step.name)
        }
    }

    @Test func stepsRunInOrderAndNullStaysNull() {
        let t = Transform([.trim, .regexExtract(pattern: "^(\\w+)", group: 1), .upper, .prefix("S")])
        #expect(t.apply("  ab-1 ") == .success("SAB"))
        #expect(t.apply("") == .success(""), "a null is not transformed (no prefix on nothing)")
        let failing = Transform([.upper, .regexExtract(pattern: "^\\d+$", group: 0)])
        #expect(failing.apply("ab") == .failure(.init(step: "regex_extract", value: "AB", reason: "does not match \"^\\d+$\"")))
    }

    static let decoding: [(String, TransformStep?)] = [
        ("\"upper\"", .upper), ("\"collapse_spaces\"", .collapseSpaces), ("\"date_part\"", .datePart),
        ("{\"regex_extract\": \"^(\\\\d+)-\", \"group\": 1}", .regexExtract(pattern: "^(\\d+)-", group: 1)),
        ("{\"regex_extract\": \"\\\\d+\"}", nil),  // group 1 by default, but the pattern has none
        ("{\"regex_replace\": \"a\", \"with\": \"b\"}", .regexReplace(pattern: "a", with: "b")),
        ("{\"substring\": {\"start\": 2, \"length\": 3}}", .substring(start: 2, length: 3)),
        ("{\"pad_left\": {\"width\": 3}}", .padLeft(width: 3, with: "0")),
        ("{\"number\": {\"decimals\": 1}}", .number(decimals: 1)),
        ("{\"prefix\": \"X\"}", .prefix("X")),
        ("\"uppercase\"", nil), ("{\"regex_extract\": \"(\"}", nil), ("{\"regex_extract\": \"a\", \"grp\": 1}", nil),
        ("{\"substring\": {\"start\": 0}}", nil), ("{\"frobnicate\": 1}", nil),
        ("{\"number\": {\"decimals\": 1, \"x\": 2}}", nil),
    ]

    @Test func decodingRefusesUnknownStepsKeysAndBadPatterns() throws {
        for (json, expected) in Self.decoding {
            let decoded = try? JSONDecoder().decode(TransformStep.self, from: Data(json.utf8))
            #expect(decoded == expected, "\(json)")
            if let decoded {
                let again = try JSONDecoder().decode(TransformStep.self, from: JSONEncoder().encode(decoded))
                #expect(again == decoded, "round trip of \(json)")
            }
        }
    }
}
