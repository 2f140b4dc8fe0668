import Testing

@testable import TrialExportCore

struct RawTableTests {
    func table(_ rows: [[String]]) -> RawTable {
        RawTable(
            form: "ae", file: "ae.csv", header: ["Subject", "AETERM", "AESTDAT"],
            rows: rows.enumerated().map { RawRow(line: $0.offset + 2, values: $0.element) })
    }

    @Test func valuesComeBackAsCollectedAndTrimmed() {
        let t = table([["101-0001", " Nausea ", "2023-03-01"], ["101-0002", "Nausea", ""]])
        #expect(t.rowCount == 2)
        #expect(t.value(0, 1) == " Nausea ")
        #expect(t.cleanValue(0, 1) == "Nausea")
        #expect(t.value(1, 2) == "")
        #expect(t.line(1) == 3)
        #expect(
            Array(t.rows) == [
                RawRow(line: 2, values: ["101-0001", " Nausea ", "2023-03-01"]),
                RawRow(line: 3, values: ["101-0002", "Nausea", ""]),
            ])
    }

    @Test func equalValuesShareOneEntryPerColumn() {
        var t = table([])
        for i in 0..<1000 { t.append(RawRow(line: i + 2, values: ["101-\(i % 10)", "Headache", "2023-03-0\(i % 3 + 1)"])) }
        #expect(t.rowCount == 1000)
        #expect(t.value(999, 0) == "101-9")
        #expect(t.value(998, 2) == "2023-03-03")
        #expect(Set((0..<1000).map { t.value($0, 1) }) == ["Headache"])
    }

    @Test func appendingAfterCompactKeepsCodesConsistent() {
        var t = table([["1", "A", "x"], ["2", "B", "y"]])
        t.compact()
        t.append(RawRow(line: 4, values: ["3", "A", "z"]))
        t.append(RawRow(line: 5, values: ["4", "C", "x"]))
        #expect((0..<4).map { t.value($0, 1) } == ["A", "B", "A", "C"])
        #expect((0..<4).map { t.value($0, 2) } == ["x", "y", "z", "x"])
    }

    @Test func canonicallyEquivalentTextsKeepTheirOwnBytes() {
        let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"
        let t = table([["1", composed, ""], ["2", decomposed, ""], ["3", " \(decomposed)", ""]])
        #expect(Array(t.value(0, 1).utf8) == Array(composed.utf8))
        #expect(Array(t.value(1, 1).utf8) == Array(decomposed.utf8))
        #expect(Array(t.cleanValue(2, 1).utf8) == Array(decomposed.utf8))
    }

    @Test func shortRecordsArePaddedWithNulls() {
        let t = table([["1"]])
        #expect(t.record(0).values == ["1", "", ""])
        #expect(t.value("AETERM", in: t.record(0)) == "")
        #expect(t.value("NOPE", in: t.record(0)) == nil)
    }

    @Test func datasetBecomesATableWithItsCSVLinesAndSharedColumns() {
        let variables = ["USUBJID", "AETERM"].enumerated().map {
            VariableMetadata(dataset: "AE", order: $0.offset + 1, name: $0.element, label: $0.element, type: .char, core: .req)
        }
        let dataset = Dataset(
            name: "AE", label: "Adverse Events", keys: [], variables: variables,
            rows: [["S-1", " Nausea"], ["S-2", ""], ["S-1", "Rash"]])
        let t = RawTable(dataset: dataset)
        #expect(t.form == "ae" && t.file == "ae.csv" && t.header == ["USUBJID", "AETERM"])
        #expect(t.rowCount == 3)
        #expect((0..<3).map(t.line) == [2, 3, 4])
        #expect((0..<3).map { t.value($0, 1) } == [" Nausea", "", "Rash"])
        #expect(t.cleanValue(0, 1) == "Nausea")
        #expect(t.code(0, 0) == t.code(2, 0) && t.code(0, 0) != t.code(1, 0))
    }

    @Test func replacingOneColumnKeepsTheOthersAndTheLines() {
        let t = table([["1", "A", "x"], ["2", "B", "y"], ["3", "A", "z"]])
        let replaced = t.replacingValues(ofColumn: 1) { row in row == 1 ? "" : "\(t.value(row, 1))-\(row)" }
        #expect((0..<3).map { replaced.value($0, 1) } == ["A-0", "", "A-2"])
        #expect((0..<3).map { replaced.value($0, 2) } == ["x", "y", "z"])
        #expect((0..<3).map(replaced.line) == [2, 3, 4])
        #expect((0..<3).map { t.value($0, 1) } == ["A", "B", "A"])
    }
}
