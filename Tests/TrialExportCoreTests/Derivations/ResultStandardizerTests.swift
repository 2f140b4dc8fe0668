import Testing

@testable import TrialExportCore

/// --STRESC, --STRESN and --STRESU from --ORRES and --ORRESU, with and without unit conversions.
struct ResultStandardizerTests {
    static let conversions = [
        UnitConversion(from: "LB", to: "kg", factor: 0.45359237, decimals: 1),
        UnitConversion(from: "F", to: "C", factor: 0.5555555555555556, offset: -17.77777777777778, decimals: 1),
        UnitConversion(from: "in", to: "cm", factor: 2.54, decimals: 0),
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        let result: String
        let unit: String
        let expected: StandardizedResult
        var testDescription: String { "\(result) \(unit)" }
    }

    static let cases: [Case] = [
        // Numbers without a conversion: canonical, unit kept.
        Case(result: "120", unit: "mmHg", expected: .init(character: "120", number: "120", unit: "mmHg")),
        Case(result: " 36.60 ", unit: "C", expected: .init(character: "36.6", number: "36.6", unit: "C")),
        Case(result: "-0.0", unit: "", expected: .init(character: "0", number: "0", unit: "")),
        Case(result: ".5", unit: "kg", expected: .init(character: "0.5", number: "0.5", unit: "kg")),
        // Conversions: decimal arithmetic, rounded half away from zero.
        Case(result: "150", unit: "LB", expected: .init(character: "68", number: "68", unit: "kg")),
        Case(result: "151", unit: "lb", expected: .init(character: "68.5", number: "68.5", unit: "kg")),
        Case(result: "98.6", unit: "F", expected: .init(character: "37", number: "37", unit: "C")),
        Case(result: "100.4", unit: " f ", expected: .init(character: "38", number: "38", unit: "C")),
        Case(result: "69", unit: "in", expected: .init(character: "175", number: "175", unit: "cm")),
        // Text results: kept as collected, no number; a unit with a conversion is not converted.
        Case(result: "Not done", unit: "", expected: .init(character: "Not done", number: "", unit: "")),
        Case(result: "<5", unit: "LB", expected: .init(character: "<5", number: "", unit: "LB")),
        Case(result: "12,5", unit: "kg", expected: .init(character: "12,5", number: "", unit: "kg")),
        // No result: no unit either.
        Case(result: "  ", unit: "mmHg", expected: .init(character: "", number: "", unit: "")),
    ]

    @Test(arguments: cases) func standardizes(_ c: Case) {
        #expect(ResultStandardizer.standardize(result: c.result, unit: c.unit, conversions: Self.conversions) == c.expected)
    }

    @Test func theAlgorithmsReadTheRecordsVariablesAndTheDomainsConversions() throws {
        let names = ["USUBJID", "VSORRES", "VSORRESU", "VSSTRESC", "VSSTRESN", "VSSTRESU"]
        let raw = RawData(
            tables: [
                MappingFixtures.table(
                    "vs", ["Subject", "WT", "WTU"], [["1", "151", "LB"], ["2", "70.50", "kg"], ["3", "", "kg"]])
            ],
            subjectColumn: "Subject")
        let metadata = DatasetMetadata(
            name: "VS", label: "Vital Signs", structure: "", keys: ["USUBJID"],
            variables: names.enumerated().map { i, n in MappingFixtures.variable(i + 1, n, core: .exp) })
        let context = MappingContext(
            study: MappingFixtures.study, ctMap: CTMap([:]), metadata: StandardMetadata(version: "t", datasets: ["VS": metadata]),
            terminology: MappingFixtures.terminology, raw: raw, cutoff: nil, ctMapPath: "", studyPath: "")
        let pair = ["VSORRES", "VSORRESU"]
        var spec = DomainSpec(
            domain: "VS", subjectColumn: "Subject",
            records: [
                RecordSpec(
                    form: "vs",
                    variables: [
                        VariableSpec(variable: "USUBJID", algorithm: .assignNoCT, from: "Subject"),
                        VariableSpec(variable: "VSORRES", algorithm: .assignNoCT, from: "WT"),
                        VariableSpec(variable: "VSORRESU", algorithm: .assignNoCT, from: "WTU"),
                        VariableSpec(variable: "VSSTRESC", algorithm: .standardizedResult, variables: pair),
                        VariableSpec(variable: "VSSTRESN", algorithm: .standardizedNumber, variables: pair),
                        VariableSpec(variable: "VSSTRESU", algorithm: .standardizedUnit, variables: pair),
                    ])
            ])
        spec.unitConversions = Self.conversions
        var reconciliation = Reconciliation()
        let vs = try DomainMapper(context: context, spec: spec, findings: FindingCollector()).map(into: &reconciliation)
        let rows = (0..<3).map { r in ["VSSTRESC", "VSSTRESN", "VSSTRESU"].map { vs.value($0, row: r) } }
        #expect(rows == [["68.5", "68.5", "kg"], ["70.5", "70.5", "kg"], ["", "", ""]])
        #expect(vs.value("VSORRES", row: 1) == "70.50", "the original result is kept as collected")
    }
}
