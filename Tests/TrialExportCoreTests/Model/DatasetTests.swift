import Testing

@testable import TrialExportCore

/// Dataset's mutations over column storage: set, append, remove columns, sort by keys.
struct DatasetTests {
    /// A dataset keyed by USUBJID (char) then AESEQ (num), with a text column.
    static func dataset(_ rows: [[String]], keys: [String] = ["USUBJID", "AESEQ"]) -> Dataset {
        let variables = [("USUBJID", VariableMetadata.DataType.char), ("AESEQ", .num), ("AETERM", .char)].enumerated().map {
            VariableMetadata(dataset: "AE", order: $0 + 1, name: $1.0, label: $1.0, type: $1.1, core: .exp)
        }
        return Dataset(name: "AE", label: "Adverse Events", keys: keys, variables: variables, rows: rows)
    }

    @Test func setByNameAndPosition() {
        var ae = Self.dataset([["S1", "1", "Nausea"], ["S2", "1", "Nausea"]])
        ae.set("AETERM", row: 0, to: "Headache")
        ae.setValue("Rash", row: 1, column: 2)
        ae.set("NOSUCH", row: 1, to: "x")
        #expect(ae.rows == [["S1", "1", "Headache"], ["S2", "1", "Rash"]])
        #expect(ae.value("AETERM", row: 1) == "Rash")
        #expect(ae.value("NOSUCH", row: 1) == "")
    }

    @Test func appendRows() {
        var ae = Self.dataset([])
        ae.reserveCapacity(2)
        ae.append(row: ["S1", "1", "Nausea"])
        ae.appendRow { ["S1", "2", "Nausea"][$0] }
        #expect(ae.rows == [["S1", "1", "Nausea"], ["S1", "2", "Nausea"]])
        #expect(ae.cells.storedValues(column: 2) == ["", "Nausea"])
    }

    @Test func buildRowByRowThenSelectVariables() {
        var cells = DatasetColumns(width: 2)  // mapped order: AETERM, USUBJID
        cells.appendRow { ["Nausea", "S1"][$0] }
        cells.appendRow { ["", "S2"][$0] }
        #expect(cells.isNull(column: 0) == false)
        cells.selectColumns([1, nil, 0])
        #expect(cells.isNull(column: 1))
        let ae = Dataset(name: "AE", label: "Adverse Events", keys: [], variables: Self.dataset([]).variables, cells: cells)
        #expect(ae.rows == [["S1", "", "Nausea"], ["S2", "", ""]])
    }

    @Test func removeColumnsKeepsTheOthersInOrder() {
        var ae = Self.dataset([["S1", "1", "Nausea"], ["S2", "", "Rash"]])
        ae.removeColumns(["AESEQ"])
        #expect(ae.columns == ["USUBJID", "AETERM"])
        #expect(ae.index(of: "AETERM") == 1)
        #expect(ae.index(of: "AESEQ") == nil)
        #expect(ae.rows == [["S1", "Nausea"], ["S2", "Rash"]])
        #expect(ae.value("AETERM", row: 1) == "Rash")
    }

    @Test(arguments: [
        // numeric key compared as a number, char key as text
        (
            [["S2", "10", "a"], ["S10", "2", "b"], ["S2", "9", "c"]], [["S10", "2", "b"], ["S2", "9", "c"], ["S2", "10", "a"]]
        ),
        // nulls first in both kinds of key
        ([["S1", "2", "a"], ["", "1", "b"], ["S1", "", "c"]], [["", "1", "b"], ["S1", "", "c"], ["S1", "2", "a"]]),
        // stable: equal keys keep their order
        (
            [["S1", "1", "b"], ["S1", "1", "a"], ["S1", "01", "c"]], [["S1", "1", "b"], ["S1", "1", "a"], ["S1", "01", "c"]]
        ),
        // decimals and a value that is not a number
        (
            [["S1", "1.5", "a"], ["S1", "X", "b"], ["S1", "-2", "c"]],
            [["S1", "-2", "c"], ["S1", "1.5", "a"], ["S1", "X", "b"]]
        ),
    ])
    func sortByKeys(rows: [[String]], sorted: [[String]]) {
        var ae = Self.dataset(rows)
        ae.sortByKeys()
        #expect(ae.rows.map(Array.init) == sorted)
        #expect(ae.rows.map(Array.init) == Self.referenceSort(rows, keys: [(0, false), (1, true)]))
    }

    @Test func sortMatchesTheRowArraySortOnMixedData() {
        var generator = SplitMix(seed: 7)
        let subjects = ["", "S1", "S2", "S10", "s1"], numbers = ["", "1", "2", "10", "01", "1.0", "x", "-3", "2.5"]
        let rows = (0..<400).map { i in
            [subjects[generator.next(subjects.count)], numbers[generator.next(numbers.count)], String(i)]
        }
        var ae = Self.dataset(rows)
        ae.sortByKeys()
        #expect(ae.rows.map(Array.init) == Self.referenceSort(rows, keys: [(0, false), (1, true)]))
    }

    /// The sort Dataset used when rows were arrays, kept as the reference.
    static func referenceSort(_ rows: [[String]], keys: [(Int, Bool)]) -> [[String]] {
        rows.enumerated().sorted { a, b in
            for (i, numeric) in keys {
                let l = a.element[i], r = b.element[i]
                if l == r { continue }
                if numeric, let ln = Double(l), let rn = Double(r) { return ln < rn }
                if l.isEmpty != r.isEmpty { return l.isEmpty }
                return l < r
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// A small deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
