import Testing

@testable import TrialExportCore

/// Codes stored 1, 2 or 4 bytes wide: every code reads back whatever the width, widening at the boundaries.
struct CodeArrayTests {
    static let widths: [(UInt32, UInt8)] = [(255, 1), (256, 2), (65_535, 2), (65_536, 4), (UInt32.max, 4)]

    @Test(arguments: widths)
    func appendingWidensOnlyWhenACodeNeedsIt(largest: UInt32, width: UInt8) {
        var codes = CodeArray()
        for code in [0, 1, 200, largest] { codes.append(code) }
        codes.append(7)
        #expect(codes.width == width)
        #expect(Array(codes) == [0, 1, 200, largest, 7])
    }

    @Test func settingAWideCodeWidensAndKeepsTheOthers() {
        var codes: CodeArray = [3, 250, 0]
        #expect(codes.width == 1)
        codes[1] = 70_000
        #expect(codes.width == 4)
        #expect(Array(codes) == [3, 70_000, 0])
        codes[2] = 9
        #expect(Array(codes) == [3, 70_000, 9])
    }

    @Test func reorderedKeepsTheWidth() {
        var codes = CodeArray()
        for code: UInt32 in [1000, 2, 3] { codes.append(code) }
        let reordered = codes.reordered([2, 0, 1])
        #expect(reordered.width == 2)
        #expect(Array(reordered) == [3, 1000, 2])
    }

    @Test func narrowedGoesBackToTheSmallestWidth() {
        var codes: CodeArray = [1, 300, 2]
        codes[1] = 5
        #expect(codes.width == 2)
        let narrowed = codes.narrowed(largest: 5)
        #expect(narrowed.width == 1)
        #expect(narrowed == codes)
        #expect(Array(narrowed) == [1, 5, 2])
        #expect(codes.narrowed(largest: 300).width == 2)
    }

    @Test func repeatingTakesTheWidthOfItsCode() {
        #expect(CodeArray(repeating: 0, count: 3).width == 1)
        #expect(Array(CodeArray(repeating: 0, count: 3)) == [0, 0, 0])
        #expect(CodeArray(repeating: 65_536, count: 2).width == 4)
        #expect(CodeArray(repeating: 0, count: 0).isEmpty)
    }

    @Test func aColumnWithManyValuesReadsBackAndNarrowsWhenValuesAreDropped() {
        var column = DatasetColumn()
        for i in 0..<70_000 { column.codes.append(column.code(for: "V\(i)")) }
        #expect(column.codes.width == 4)
        #expect(column[69_999] == "V69999" && column[0] == "V0" && column[300] == "V300")
        for row in 0..<70_000 where row % 1000 != 0 { column.codes[row] = 0 }
        column.dropUnusedValues()
        #expect(column.values.count == 71)
        #expect(column.codes.width == 1)
        #expect(column[69_000] == "V69000" && column[69_001] == "")
    }

    @Test(arguments: [(UInt32(200), UInt32(3)), (300, 3), (70_000, 3), (3, 300), (3, 70_000), (300, 70_000), (70_000, 300)])
    func appendingTranslatedCodesWidensOnceAndKeepsEveryCode(mine: UInt32, theirs: UInt32) {
        var target: CodeArray = [0, 1, mine]
        let source: CodeArray = [0, 2, 1, theirs]
        var table = [UInt32](repeating: 0, count: Int(theirs) + 1)
        table[1] = 5
        table[2] = mine + 1
        table[Int(theirs)] = 7
        target.append(translating: source, through: table)
        #expect(Array(target) == [0, 1, mine, 0, mine + 1, 5, 7])
        target.append(translating: [], through: table)
        #expect(target.count == 7)
    }
}
