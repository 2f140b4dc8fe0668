import Foundation
import TestSupport
import Testing
import TrialExportCore

@testable import TrialExportIO

/// Writes `bytes` to a new temporary file and returns its path.
func writeFixture(_ bytes: [UInt8], name: String = "form.csv") -> String {
    let path = TestPaths.temporaryDirectory("csv").appendingPathComponent(name).path
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
}

func writeFixture(_ text: String, name: String = "form.csv") -> String {
    writeFixture(Array(text.utf8), name: name)
}

/// Reads a whole file with `CSVReader`: header and records.
func readAll(_ path: String, chunkSize: Int = 64 * 1024) throws -> (header: [String], rows: [RawRow]) {
    var header: [String] = []
    var rows: [RawRow] = []
    var reader = CSVReader(path: path)
    reader.chunkSize = chunkSize
    try reader.read(header: { header = $0 }, record: { rows.append($0) })
    return (header, rows)
}

struct CSVReaderTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: [UInt8]
        let header: [String]
        let rows: [RawRow]
        var testDescription: String { name }

        init(_ name: String, _ text: String, header: [String], rows: [(Int, [String])]) {
            self.init(name, Array(text.utf8), header: header, rows: rows)
        }

        init(_ name: String, _ input: [UInt8], header: [String], rows: [(Int, [String])]) {
            self.name = name
            self.input = input
            self.header = header
            self.rows = rows.map { RawRow(line: $0.0, values: $0.1) }
        }
    }

    static let cases: [Case] = [
        Case("LF", "A,B\n1,2\n3,4\n", header: ["A", "B"], rows: [(2, ["1", "2"]), (3, ["3", "4"])]),
        Case("CRLF", "A,B\r\n1,2\r\n3,4\r\n", header: ["A", "B"], rows: [(2, ["1", "2"]), (3, ["3", "4"])]),
        Case(
            "BOM and CRLF", [0xEF, 0xBB, 0xBF] + Array("A,B\r\n1,2\r\n".utf8),
            header: ["A", "B"], rows: [(2, ["1", "2"])]),
        Case("no final line end", "A,B\n1,2", header: ["A", "B"], rows: [(2, ["1", "2"])]),
        Case(
            "quoted comma and doubled quote", "A,B\n\"x, y\",\"say \"\"hi\"\"\"\n",
            header: ["A", "B"], rows: [(2, ["x, y", "say \"hi\""])]),
        Case(
            "quoted newlines shift later lines", "A,B\n\"one\ntwo\nthree\",x\n5,6\n",
            header: ["A", "B"], rows: [(2, ["one\ntwo\nthree", "x"]), (5, ["5", "6"])]),
        Case(
            "quoted CRLF kept", "A,B\r\n1,\"a\r\nb\"\r\n7,8\r\n",
            header: ["A", "B"], rows: [(2, ["1", "a\r\nb"]), (4, ["7", "8"])]),
        Case(
            "blank lines skipped", "A,B\n\n1,2\n,\n\r\n3,4\n\n",
            header: ["A", "B"], rows: [(3, ["1", "2"]), (6, ["3", "4"])]),
        Case("empty fields kept", "A,B,C\n,2,\n", header: ["A", "B", "C"], rows: [(2, ["", "2", ""])]),
        Case("spaces kept", "A,B\n a , b\n", header: ["A", "B"], rows: [(2, [" a ", " b"])]),
        Case("UTF-8 text", "NAME\nJosé 李\n", header: ["NAME"], rows: [(2, ["José 李"])]),
        Case("header only", "A,B\n", header: ["A", "B"], rows: []),
        Case("blank lines before header", "\n\nA\n1\n", header: ["A"], rows: [(4, ["1"])]),
        Case("CR only", "A,B\r1,2\r\r3,4\r", header: ["A", "B"], rows: [(2, ["1", "2"]), (4, ["3", "4"])]),
        Case(
            "CR only, quoted CR counts as a line", "A,B\r1,\"a\rb\"\r5,6", header: ["A", "B"],
            rows: [(2, ["1", "a\rb"]), (4, ["5", "6"])]),
        Case(
            "mixed CRLF, LF and CR", "A,B\r\n1,2\n3,4\r5,6\r\n", header: ["A", "B"],
            rows: [(2, ["1", "2"]), (3, ["3", "4"]), (4, ["5", "6"])]),
        Case(
            "control characters kept", [0x41, 0x0A, 0x78, 0x00, 0x79, 0x0A, 0x01, 0x0A], header: ["A"],
            rows: [(2, ["x\0y"]), (3, ["\u{1}"])]),
        Case(
            "byte-order mark at a line start and in a field removed",
            Array("A,B\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("1,\"q\"\n".utf8) + Array("2,x".utf8) + [0xEF, 0xBB, 0xBF]
                + Array("y\n".utf8),
            header: ["A", "B"], rows: [(2, ["1", "q"]), (3, ["2", "xy"])]),
    ]

    @Test(arguments: cases)
    func parses(_ c: Case) throws {
        let path = writeFixture(c.input)
        let result = try readAll(path)
        #expect(result.header == c.header)
        #expect(result.rows == c.rows)
    }

    @Test(arguments: cases)
    func parsesWithTinyChunks(_ c: Case) throws {
        // Chunks of 1..5 bytes split lines, CRLF pairs, quotes and multi-byte characters.
        let path = writeFixture(c.input)
        for size in 4...6 {
            let result = try readAll(path, chunkSize: size)
            #expect(result.header == c.header)
            #expect(result.rows == c.rows)
        }
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        let name: String
        let input: [UInt8]
        let error: @Sendable (String) -> TrialExportError
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(name: "empty file", input: [], error: { .emptyFile(path: $0) }),
        BadCase(name: "BOM only", input: [0xEF, 0xBB, 0xBF], error: { .emptyFile(path: $0) }),
        BadCase(name: "blank lines only", input: Array("\r\n\n".utf8), error: { .emptyFile(path: $0) }),
        BadCase(
            name: "unterminated quote", input: Array("A,B\n1,2\n3,\"open\nmore\n4,5\n".utf8),
            error: { .unterminatedQuote(path: $0, line: 3) }),
        BadCase(
            name: "invalid UTF-8 in column 2", input: Array("A,B\n1,2\nx,".utf8) + [0xC3, 0x28] + Array("\n".utf8),
            error: { .invalidUTF8(path: $0, line: 3, column: 2, columnName: "B", bytes: "\\xC3(") }),
        BadCase(
            name: "invalid UTF-8 after multi-line field",
            input: Array("A,B,C\n\"a\nb\",ok,".utf8) + [0xFF] + Array("\n".utf8),
            error: { .invalidUTF8(path: $0, line: 3, column: 3, columnName: "C", bytes: "\\xFF") }),
        BadCase(
            name: "quote inside unquoted field", input: Array("A,B\n1,2\n3,4\"5\n".utf8),
            error: {
                .malformedCSV(
                    path: $0, line: 3,
                    detail:
                        "a '\"' appears inside an unquoted field or right after a closing quote; double it (\"\") inside a quoted field"
                )
            }),
    ]

    @Test(arguments: badCases)
    func rejects(_ c: BadCase) throws {
        let path = writeFixture(c.input)
        #expect(throws: c.error(path)) { try readAll(path) }
        #expect(throws: c.error(path)) { try readAll(path, chunkSize: 4) }
    }

    @Test func missingFileIsNotFound() {
        let path = TestPaths.temporaryDirectory("csv").appendingPathComponent("absent.csv").path
        #expect(throws: TrialExportError.fileNotFound(path: path, what: "CSV file")) { try readAll(path) }
    }

    @Test func errorFromRecordClosureStopsReading() throws {
        struct Stop: Error {}
        let path = writeFixture("A\n1\n2\n3\n")
        var seen: [String] = []
        #expect(throws: Stop.self) {
            try CSVReader(path: path).read(
                header: { _ in },
                record: { row in
                    seen.append(row.values[0])
                    if row.values[0] == "2" { throw Stop() }
                })
        }
        #expect(seen == ["1", "2"])
    }
}

/// What the reader notices without refusing it, and how it counts line ends.
struct CSVReaderNoticeTests {
    func notices(_ bytes: [UInt8], chunkSize: Int = 64 * 1024) throws -> ([CSVNotice], CSVLineEnds) {
        var reader = CSVReader(path: writeFixture(bytes))
        reader.chunkSize = chunkSize
        var found: [CSVNotice] = []
        let ends = try reader.read(header: { _ in }, record: { _ in }, notice: { found.append($0) })
        return (found, ends)
    }

    @Test func controlCharactersAndByteOrderMarksAreNoticedWhereTheyAre() throws {
        let input =
            Array("A,B\r\n1,ok\r\n\"x\r\n".utf8) + [0x00] + Array("\",2\r\n".utf8) + [0xEF, 0xBB, 0xBF]
            + Array("3,a".utf8) + [0xEF, 0xBB, 0xBF, 0x7F] + Array("\r\n".utf8)
        for size in [4, 5, 64 * 1024] {
            let (found, ends) = try notices(input, chunkSize: size)
            #expect(
                found == [
                    CSVNotice(kind: .controlCharacters, line: 3, column: 1, value: "x\r\n\0"),
                    CSVNotice(kind: .byteOrderMark, line: 5, column: 1, value: "\u{FEFF}3"),
                    CSVNotice(kind: .byteOrderMark, line: 5, column: 2, value: "a\u{FEFF}\u{7F}"),
                    CSVNotice(kind: .controlCharacters, line: 5, column: 2, value: "a\u{7F}"),
                ])
            // The CRLF inside the quoted field is text, not a line end between records.
            #expect(ends.counts == [.crlf: 4] && !ends.isMixed)
        }
    }

    @Test func tabsAndQuotedLineBreaksAreText() throws {
        let (found, _) = try notices(Array("A,B\n\"a\tb\",\"c\nd\"\n".utf8))
        #expect(found.isEmpty)
    }

    @Test func lineEndStylesAreCountedWithTheirFirstLine() throws {
        for size in [4, 5, 64 * 1024] {
            let (_, ends) = try notices(Array("A\r\n1\n2\r3\r\n4\r".utf8), chunkSize: size)
            #expect(ends.counts == [.crlf: 2, .lf: 1, .cr: 2])
            #expect(ends.firstLine == [.crlf: 1, .lf: 2, .cr: 3])
            #expect(ends.isMixed)
        }
    }

    @Test func invalidUTF8ShowsTheBytes() throws {
        let path = writeFixture(Array("A,B\n1,Caf".utf8) + [0xE9] + Array(" noir\n".utf8))
        let error = #expect(throws: TrialExportError.self) { try readAll(path) }
        #expect(error?.description.hasPrefix("\(path):2: column 2 (B): the bytes are not valid UTF-8: \"Caf\\xE9 noir\"") == true)
    }
}
