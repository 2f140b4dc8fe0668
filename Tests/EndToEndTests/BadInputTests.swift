import Foundation
import TestSupport
import Testing
import TrialExportIO

/// Broken copies of the example's EDC data: each problem is reported with file, line, column and
/// value, nothing is lost, and the exit code says so.
struct BadInputTests {
    /// A copy of the example EDC folder with `edit` applied to one form's text.
    func brokenCopy(_ form: String, _ edit: (String) -> String) throws -> URL {
        let source = TestPaths.repositoryRoot.appendingPathComponent("examples/NCT05549466/edc")
        let copy = TestPaths.temporaryDirectory("bad").appendingPathComponent("edc")
        try FileManager.default.copyItem(at: source, to: copy)
        let file = copy.appendingPathComponent("\(form).csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        try edit(text).write(to: file, atomically: true, encoding: .utf8)
        return copy
    }

    func export(_ raw: URL) throws -> (BinaryRunner.Result, URL) {
        let out = raw.deletingLastPathComponent().appendingPathComponent("out")
        return (try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--quiet"]), out)
    }

    func findings(_ out: URL) throws -> [[String: String]] {
        var header: [String] = [], rows: [[String: String]] = []
        try CSVReader(path: out.appendingPathComponent("findings.csv").path).read(
            header: { header = $0 }, record: { rows.append(Dictionary(uniqueKeysWithValues: zip(header, $0.values))) })
        return rows
    }

    /// Replaces the first occurrence of `old` on the line of `subject` in the text.
    func replacing(_ old: String, with new: String, onLineOf subject: String) -> (String) -> String {
        { text in
            var lines = text.components(separatedBy: "\r\n")
            let i = lines.firstIndex { $0.contains(",\(subject),") }!
            lines[i] = lines[i].replacingOccurrences(of: old, with: new)
            return lines.joined(separator: "\r\n")
        }
    }

    @Test func valueMissingFromTheCTMapIsAnErrorWithFileLineColumnAndValue() throws {
        let (result, out) = try export(try brokenCopy("dm", replacing(",Male,", with: ",Mle,", onLineOf: "101-0001")))
        #expect(result.status == 1)
        let f = try #require(try findings(out).first { $0["Code"] == "MAP0001" })
        #expect(f["File"] == "dm.csv" && f["Line"] == "2" && f["Column"] == "SEX" && f["Value"] == "Mle")
        #expect(f["Severity"] == "error" && f["Hint"]!.contains("ct-map.yaml"))
        #expect(result.stderr.contains("dm.csv:2"), "errors are listed on standard error too")
    }

    @Test func impossibleDateIsAnError() throws {
        let (result, out) = try export(try brokenCopy("dm", replacing("15 JUN 1974", with: "31 JUN 1974", onLineOf: "101-0001")))
        #expect(result.status == 1)
        let f = try #require(try findings(out).first { $0["Code"] == "MAP0002" })
        #expect(f["Line"] == "2" && f["Column"] == "BRTHDAT" && f["Value"] == "31 JUN 1974" && f["Variable"] == "BRTHDTC")
    }

    @Test func missingRequiredValueIsAnError() throws {
        let (result, out) = try export(
            try brokenCopy(
                "ae",
                { text in
                    var lines = text.components(separatedBy: "\r\n")
                    var fields = lines[1].components(separatedBy: ",")
                    fields[3] = ""  // AETERM
                    lines[1] = fields.joined(separator: ",")
                    return lines.joined(separator: "\r\n")
                }))
        #expect(result.status == 1)
        #expect(try findings(out).contains { $0["Code"] == "CHK0001" && $0["Variable"] == "AETERM" && $0["Domain"] == "AE" })
    }

    @Test func raggedRowIsRejectedAndAccountedFor() throws {
        let (result, out) = try export(
            try brokenCopy(
                "ae",
                { text in
                    var lines = text.components(separatedBy: "\r\n")
                    lines[1] += ",extra"
                    return lines.joined(separator: "\r\n")
                }))
        #expect(result.status == 1)
        let f = try #require(try findings(out).first { $0["Code"] == "RAW0001" })
        #expect(f["File"] == "ae.csv" && f["Line"] == "2")
        var rows: [[String]] = []
        try CSVReader(path: out.appendingPathComponent("reconciliation.csv").path).read(
            header: { _ in }, record: { rows.append($0.values) })
        let ae = try #require(rows.first { $0[0] == "form" && $0[1] == "ae" })
        #expect(ae[4] == "1", "one record rejected")
        #expect(
            Int(ae[3]) == Int(ae[4])! + Int(ae[5])! + Int(ae[6])! + Int(ae[7])!,
            "read = rejected + mapped + excluded + not mapped")
        #expect(ae[8].contains("rejected line"))
    }

    @Test func missingColumnStopsTheRunNamingFileAndColumn() throws {
        let raw = try brokenCopy("dm", { $0.replacingOccurrences(of: ",SEX,", with: ",GENDER,") })
        let out = raw.deletingLastPathComponent().appendingPathComponent("out")
        try AtomicExportTests.writePreviousExport(out)  // an earlier export (marked) holding the file "marker"
        let result = try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("dm.csv") && result.stderr.contains("\"SEX\""))
        #expect(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("marker").path),
            "the previous export is left as it was")
    }

    @Test func unterminatedQuoteStopsTheRunWithTheLine() throws {
        var lineCount = 0
        let raw = try brokenCopy(
            "ae",
            { text in
                let trimmed = text.hasSuffix("\r\n") ? String(text.dropLast(2)) : text
                lineCount = trimmed.components(separatedBy: "\r\n").count + 1
                return trimmed + "\r\n101,101-0002,99,\"Fatigue,Fatigue\r\n"
            })
        let (result, _) = try export(raw)
        #expect(result.status == 1)
        #expect(result.stderr.contains("ae.csv:\(lineCount):") && result.stderr.contains("never closed"), "\(result.stderr)")
    }
}
