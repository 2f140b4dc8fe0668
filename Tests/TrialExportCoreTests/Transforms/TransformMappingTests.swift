import Testing

@testable import TrialExportCore

/// Transforms, multi_select, filtered lookups and seqOrder through the mapper, on tiny forms.
struct TransformMappingTests {
    typealias F = MappingFixtures

    static let metadata = DatasetMetadata(
        name: "DM", label: "Demographics", structure: "One record per subject", keys: ["STUDYID", "USUBJID"],
        variables: F.dmMetadata.variables + [F.variable(24, "RACE", core: .exp)])

    /// Runs a DM spec of `variables` over form `dm` (`Subject` plus `columns`) with optional lookups.
    func map(
        _ variables: [VariableSpec], columns: [String], rows: [[String]], lookups: [Lookup]? = nil,
        visits: [[String]] = [], seqOrder: [String]? = nil
    ) throws -> (Dataset, [Finding]) {
        let raw = RawData(
            tables: [
                F.table("dm", ["Subject"] + columns, rows),
                F.table("vs", ["Subject", "VISIT", "VSDAT", "ARM"], visits),
            ], subjectColumn: "Subject")
        let context = MappingContext(
            study: F.study, ctMap: CTMap(["RACE": ["Asian": "ASIAN", "White": "WHITE"]]),
            metadata: StandardMetadata(version: "test", datasets: ["DM": Self.metadata]), terminology: F.terminology,
            raw: raw, cutoff: nil, ctMapPath: "ct-map.yaml", studyPath: "study.yaml")
        var block = RecordSpec(
            form: "dm", variables: [VariableSpec(variable: "USUBJID", algorithm: .assignNoCT, from: "Subject")] + variables)
        block.lookups = lookups
        var spec = DomainSpec(domain: "DM", subjectColumn: "Subject", records: [block])
        spec.seqOrder = seqOrder
        let findings = FindingCollector()
        var reconciliation = Reconciliation()
        let dataset = try DomainMapper(context: context, spec: spec, findings: findings).map(into: &reconciliation)
        return (dataset, findings.findings)
    }

    func transformed(_ algorithm: Algorithm, from: String?, _ steps: [TransformStep], value: String? = nil) -> VariableSpec {
        var v = VariableSpec(variable: "SITEID", algorithm: algorithm, from: from, value: value)
        v.transform = steps
        return v
    }

    @Test func siteFromSubjectNumberAndFailureIsReportedAtItsCell() throws {
        let (dm, findings) = try map(
            [transformed(.assignNoCT, from: "Subject", [.regexExtract(pattern: "^(\\d+)-\\d+$", group: 1)])],
            columns: [], rows: [["101-003"], ["X7"]])
        #expect(dm.value("SITEID", row: 0) == "101")
        #expect(dm.value("SITEID", row: 1) == "", "no match: null, with a finding")
        #expect(findings.map(\.code) == ["MAP0020"])
        let f = try #require(findings.first)
        #expect(f.file == "dm.csv" && f.line == 3 && f.column == "Subject" && f.value == "X7")
        #expect(f.message.contains("regex_extract") && f.message.contains("\"X7\""))
    }

    @Test func aTermMatchedOnlyInOtherCaseIsUsedWithOneNotePerValue() throws {
        // SEX has no entry in this study's CT map, so only the codelist can match.
        let sex = VariableSpec(variable: "SEX", algorithm: .assignCT, from: "S", codelist: "SEX")
        let (dm, findings) = try map([sex], columns: ["S"], rows: [["1", "f"], ["2", "f"], ["3", "F"]])
        #expect((0..<3).map { dm.value("SEX", row: $0) } == ["F", "F", "F"])
        #expect(findings.map(\.code) == ["MAP0011"], "once for \"f\", none for the exact term")
        let f = try #require(findings.first)
        #expect(f.severity == .note && f.file == "dm.csv" && f.line == 2 && f.column == "S" && f.value == "f")
        #expect(f.message.contains("term F of SEX") && f.hint.contains("ct-map.yaml"))
    }

    @Test func assignCTMapsTheTransformedRawValue() throws {
        var race = VariableSpec(variable: "RACE", algorithm: .assignCT, from: "R", codelist: "RACE")
        race.transform = [.regexExtract(pattern: "^race: (.*)$", group: 1)]
        let (dm, findings) = try map([race], columns: ["R"], rows: [["1", "race: Asian"]])
        #expect(dm.value("RACE", row: 0) == "ASIAN")
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func derivedAlgorithmsTransformTheirResult() throws {
        let (dm, findings) = try map(
            [transformed(.template, from: nil, [.upper, .collapseSpaces], value: "{dm.A} {dm.B}")],
            columns: ["A", "B"], rows: [["1", "ab  c", "d"]])
        #expect(dm.value("SITEID", row: 0) == "AB C D")
        #expect(findings.isEmpty)
    }

    func race(_ several: MultiSelectSpec.Several, checked: [String]? = nil) -> VariableSpec {
        var spec = MultiSelectSpec(
            options: [
                .init(column: "race___1", value: "Asian"), .init(column: "race___2", value: "White"),
                .init(column: "race___3", value: "Other"),
            ],
            several: several)
        spec.checked = checked
        var v = VariableSpec(variable: "RACE", algorithm: .multiSelect, codelist: "RACE")
        v.multiSelect = spec
        return v
    }

    @Test func multiSelectNoneOneSeveralAndABadTick() throws {
        let (dm, findings) = try map(
            [race(.supp)], columns: ["race___1", "race___2", "race___3"],
            rows: [
                ["S1", "0", "0", ""], ["S2", "0", "Checked", "Unchecked"], ["S3", "1", "1", "0"], ["S4", "1", "2", "0"],
            ])
        #expect((0..<4).map { dm.value("RACE", row: $0) } == ["", "WHITE", "MULTIPLE", ""])
        #expect(dm.value("RACE1", row: 2) == "ASIAN" && dm.value("RACE2", row: 2) == "WHITE")
        #expect(dm.value("RACE1", row: 1) == "", "one checked: no SUPP-- values")
        #expect(dm.supplemental["RACE2"]?.label == "Race 2")
        // MULTIPLE is not among the fixture's RACE terms (CHK0003 from the value-level codelist check).
        #expect(findings.map(\.code).filter { $0.hasPrefix("MAP") } == ["MAP0021"])
        let f = try #require(findings.first { $0.code == "MAP0021" })
        #expect(f.line == 5 && f.column == "race___2" && f.value == "2")
    }

    @Test func multiSelectAsAListWithOwnTicks() throws {
        let (dm, _) = try map(
            [race(.list, checked: ["y"])], columns: ["race___1", "race___2", "race___3"],
            rows: [["S1", "Y", "y", "n"]])
        #expect(dm.value("RACE", row: 0) == "ASIAN; WHITE")
    }

    func armFromVisit(_ lookup: Lookup) throws -> (Dataset, [Finding]) {
        try map(
            [VariableSpec(variable: "ARMCD", algorithm: .assignNoCT, from: "vs.ARM")], columns: [], rows: [["S1"], ["S2"]],
            lookups: [lookup],
            visits: [
                ["S1", "Screening", "2023-01-02", ""], ["S1", "Baseline", "2023-01-20 09:00", "A"],
                ["S1", "Week 2", "2023-02-03", "B"], ["S2", "Baseline", "2023-01-05", "A"],
                ["S2", "Baseline", "2023-01-04", "C"],
            ])
    }

    @Test func filteredLookupPicksTheMatchingRecordWithoutRAW0002() throws {
        var lookup = Lookup(form: "vs", on: [])
        lookup.where = Condition(column: "VISIT", equals: "baseline")
        let (dm, findings) = try armFromVisit(lookup)
        #expect(dm.value("ARMCD", row: 0) == "A")
        #expect(dm.value("ARMCD", row: 1) == "", "two baseline records and no pick rule: none used")
        #expect(findings.map(\.code) == ["MAP0022"], "the records the filter excludes are not reported")
        #expect(findings.first?.message.contains("lines 5, 6") == true)
    }

    @Test func filteredLookupPicksFirstOrLastByDate() throws {
        var lookup = Lookup(form: "vs", on: [])
        lookup.where = Condition(column: "ARM", notNull: true)
        lookup.pick = .last
        lookup.by = "VSDAT"
        let (dm, findings) = try armFromVisit(lookup)
        #expect(dm.value("ARMCD", row: 0) == "B")
        #expect(dm.value("ARMCD", row: 1) == "A", "2023-01-05 is after 2023-01-04 though earlier in the file")
        #expect(findings.isEmpty, "\(findings)")
        lookup.pick = .first
        let (first, _) = try armFromVisit(lookup)
        #expect(first.value("ARMCD", row: 0) == "A" && first.value("ARMCD", row: 1) == "C")
    }

    @Test func aRecordWithoutAUsableDateIsReportedAndNotPicked() throws {
        var lookup = Lookup(form: "vs", on: [])
        lookup.pick = .last
        lookup.by = "VSDAT"
        let (dm, findings) = try map(
            [VariableSpec(variable: "ARMCD", algorithm: .assignNoCT, from: "vs.ARM")], columns: [], rows: [["S1"]],
            lookups: [lookup], visits: [["S1", "Baseline", "2023-01-02", "A"], ["S1", "Week 2", "31 FEB 2023", "B"]])
        #expect(dm.value("ARMCD", row: 0) == "A", "the record dated 31 FEB is not a candidate")
        let f = try #require(findings.first)
        #expect(findings.map(\.code) == ["MAP0023"])
        #expect(f.file == "vs.csv" && f.line == 3 && f.column == "VSDAT" && f.value == "31 FEB 2023")
    }

    @Test func seqOrderBecomesTheSortKeys() throws {
        let spec = DomainSpec(domain: "DM", subjectColumn: "Subject", records: [])
        #expect(DomainMapper.sortKeys(spec, meta: Self.metadata) == ["STUDYID", "USUBJID"])
        var ordered = spec
        ordered.seqOrder = ["USUBJID", "RACE", "SITEID"]
        #expect(DomainMapper.sortKeys(ordered, meta: Self.metadata) == ["STUDYID", "USUBJID", "RACE", "SITEID"])
        let (dm, _) = try map(
            [VariableSpec(variable: "SITEID", algorithm: .assignNoCT, from: "S")], columns: ["S"],
            rows: [["B", "2"], ["A", "1"]],
            seqOrder: ["SITEID"])
        #expect(dm.keys == ["STUDYID", "USUBJID", "SITEID"])
    }
}
