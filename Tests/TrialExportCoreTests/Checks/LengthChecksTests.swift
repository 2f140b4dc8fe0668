import Testing

@testable import TrialExportCore

/// One dataset and the findings ``ValueLengthChecks`` must make on it, as (code, severity, USUBJID, --SEQ, variable, value).
struct LengthCase: Sendable, CustomTestStringConvertible {
    struct Expected: Equatable, Sendable, CustomStringConvertible {
        var code: String, severity: Severity, usubjid: String?, seq: Int?, variable: String, value: String

        init(_ code: String, _ severity: Severity, _ usubjid: String?, _ seq: Int?, _ variable: String, _ value: String) {
            (self.code, self.severity, self.usubjid, self.seq, self.variable, self.value) = (
                code, severity, usubjid, seq, variable, value
            )
        }

        init(_ finding: Finding) {
            self.init(finding.code, finding.severity, finding.usubjid, finding.seq, finding.variable ?? "", finding.value ?? "")
        }

        var description: String { "\(code) \(severity) \(usubjid ?? "-") \(seq.map(String.init) ?? "-") \(variable)=\(value)" }
    }

    let testDescription: String
    let dataset: Dataset
    let expected: [Expected]
}

struct LengthChecksTests {
    typealias E = LengthCase.Expected

    /// An AE dataset (AESEQ and AEDUR numeric) with one row per AETERM value.
    static func ae(_ terms: [String], duration: String = "3", labels: [String: String] = [:], extra: String? = nil) -> Dataset {
        let names = ["USUBJID", "AESEQ", "AETERM", "AEDUR"] + (extra.map { [$0] } ?? [])
        let variables = names.enumerated().map { i, name in
            VariableMetadata(
                dataset: "AE", order: i + 1, name: name, label: labels[name] ?? "Label of \(name)",
                type: name == "AESEQ" || name == "AEDUR" ? .num : .char, core: .exp)
        }
        let rows = terms.enumerated().map { i, term in ["S1", String(i + 1), term, duration] + (extra == nil ? [] : [""]) }
        return Dataset(name: "AE", label: "Adverse Events", keys: ["USUBJID", "AESEQ"], variables: variables, rows: rows)
    }

    /// A SUPPAE dataset with the given (QNAM, QLABEL, QVAL) rows, each qualifying AESEQ 1, 2, ...
    static func suppae(_ rows: [(String, String, String)]) -> Dataset {
        let names = ["STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM", "QLABEL", "QVAL"]
        let variables = names.enumerated().map { i, name in
            VariableMetadata(dataset: "SUPPAE", order: i + 1, name: name, label: name, type: .char, core: .req)
        }
        let values = rows.enumerated().map { i, row in ["ST", "AE", "S2", "AESEQ", String(i + 1), row.0, row.1, row.2] }
        return Dataset(name: "SUPPAE", label: "Supplemental Qualifiers for AE", keys: [], variables: variables, rows: values)
    }

    static let x200 = String(repeating: "x", count: 200)
    static let x201 = String(repeating: "x", count: 201)
    static let x40 = String(repeating: "x", count: 40)
    static let cellFull = String(repeating: "x", count: ValueLengthChecks.cellCharacterLimit)
    static let cellOver = String(repeating: "x", count: ValueLengthChecks.cellCharacterLimit + 1)
    /// 16,384 characters outside the BMP: 32,768 UTF-16 code units (Excel's count), 65,536 bytes.
    static let emojiOver = String(repeating: "😀", count: 16_384)
    static let emojiFull = String(repeating: "😀", count: 16_383)

    static let cases: [LengthCase] = [
        .init(testDescription: "short values and exactly 200 bytes pass", dataset: ae(["HEADACHE", x200, ""]), expected: []),
        .init(
            testDescription: "201 bytes is a warning quoting 40 characters", dataset: ae(["NAUSEA", x201]),
            expected: [E("CHK0030", .warning, "S1", 2, "AETERM", x40)]),
        .init(
            testDescription: "bytes, not characters: 100 é pass, 101 é do not",
            dataset: ae([String(repeating: "é", count: 100), String(repeating: "é", count: 101)]),
            expected: [
                E("CHK0037", .error, "S1", 1, "AETERM", String(repeating: "é", count: 40)),
                E("CHK0037", .error, "S1", 2, "AETERM", String(repeating: "é", count: 40)),
                E("CHK0030", .warning, "S1", 2, "AETERM", String(repeating: "é", count: 40)),
            ]),
        .init(
            testDescription: "a numeric variable is not held to 200 bytes", dataset: ae(["RASH"], duration: x201), expected: []),
        .init(
            testDescription: "a full XLSX cell is only a warning", dataset: ae([cellFull]),
            expected: [E("CHK0030", .warning, "S1", 1, "AETERM", x40)]),
        .init(
            testDescription: "one character more than a cell holds is an error", dataset: ae([cellOver]),
            expected: [E("CHK0031", .error, "S1", 1, "AETERM", x40)]),
        .init(
            testDescription: "a numeric variable is held to the cell limit too", dataset: ae(["RASH"], duration: cellOver),
            expected: [E("CHK0031", .error, "S1", 1, "AEDUR", x40)]),
        .init(
            testDescription: "cell characters count as UTF-16 code units", dataset: ae([emojiFull, emojiOver]),
            expected: [
                E("CHK0037", .error, "S1", 1, "AETERM", String(repeating: "😀", count: 40)),
                E("CHK0030", .warning, "S1", 1, "AETERM", String(repeating: "😀", count: 40)),
                E("CHK0037", .error, "S1", 2, "AETERM", String(repeating: "😀", count: 40)),
                E("CHK0031", .error, "S1", 2, "AETERM", String(repeating: "😀", count: 40)),
            ]),
        .init(
            testDescription: "a value that is not ASCII is an error, wherever it is (a number too); ASCII passes",
            dataset: ae(["Café", "CAFE~"], duration: "3\u{A0}"),
            expected: [
                E("CHK0037", .error, "S1", 1, "AETERM", "Café"), E("CHK0037", .error, "S1", 1, "AEDUR", "3\u{A0}"),
                E("CHK0037", .error, "S1", 2, "AEDUR", "3\u{A0}"),
            ]),
        .init(
            testDescription: "a variable name of 9 characters", dataset: ae(["RASH"], extra: "AEOUTCOME"),
            expected: [E("CHK0032", .error, nil, nil, "AEOUTCOME", "AEOUTCOME")]),
        .init(testDescription: "a variable name of 8 characters passes", dataset: ae(["RASH"], extra: "AECONTRT"), expected: []),
        .init(
            testDescription: "labels: 40 bytes pass, 41 bytes do not (é is 2 bytes)",
            dataset: ae(["RASH"], labels: ["AETERM": x40, "AEDUR": String(repeating: "é", count: 20) + "x"]),
            expected: [E("CHK0033", .error, nil, nil, "AEDUR", String(repeating: "é", count: 20) + "x")]),
        .init(
            testDescription: "QNAM and QLABEL values once per distinct value; long QVAL per record",
            dataset: suppae([("AESPECIFY", "Specify", "A"), ("AESPECIFY", "Specify", "B"), ("AETRTEM", x40 + "y", x201)]),
            expected: [
                E("CHK0030", .warning, "S2", nil, "QVAL", x40),
                E("CHK0034", .error, "S2", nil, "QNAM", "AESPECIFY"),
                E("CHK0035", .error, "S2", nil, "QLABEL", x40),
            ]),
    ]

    @Test(arguments: cases) func findings(_ test: LengthCase) {
        let sink = FindingCollector()
        ValueLengthChecks(findings: sink).run(test.dataset)
        #expect(sink.findings.map(E.init) == test.expected)
        #expect(sink.findings.allSatisfy { $0.domain == test.dataset.name })
    }

    @Test func longValueMessageGivesLengthAndStartOnly() throws {
        let sink = FindingCollector()
        ValueLengthChecks(findings: sink).run(Self.ae([Self.x40 + String(repeating: "y", count: 161)]))
        let finding = try #require(sink.findings.first)
        #expect(
            finding.message == "AETERM is 201 bytes long (UTF-8), more than the 200 an SDTM (SAS XPORT) character"
                + " value holds: \"\(Self.x40)\"...")
        #expect(finding.hint.contains("SUPPAE records with QNAM AETERM1, AETERM2"))
    }

    @Test func trialSummaryOverflowGoesToNumberedVariables() throws {
        let variables = ["STUDYID", "TSSEQ", "TSPARMCD", "TSVAL"].enumerated().map { i, name in
            VariableMetadata(
                dataset: "TS", order: i + 1, name: name, label: name, type: name == "TSSEQ" ? .num : .char, core: .req)
        }
        let ts = Dataset(
            name: "TS", label: "Trial Summary", keys: [], variables: variables, rows: [["ST", "1", "TITLE", Self.x201]])
        let sink = FindingCollector()
        ValueLengthChecks(findings: sink).run(ts)
        #expect(sink.findings.map(E.init) == [E("CHK0030", .warning, nil, 1, "TSVAL", Self.x40)])
        #expect(sink.findings.first?.hint.contains("the variables TSVAL1, TSVAL2, ... of TS") == true)
    }

    @Test func notASCIIMessageNamesTheCharacterAndWhatTheXPTHolds() throws {
        let sink = FindingCollector()
        ValueLengthChecks(findings: sink).run(Self.suppae([("AESPECIFY", "Specify", "na\u{EF}ve\u{0}")]))
        let finding = try #require(sink.findings.first { $0.code == "CHK0037" })
        #expect(finding.value == "na\u{EF}ve\\u{0}")
        #expect(
            finding.message == "QVAL holds a character that is not ASCII (first \"\u{EF}\" U+00EF), which a SAS XPORT v5"
                + " value cannot hold: \"na\u{EF}ve\\u{0}\"; xpt/ keeps the value's UTF-8 bytes unchanged (SAS reads them as other"
                + " characters); CSV, XLSX and Dataset-JSON hold it as is (record AESEQ=1)")
        #expect(finding.hint.hasPrefix("Replace the character with ASCII text at its source"))
    }

    @Test func cellMessageSaysTheWorkbookCellIsEmpty() throws {
        let sink = FindingCollector()
        ValueLengthChecks(findings: sink).run(Self.ae([Self.cellOver]))
        let finding = try #require(sink.findings.first)
        #expect(finding.message.hasPrefix("AETERM is 32768 characters long, more than an XLSX cell holds (32767)"))
        #expect(finding.message.hasSuffix("; the workbook cell is left empty; the CSV holds the whole value"))
        #expect(finding.message.count < 200)
    }

    @Test func qualifierFindingsNameTheParentRecord() {
        let sink = FindingCollector()
        ValueLengthChecks(findings: sink).run(
            Self.suppae([
                ("AESPECIFY", "Specify", "A"), ("AESPECIFY", "Specify", "B"),
                ("COMMENTS", "Comments", Self.x201),
            ]))
        let messages = sink.findings.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.hasSuffix("(2 records; the first is shown) (record AESEQ=1)") })
        #expect(messages.contains { $0.hasPrefix("QVAL is 201 bytes") && $0.hasSuffix("(record AESEQ=3)") })
        #expect(sink.findings.contains { $0.hint.contains("QNAM COMMENT1, COMMENT2") })
    }

    @Test(arguments: [("AETERM", 1, "AETERM1"), ("COMMENTS", 1, "COMMENT1"), ("COMMENTS", 12, "COMMEN12"), ("CO", 3, "CO3")])
    func numberedNamesHaveAtMostEightCharacters(_ name: String, _ number: Int, _ expected: String) {
        #expect(Finding.numberedName(name, number) == expected)
    }

    @Test(arguments: [
        ("x", 0, true), ("x", 32_767, true), ("x", 32_768, false), ("é", 32_767, true),
        ("😀", 16_383, true), ("😀", 16_384, false),
    ])
    func fitsWorkbookCell(_ character: String, _ count: Int, _ fits: Bool) {
        #expect(ValueLengthChecks.fitsWorkbookCell(String(repeating: character, count: count)) == fits)
    }
}
