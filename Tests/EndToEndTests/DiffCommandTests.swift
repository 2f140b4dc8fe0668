import Foundation
import TestSupport
import Testing

/// Runs `trialexport diff` as a user or a CI job would.
struct DiffCommandTests {
    static let dm = "STUDYID,DOMAIN,USUBJID,AGE\nS1,DM,S1-001,54\nS1,DM,S1-002,61\n"
    static let ae =
        "STUDYID,DOMAIN,USUBJID,AESEQ,AEDECOD,AESTDTC\nS1,AE,S1-001,1,HEADACHE,2024-01-02\nS1,AE,S1-001,2,NAUSEA,2024-01-03\n"
    /// The same AE records with AESEQ renumbered and the rows swapped.
    static let aeRenumbered =
        "STUDYID,DOMAIN,USUBJID,AESEQ,AEDECOD,AESTDTC\nS1,AE,S1-001,1,NAUSEA,2024-01-03\nS1,AE,S1-001,2,HEADACHE,2024-01-02\n"

    static func export(_ files: [String: String]) throws -> String {
        let csv = TestPaths.temporaryDirectory("diff-e2e").appendingPathComponent("csv")
        try FileManager.default.createDirectory(at: csv, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: csv.appendingPathComponent(name)) }
        return csv.deletingLastPathComponent().path
    }

    @Test func identicalExportsExitZero() throws {
        let old = try Self.export(["dm.csv": Self.dm, "ae.csv": Self.ae])
        let new = try Self.export(["dm.csv": Self.dm, "ae.csv": Self.aeRenumbered])
        let result = try BinaryRunner.run(["diff", old, new])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("identical: 2 datasets compared, 0 differ, 0 added, 0 removed\n"))
        #expect(result.stdout.contains("AE  identical (2 records; AESEQ renumbered in 2)"))
        #expect(result.stderr.isEmpty)
    }

    @Test func differentExportsExitOneWithJSONOnStdout() throws {
        let old = try Self.export(["dm.csv": Self.dm, "ae.csv": Self.ae])
        let new = try Self.export([
            "dm.csv": Self.dm.replacingOccurrences(of: ",61", with: ",62"),
            "ts.csv": "STUDYID,TSPARMCD\nS1,TITLE\n",
        ])
        let result = try BinaryRunner.run(["diff", old, new, "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(root["identical"] as? Bool == false)
        #expect(root["old"] as? String == old)
        #expect((root["datasetsAdded"] as? [[String: Any]])?.map { $0["name"] as? String } == ["TS"])
        #expect((root["datasetsRemoved"] as? [[String: Any]])?.map { $0["name"] as? String } == ["AE"])
        let dm = try #require((root["datasets"] as? [[String: Any]])?.first)
        #expect(dm["name"] as? String == "DM")
        let change = try #require((dm["changed"] as? [[String: Any]])?.first)
        #expect(change["key"] as? [String: String] == ["STUDYID": "S1", "USUBJID": "S1-002"])
        #expect(change["changes"] as? [[String: String]] == [["variable": "AGE", "old": "61", "new": "62"]])
        #expect(result.stderr.isEmpty)
    }

    @Test func jsonOutputIsTheSameOnEveryRun() throws {
        let old = try Self.export(["dm.csv": Self.dm, "ae.csv": Self.ae])
        let new = try Self.export(["dm.csv": Self.dm.replacingOccurrences(of: "54", with: "55"), "ae.csv": Self.aeRenumbered])
        let first = try BinaryRunner.run(["diff", old, new, "--format", "json"])
        let second = try BinaryRunner.run(["diff", old, new, "--format", "json"])
        #expect(first.status == 1)
        #expect(first.stdout == second.stdout)
    }

    @Test func markdownFormatWritesTables() throws {
        let old = try Self.export(["dm.csv": Self.dm])
        let new = try Self.export(["dm.csv": Self.dm.replacingOccurrences(of: "54", with: "55")])
        let result = try BinaryRunner.run(["diff", old + "/csv/dm.csv", new + "/csv/dm.csv", "--format", "markdown"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("| DM | differs | 2 | 2 | 1 | 0 | 0 |"))
        #expect(result.stdout.contains("| STUDYID=S1, USUBJID=S1-001 | 2, 2 | `AGE`: 54 → 55 |"))
    }

    @Test func markdownIsCutAtMaxBytesWithANote() throws {
        let old = try Self.export(["dm.csv": Self.dm])
        let new = try Self.export(["dm.csv": Self.dm.replacingOccurrences(of: "54", with: "55")])
        let result = try BinaryRunner.run(["diff", old, new, "--format", "markdown", "--max-bytes", "500"])
        #expect(result.status == 1)
        #expect(result.stdout.utf8.count <= 500)
        #expect(
            result.stdout.contains("*Cut at 500 bytes (--max-bytes): 1 of 1 changed, added or removed records are not shown."))
    }

    @Test func missingFolderExitsTwoNamingThePath() throws {
        let new = try Self.export(["dm.csv": Self.dm])
        let missing = new + "-missing"
        let result = try BinaryRunner.run(["diff", missing, new])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(missing))
    }

    @Test func unreadableCSVExitsTwoNamingTheFile() throws {
        let old = try Self.export(["dm.csv": Self.dm])
        let new = try Self.export(["dm.csv": "STUDYID,USUBJID\nS1,\"S1-001\n"])
        let result = try BinaryRunner.run(["diff", old, new])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(new + "/csv/dm.csv:2"))
    }

    @Test func missingStandardsExitTwo() throws {
        let old = try Self.export(["dm.csv": Self.dm])
        let result = try BinaryRunner.run(["diff", old, old, "--standards", old + "/no-standards"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(old + "/no-standards/sdtmig-3.4.json"))
    }
}
