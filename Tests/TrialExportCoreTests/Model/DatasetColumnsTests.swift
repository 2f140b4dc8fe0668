import Testing

@testable import TrialExportCore

/// Column storage: cells read back exactly as written, each distinct value stored once per column.
struct DatasetColumnsTests {
    static let rows = [
        ["S1", "1", "", "Café"],
        ["S1", "2", "Nausea", "Cafe\u{301}"],  // canonically equal to "Café", other bytes
        ["S2", "1", "Nausea", ""],
        ["S2", "10", "", "Café"],
    ]

    @Test func rowsReadBackByteForByte() {
        let table = DatasetColumns(rows: Self.rows, width: 4)
        #expect(table.rowCount == 4)
        for (r, row) in Self.rows.enumerated() {
            for (c, value) in row.enumerated() {
                #expect(Array(table[r, c].utf8) == Array(value.utf8), "row \(r) column \(c)")
            }
        }
    }

    @Test func eachDistinctValueIsStoredOncePerColumnWithNullAtZero() {
        let table = DatasetColumns(rows: Self.rows, width: 4)
        #expect(table.storedValues(column: 0) == ["", "S1", "S2"])
        #expect(table.storedValues(column: 1) == ["", "1", "2", "10"])
        #expect(table.storedValues(column: 2) == ["", "Nausea"])
        #expect(table.storedValues(column: 3).map { Array($0.utf8) } == [[], Array("Café".utf8), Array("Cafe\u{301}".utf8)])
        #expect(table.columns[2].codes == [0, 1, 1, 0])
    }

    @Test func appendAfterCompactStillSharesValues() {
        var table = DatasetColumns(rows: Self.rows, width: 4)
        table.compact()
        table.append(row: ["S2", "2", "Nausea", "Tea"])
        table.appendRow { ["S3", "1", "", "Tea"][$0] }
        #expect(table.storedValues(column: 0) == ["", "S1", "S2", "S3"])
        #expect(table.storedValues(column: 2) == ["", "Nausea"])
        #expect(table.storedValues(column: 3).count == 4)
        #expect(table.rowCount == 6)
        #expect((0..<4).map { table[5, $0] } == ["S3", "1", "", "Tea"])
    }

    @Test func setToNewAndExistingValues() {
        var table = DatasetColumns(rows: Self.rows, width: 4)
        table.compact()
        table.set(row: 0, column: 2, to: "Headache")
        table.set(row: 1, column: 2, to: "Nausea")
        table.set(row: 2, column: 2, to: "")
        #expect((0..<4).map { table[$0, 2] } == ["Headache", "Nausea", "", ""])
        #expect(table.storedValues(column: 2) == ["", "Nausea", "Headache"])
        table.set(row: 1, column: 2, to: "")
        table.compact()
        #expect(table.storedValues(column: 2) == ["", "Headache"])
        #expect((0..<4).map { table[$0, 2] } == ["Headache", "", "", ""])
    }

    @Test func keepAndReorder() {
        var table = DatasetColumns(rows: Self.rows, width: 4)
        table.keepColumns([2, 0])
        table.reorderRows([3, 2, 1, 0])
        #expect(table.width == 2)
        #expect(
            (0..<4).map { [table[$0, 0], table[$0, 1]] } == [["", "S2"], ["Nausea", "S2"], ["Nausea", "S1"], ["", "S1"]])
    }

    @Test func rowsViewConvertsLikeArrays() {
        let rows = DatasetRows(Self.rows)
        #expect(rows.count == 4)
        #expect(Array(rows.indices) == [0, 1, 2, 3])
        #expect(rows.map(Array.init) == Self.rows)
        #expect(rows[2].count == 4)
        #expect(rows[2][2] == "Nausea")
        #expect(rows[2].map { $0.isEmpty } == [false, false, false, true])
        #expect(Dictionary(uniqueKeysWithValues: zip(["A", "B", "C", "D"], rows[0]))["D"] == "Café")
        #expect(rows[3].enumerated().filter { $0.element.isEmpty }.map(\.offset) == [2])
        #expect(rows.first == ["S1", "1", "", "Café"])
        #expect(
            rows == [
                ["S1", "1", "", "Café"], ["S1", "2", "Nausea", "Café"], ["S2", "1", "Nausea", ""], ["S2", "10", "", "Café"],
            ])
        #expect(rows != [["S1", "1", "", "Café"]])
        #expect(Set([rows[0], rows[3]]).count == 2)
    }

    @Test func repeatedValuesAfterCompactionReadBackRight() {
        var table = DatasetColumns(rows: [["A"], ["A"], ["B"], ["A"], ["C"], ["C"]], width: 1)
        #expect(table.columns[0].codes == [1, 1, 2, 1, 3, 3])
        for row in [0, 1, 3] { table.set(row: row, column: 0, to: "") }
        table.compact()  // drops "A": "B" and "C" are renumbered
        table.append(row: ["C"])
        table.append(row: ["C"])
        table.append(row: ["A"])
        #expect((0..<9).map { table[$0, 0] } == ["", "", "B", "", "C", "C", "C", "C", "A"])
        #expect(table.storedValues(column: 0) == ["", "B", "C", "A"])
    }
}
