import Foundation
import Testing
import TrialExportCore

struct DiffRendererTests {
    typealias F = DiffFixtures

    /// AE with one changed, one added and one removed record, DM identical, TS added, TE removed.
    static let sample: ExportDiff = {
        let new = F.table(
            "ae",
            [
                F.aeHeader,
                "S1,AE,S1-001,1,NAUSEA,2024-01-03,MILD",
                "S1,AE,S1-001,2,HEADACHE,2024-01-02,",
                "S1,AE,S1-003,1,RASH,2024-02-01,MILD",
            ])
        let ae = DatasetDiff.compare(old: F.aeOld, new: new, metadata: F.ae)
        let dmTable = F.table("dm", ["STUDYID,USUBJID", "S1,S1-001"])
        let dm = DatasetDiff.compare(
            old: dmTable, new: dmTable, metadata: F.metadata("DM", keys: ["STUDYID", "USUBJID"], variables: []))
        return ExportDiff(
            old: "old", new: "new", datasetsAdded: [.init(name: "TS", records: 4)],
            datasetsRemoved: [.init(name: "TE", records: 2)], datasets: [dm, ae])
    }()

    @Test func textListsASummaryLinePerDatasetThenTheRecords() {
        let expected = """
            AE  differs: 1 changed, 1 added, 1 removed (3 -> 3 records)
            DM  identical (1 records)
            TE  dataset removed (2 records)
            TS  dataset added (4 records)
            different: 2 datasets compared, 1 differs, 1 added, 1 removed

            AE  matched by STUDYID, USUBJID, AEDECOD, AESTDTC
            AE  note: AESEQ differs in 2 matched record(s) (renumbering; not listed)
            AE  changed  STUDYID=S1, USUBJID=S1-001, AEDECOD=HEADACHE, AESTDTC=2024-01-02  (line 2 -> 3)
                  AESEV: MILD -> ""
            AE  added    STUDYID=S1, USUBJID=S1-003, AEDECOD=RASH, AESTDTC=2024-02-01  (new line 4)
            AE  removed  STUDYID=S1, USUBJID=S1-002, AEDECOD=FATIGUE, AESTDTC=2024-01-05  (old line 4)

            """
        #expect(DiffTextRenderer.render(Self.sample) == expected)
    }

    @Test func identicalExportSaysSo() {
        let diff = ExportDiff(old: "a", new: "b", datasets: [DatasetDiff.compare(old: F.aeOld, new: F.aeOld, metadata: F.ae)])
        #expect(
            DiffTextRenderer.render(diff)
                == "AE  identical (3 records)\nidentical: 1 dataset compared, 0 differ, 0 added, 0 removed\n")
    }

    @Test func markdownHasASummaryTableAndTablesPerDataset() {
        let text = DiffMarkdownRenderer.render(Self.sample)
        #expect(
            text.contains(
                "| AE | differs | 3 | 3 | 1 | 1 | 1 |\n| DM | identical | 1 | 1 | 0 | 0 | 0 |\n"
                    + "| TE | removed | 2 | 0 | 0 | 0 | 0 |\n| TS | added | 0 | 4 | 0 | 0 | 0 |\n"))
        #expect(text.contains("## AE\n"))
        #expect(!text.contains("## DM"))
        #expect(
            text.contains(
                "| Key | Lines (old, new) | Changes |\n|---|---|---|\n"
                    + "| STUDYID=S1, USUBJID=S1-001, AEDECOD=HEADACHE, AESTDTC=2024-01-02 | 2, 3 | `AESEV`: MILD → *null* |"))
        // The summary comes before any dataset's records.
        #expect(text.range(of: "| AE | differs")!.lowerBound < text.range(of: "## AE")!.lowerBound)
        #expect(
            text.contains(
                "### Added records\n\n| Key | Line |\n|---|---|\n| STUDYID=S1, USUBJID=S1-003, AEDECOD=RASH, AESTDTC=2024-02-01 | 4 |"
            ))
    }

    @Test func markdownEscapesPipesAndLineEnds() {
        let old = F.table("ae", [F.aeHeader, "S1,AE,S1-001,1,HEADACHE,2024-01-02,A|B"])
        let new = F.table("ae", [F.aeHeader, "S1,AE,S1-001,1,HEADACHE,2024-01-02,C\nD"])
        let text = DiffMarkdownRenderer.render(
            ExportDiff(
                old: "a", new: "b",
                datasets: [DatasetDiff.compare(old: old, new: new, metadata: F.ae)]))
        #expect(text.contains("`AESEV`: A\\|B → C<br>D |"))
    }

    @Test func markdownGroupsARecordsChangesInOneRow() {
        var header = F.aeHeader
        header += ",AEOUT"
        let oldTwo = F.table("ae", [header, "S1,AE,S1-001,1,HEADACHE,2024-01-02,MILD,NOT RECOVERED"])
        let newTwo = F.table("ae", [header, "S1,AE,S1-001,1,HEADACHE,2024-01-02,SEVERE,RECOVERED"])
        let text = DiffMarkdownRenderer.render(
            ExportDiff(old: "a", new: "b", datasets: [DatasetDiff.compare(old: oldTwo, new: newTwo, metadata: F.ae)]))
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| STUDYID=S1") }
        #expect(rows.count == 1)
        #expect(rows.first?.hasSuffix("`AESEV`: MILD → SEVERE<br>`AEOUT`: NOT RECOVERED → RECOVERED |") == true, "\(text)")
    }

    @Test(arguments: [600, 1_000, 2_000])
    func markdownIsCutAtTheByteLimitWithANote(limit: Int) {
        let full = DiffMarkdownRenderer.render(Self.sample)
        let cut = DiffMarkdownRenderer.render(Self.sample, maxBytes: limit)
        #expect(cut.utf8.count <= limit)
        if full.utf8.count > limit {
            #expect(cut.contains("*Cut at \(limit) bytes (--max-bytes):"))
            #expect(cut.contains("| AE | differs"), "the summary is kept")
        } else {
            #expect(cut == full)
        }
        #expect(DiffMarkdownRenderer.render(Self.sample, maxBytes: 0) == full)
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let data = try DiffJSON.render(Self.sample)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["schemaVersion"] as? Int == 1)
        #expect(root["identical"] as? Bool == false)
        #expect((root["datasetsAdded"] as? [[String: Any]])?.first?["name"] as? String == "TS")
        #expect((root["datasetsRemoved"] as? [[String: Any]])?.first?["records"] as? Int == 2)
        let datasets = try #require(root["datasets"] as? [[String: Any]])
        #expect(datasets.map { $0["name"] as? String } == ["AE", "DM"])
        let change = try #require((datasets[0]["changed"] as? [[String: Any]])?.first)
        #expect(
            change["key"] as? [String: String] == [
                "STUDYID": "S1", "USUBJID": "S1-001", "AEDECOD": "HEADACHE", "AESTDTC": "2024-01-02",
            ])
        #expect(change["changes"] as? [[String: String]] == [["variable": "AESEV", "old": "MILD", "new": ""]])
        #expect(datasets[0]["sequenceRenumbered"] as? Int == 2)
        let added = try #require((datasets[0]["added"] as? [[String: Any]])?.first)
        #expect((added["values"] as? [String: String])?["AEDECOD"] == "RASH")
        #expect(added["line"] as? Int == 4)
    }

    @Test func jsonIsByteStable() throws {
        #expect(try DiffJSON.render(Self.sample) == DiffJSON.render(Self.sample))
        let text = String(decoding: try DiffJSON.render(Self.sample), as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"datasets\" : ["))
        #expect(text.hasSuffix("\"schemaVersion\" : 1\n}\n"))
    }

    @Test(arguments: [
        ("MILD", "MILD"),
        ("", "\"\""),
        (" MILD", "\" MILD\""),
        ("A -> B", "\"A -> B\""),
        ("Headache, severe", "\"Headache, severe\""),
        ("two\nlines", "\"two\\nlines\""),
        ("say \"hi\"", "say \"hi\""),
        ("\"quoted\"", "\"\\\"quoted\\\"\""),
    ])
    func displayQuotesOnlyWhatCouldBeMisread(value: String, shown: String) {
        #expect(DiffText.display(value) == shown)
    }
}

@Suite("Plural")
struct PluralTests {
    @Test(arguments: [(0, "0 errors"), (1, "1 error"), (2, "2 errors")])
    func countsInWords(count: Int, expected: String) {
        #expect(Plural.count(count, "error") == expected)
    }

    @Test func irregularPlural() {
        #expect(Plural.count(3, "subject study", plural: "subject studies") == "3 subject studies")
    }
}
