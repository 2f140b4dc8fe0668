import Testing

@testable import TrialExportCore

/// --LOBXFL: the last record of each subject's test with a result on or before the first dose date.
struct BaselineFlagsTests {
    static let names = ["USUBJID", "VSTESTCD", "VSSTRESC", "VSLOBXFL", "VSDTC"]

    static func dataset(_ rows: [[String]], name: String = "VS", variables: [String] = names) -> Dataset {
        Dataset(
            name: name, label: name, keys: ["USUBJID"],
            variables: variables.enumerated().map { i, n in MappingFixtures.variable(i + 1, n, core: .exp) }, rows: rows)
    }

    static let dm = dataset(
        [["S1", "2024-03-10T09:00"], ["S2", "2024-03"], ["S3", ""], ["S4", "2024-03-10"]], name: "DM",
        variables: ["USUBJID", "RFXSTDTC"])

    static let spec: DomainSpec = {
        var flag = VariableSpec(variable: "VSLOBXFL", algorithm: .baselineFlag)
        flag.variables = ["VSTESTCD", "VSDTC", "VSSTRESC"]
        return DomainSpec(domain: "VS", subjectColumn: "Subject", records: [RecordSpec(form: "vs", variables: [flag])])
    }()

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// USUBJID, VSTESTCD, VSSTRESC, VSDTC per record.
        let records: [[String]]
        /// The rows flagged Y.
        let flagged: [Int]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "the last result on or before the first dose date, per test",
            records: [
                ["S1", "SYSBP", "130", "2024-03-01"], ["S1", "SYSBP", "128", "2024-03-10T08:30"],
                ["S1", "SYSBP", "120", "2024-03-24"], ["S1", "DIABP", "85", "2024-03-01"],
            ],
            flagged: [1, 3]),
        Case(
            name: "a missing result is skipped: the earlier one is the baseline",
            records: [["S1", "PULSE", "72", "2024-03-01"], ["S1", "PULSE", "", "2024-03-10"]],
            flagged: [0]),
        Case(
            name: "records sorted out of date order: the latest date wins",
            records: [["S1", "TEMP", "36.8", "2024-03-09"], ["S1", "TEMP", "36.5", "2024-03-02"]],
            flagged: [0]),
        Case(
            name: "the same date twice: the later row wins",
            records: [["S4", "WEIGHT", "80", "2024-03-10"], ["S4", "WEIGHT", "80.5", "2024-03-10"]],
            flagged: [1]),
        Case(
            name: "partial record dates are never the baseline",
            records: [["S1", "HEIGHT", "170", "2024-03"], ["S1", "HEIGHT", "171", "2024-02-20"]],
            flagged: [1]),
        Case(
            name: "no flag without a complete first dose date, or without DM",
            records: [
                ["S2", "SYSBP", "130", "2024-02-01"], ["S3", "SYSBP", "130", "2024-02-01"], ["S9", "SYSBP", "1", "2024-02-01"],
            ],
            flagged: []),
        Case(
            name: "only results after the first dose: no flag",
            records: [["S1", "SYSBP", "130", "2024-03-11"]],
            flagged: []),
    ]

    @Test(arguments: cases) func flags(_ c: Case) {
        // A stale value in the flag column is cleared.
        var vs = Self.dataset(c.records.map { [$0[0], $0[1], $0[2], "Y", $0[3]] })
        BaselineFlags.assign(&vs, spec: Self.spec, dm: Self.dm)
        let flagged = (0..<c.records.count).filter { vs.value("VSLOBXFL", row: $0) == "Y" }
        #expect(flagged == c.flagged)
        #expect((0..<c.records.count).allSatisfy { ["", "Y"].contains(vs.value("VSLOBXFL", row: $0)) })
    }
}
