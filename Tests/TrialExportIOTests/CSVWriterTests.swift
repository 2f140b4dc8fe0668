import Foundation
import TestSupport
import Testing
import TrialExportCore

@testable import TrialExportIO

struct CSVWriterTests {
    static let awkwardRows: [[String]] = [
        ["plain", "", "with, comma", "say \"hi\""],
        ["line\nbreak", "crlf\r\ninside", " lead", "trail "],
        ["tab\t", "José 李 — ünïcödé", "\"", ","],
        ["", "", "", "x"],
    ]

    @Test(arguments: [CSVWriter.Options(), CSVWriter.Options(lineEnding: "\r\n", byteOrderMark: true)])
    func roundTripsThroughReader(_ options: CSVWriter.Options) throws {
        let path = TestPaths.temporaryDirectory("csvw").appendingPathComponent("t.csv").path
        let writer = try CSVWriter(path: path, options: options)
        try writer.writeRow(["A", "B", "C", "D"])
        for row in Self.awkwardRows { try writer.writeRow(row) }
        try writer.close()
        let result = try readAll(path)
        #expect(result.header == ["A", "B", "C", "D"])
        #expect(result.rows.map(\.values) == Self.awkwardRows)
        #expect(result.rows.map(\.line) == [2, 3, 6, 7])  // row 2 holds two line feeds
    }

    @Test func quotesOnlyWhenNeeded() throws {
        let path = TestPaths.temporaryDirectory("csvw").appendingPathComponent("t.csv").path
        let writer = try CSVWriter(path: path)
        for row in Self.awkwardRows { try writer.writeRow(row) }
        try writer.close()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = [
            #"plain,,"with, comma","say ""hi""""#,
            "\"line\nbreak\",\"crlf\r\ninside\",\" lead\",\"trail \"",
            #""tab\#t",José 李 — ünïcödé,"""",",""#,
            ",,,x",
        ]
        #expect(text == expected.map { $0 + "\n" }.joined())
    }

    @Test func crlfAndByteOrderMark() throws {
        let path = TestPaths.temporaryDirectory("csvw").appendingPathComponent("t.csv").path
        let writer = try CSVWriter(path: path, options: .init(lineEnding: "\r\n", byteOrderMark: true))
        try writer.writeRow(["A", "B"])
        try writer.writeRow(["1", "x y"])
        try writer.close()
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes == [0xEF, 0xBB, 0xBF] + Array("A,B\r\n1,x y\r\n".utf8))
    }

    @Test func largeOutputIsComplete() throws {
        // More than the 1 MiB buffer, so several flushes happen.
        let path = TestPaths.temporaryDirectory("csvw").appendingPathComponent("t.csv").path
        let writer = try CSVWriter(path: path)
        try writer.writeRow(["N", "TEXT"])
        for i in 0..<50_000 { try writer.writeRow([String(i), "value, \(i)"]) }
        try writer.close()
        let result = try readAll(path)
        #expect(result.rows.count == 50_000)
        #expect(result.rows.last == RawRow(line: 50_001, values: ["49999", "value, 49999"]))
    }

    @Test func missingFolderThrows() {
        let path = TestPaths.temporaryDirectory("csvw").appendingPathComponent("no/such/dir/t.csv").path
        #expect(throws: TrialExportError.writeFailed(path: path, detail: "No such file or directory")) {
            _ = try CSVWriter(path: path)
        }
    }

    @Test func fullDiskIsReportedOnClose() throws {
        // /dev/full accepts the open and fails every write with ENOSPC.
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let writer = try CSVWriter(path: "/dev/full")
        try writer.writeRow(["A", "B"])
        #expect(throws: TrialExportError.writeFailed(path: "/dev/full", detail: "No space left on device")) {
            try writer.close()
        }
    }

    @Test func datasetGolden() throws {
        let variables = [
            VariableMetadata(dataset: "DM", order: 1, name: "STUDYID", label: "Study Identifier", type: .char, core: .req),
            VariableMetadata(
                dataset: "DM", order: 2, name: "USUBJID", label: "Unique Subject Identifier", type: .char, core: .req),
            VariableMetadata(dataset: "DM", order: 3, name: "AGE", label: "Age", type: .num, core: .exp),
            VariableMetadata(dataset: "DM", order: 4, name: "RACE", label: "Race", type: .char, core: .exp),
        ]
        let dataset = Dataset(
            name: "DM", label: "Demographics", keys: ["STUDYID", "USUBJID"], variables: variables,
            rows: [
                ["ST-01", "ST-01-001", "64", "ASIAN"],
                ["ST-01", "ST-01-002", "", "BLACK OR AFRICAN AMERICAN"],
                ["ST-01", "ST-01-003", "12.5", "OTHER, \"MIXED\""],
            ])
        let path = TestPaths.temporaryDirectory("csvw").appendingPathComponent("dm.csv").path
        try DatasetCSVWriter.write(dataset, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = [
            "STUDYID,USUBJID,AGE,RACE",
            "ST-01,ST-01-001,64,ASIAN",
            "ST-01,ST-01-002,,BLACK OR AFRICAN AMERICAN",
            #"ST-01,ST-01-003,12.5,"OTHER, ""MIXED""""#,
        ]
        #expect(text == expected.map { $0 + "\n" }.joined())
    }
}
