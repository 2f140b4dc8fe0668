import Testing

@testable import TrialExportCore

/// Each SDTM record keeps the raw file and line(s) it came from through sorting, --SEQ and SUPP--,
/// and check findings gain them in one place (``FindingSources``).
struct RecordSourcesTests {
    typealias F = MappingFixtures

    static func variable(_ dataset: String, _ order: Int, _ name: String, _ type: VariableMetadata.DataType = .char)
        -> VariableMetadata
    {
        VariableMetadata(dataset: dataset, order: order, name: name, label: name, type: type, core: .exp)
    }

    /// AE rows (USUBJID, AESEQ, AETERM, AEREL), each from `lines` of ae.csv, keyed by USUBJID then AETERM.
    static func ae(_ rows: [[String]], lines: [[Int]]) -> Dataset {
        let variables = ["USUBJID", "AESEQ", "AETERM", "AEREL"].enumerated().map {
            variable("AE", $0 + 1, $1, $1 == "AESEQ" ? .num : .char)
        }
        var ae = Dataset(name: "AE", label: "Adverse Events", keys: ["USUBJID", "AETERM"], variables: variables, rows: rows)
        for l in lines { ae.sources.append(file: "ae.csv", lines: l) }
        return ae
    }

    @Test func singleAndGroupedLinesReadBack() {
        var sources = RecordSources()
        sources.append(file: "ae.csv", lines: [7])
        sources.append(file: "tl.csv", lines: [3, 4, 9])
        sources.append(file: "ae.csv", lines: [])
        #expect(sources.count == 3)
        #expect(sources[0] == RecordSource(file: "ae.csv", lines: [7]))
        #expect(sources[1] == RecordSource(file: "tl.csv", lines: [3, 4, 9]))
        #expect(sources[2] == RecordSource(file: "ae.csv", lines: []))
        #expect(sources.files == ["ae.csv", "tl.csv"], "each file is held once")
        let reordered = sources.reordered([1, 2, 0])
        #expect((0..<3).map { reordered[$0] } == [sources[1], sources[2], sources[0]])
    }

    @Test func sortingAndSequenceNumbersKeepEachRecordsLines() {
        var ae = Self.ae(
            [["S2", "", "Rash", ""], ["S1", "", "Nausea", ""], ["S1", "", "Fatigue", ""]], lines: [[2], [3], [4, 5]])
        ae.sortByKeys()
        SequenceNumbers.assign(&ae)
        #expect(ae.rows == [["S1", "1", "Fatigue", ""], ["S1", "2", "Nausea", ""], ["S2", "1", "Rash", ""]])
        #expect((0..<3).map { ae.sources[$0].lines } == [[4, 5], [3], [2]])
    }

    @Test func supplementalRecordsTakeTheirParentsSource() throws {
        var ae = Self.ae(
            [["S2", "", "Rash", "Y"], ["S1", "", "Nausea", ""], ["S1", "", "Fatigue", "Y"]], lines: [[2], [3], [4]])
        ae.supplemental = ["AEREL": SuppSpec(label: "Related", origin: "CRF")]
        ae.sortByKeys()
        SequenceNumbers.assign(&ae)
        let suppMeta = DatasetMetadata(
            name: "SUPPAE", label: "Supplemental AE", structure: "", keys: [],
            variables: ["STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM", "QLABEL", "QVAL", "QORIG", "QEVAL"]
                .enumerated().map { Self.variable("SUPPAE", $0 + 1, $1) })
        let supp = try #require(
            SupplementalQualifiers.split(&ae, metadata: StandardMetadata(version: "t", datasets: ["SUPPAE": suppMeta])))
        #expect(supp.rows.map { [$0[2], $0[4]] } == [["S1", "1"], ["S2", "1"]])
        #expect(
            (0..<2).map { supp.sources[$0] } == [
                RecordSource(file: "ae.csv", lines: [4]), RecordSource(file: "ae.csv", lines: [2]),
            ])
    }

    @Test func mappedRecordsCarryTheirFormAndLine() throws {
        var reconciliation = Reconciliation()
        let dm = try DomainMapper(context: F.context(raw: F.raw()), spec: F.dmSpec, findings: FindingCollector())
            .map(into: &reconciliation)
        #expect(dm.sources.count == dm.rows.count)
        for r in dm.rows.indices {
            let subject = dm.value("SUBJID", row: r)
            let line = 2 + ["101-0001", "101-0002", "101-0003", "101-0004"].firstIndex(of: subject)!
            #expect(dm.sources[r] == RecordSource(file: "dm.csv", lines: [line]))
        }
    }

    @Test func checkFindingsGainFileAndLinesInOnePlace() {
        var ae = Self.ae([["S1", "", "Nausea", ""], ["S1", "", "Fatigue", ""]], lines: [[8], [10, 11, 12, 14]])
        SequenceNumbers.assign(&ae)
        let dmVariables = ["USUBJID", "AGE"].enumerated().map { Self.variable("DM", $0 + 1, $1) }
        var dm = Dataset(
            name: "DM", label: "Demographics", keys: ["USUBJID"], variables: dmVariables,
            rows: [["S1", "40"], ["S2", "50"], ["S1", "41"]])
        for line in [2, 3, 9] { dm.sources.append(file: "dm.csv", lines: [line]) }
        var ts = Dataset(
            name: "TS", label: "Trial Summary", keys: [], variables: [Self.variable("TS", 1, "TSPARMCD")],
            rows: [["TITLE"]])
        ts.sources = RecordSources(file: "study.yaml", count: 1)
        let collector = FindingCollector()
        let located = FindingSources(datasets: [dm, ae, ts], next: collector)
        located.report(Finding(severity: .error, code: "X1", message: "", domain: "AE", usubjid: "S1", seq: 2))
        located.report(Finding(severity: .error, code: "X2", message: "", domain: "DM", usubjid: "S1"))
        located.report(Finding(severity: .error, code: "X3", message: "", domain: "TS"))
        located.report(Finding(severity: .error, code: "X4", message: "", domain: "AE", usubjid: "S1"))
        located.report(
            Finding(severity: .error, code: "X5", message: "", file: "x.csv", line: 4, domain: "AE", usubjid: "S1", seq: 1))
        let found = collector.findings
        #expect([found[0].file, found[0].line.map(String.init), found[0].lines] == ["ae.csv", "10", "10-12, 14"])
        #expect(
            [found[1].file, found[1].line.map(String.init), found[1].lines] == ["dm.csv", "2", "2, 9"], "both DM records of S1")
        #expect(found[2].file == "study.yaml" && found[2].line == nil)
        #expect(found[3].file == nil, "a subject-level finding of a dataset with --SEQ names no record")
        #expect(found[4].file == "x.csv" && found[4].line == 4, "a finding that has a location keeps it")
        #expect(found[1].location.hasPrefix("dm.csv lines 2, 9"))
    }
}
