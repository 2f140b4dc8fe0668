import Testing

@testable import TrialExportCore

/// Other domains find a subject's DM record by the raw subject of DM's form, not by SUBJID.
struct SubjectLinkTests {
    func dm(sources: [(String, Int)]?) -> Dataset {
        var dataset = Dataset(
            name: "DM", label: "Demographics", keys: ["USUBJID"],
            variables: [
                MappingFixtures.variable(1, "SUBJID", core: .req), MappingFixtures.variable(2, "USUBJID", core: .req),
            ],
            rows: [["S-A", "X-S-A"], ["S-B", "X-S-B"]])
        if let sources {
            var made = RecordSources()
            for (file, line) in sources { made.append(file: file, lines: [line]) }
            dataset.sources = made
        }
        return dataset
    }

    @Test func dmRecordsAreFoundByTheirRawSubject() {
        let context = MappingFixtures.context(raw: MappingFixtures.raw())
        // DM's records were sorted: the first came from line 3 (101-0002), the second from line 2.
        context.setDemographics(dm(sources: [("dm.csv", 3), ("dm.csv", 2)]))
        #expect(context.subjects["101-0002"] == 0 && context.subjects["101-0001"] == 1)
        #expect(context.subjects["S-A"] == nil && context.subjects.count == 2)
    }

    @Test func withoutSourcesSUBJIDLinksAsBefore() {
        let context = MappingFixtures.context(raw: MappingFixtures.raw())
        context.setDemographics(dm(sources: nil))
        #expect(context.subjects == ["S-A": 0, "S-B": 1])
    }

    @Test func theFormsOwnSubjectColumnIsUsed() {
        let base = MappingFixtures.raw()
        let raw = RawData(
            tables: Array(base.tables.values), subjectColumn: "Subject", subjectColumns: ["dm": "SiteNumber"])
        let context = MappingFixtures.context(raw: raw)
        context.setDemographics(dm(sources: [("dm.csv", 2), ("ex.csv", 2)]))
        #expect(context.subjects["101"] == 0, "dm's subject column is SiteNumber")
        #expect(context.subjects["101-0001"] == 1, "ex.csv line 2 is 101-0001 in ex's subject column")
    }
}
