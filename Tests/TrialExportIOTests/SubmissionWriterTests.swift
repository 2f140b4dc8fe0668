import Foundation
import TestSupport
import Testing
import TrialExportCore
import TrialExportIO

/// The XPT, Dataset-JSON and define.xml writers on small datasets, against golden files.
struct SubmissionWriterTests {
    static let goldens = TestPaths.repositoryRoot.appendingPathComponent("Tests/TrialExportIOTests/Goldens")
    static let created = Date(timeIntervalSince1970: 1_719_705_600)  // 2024-06-30

    /// AE with a number, a decimal, a null number, a quote and comma, a non-ASCII value and an empty value.
    static let ae: Dataset = {
        let variables: [(String, String, VariableMetadata.DataType)] = [
            ("STUDYID", "Study Identifier", .char), ("DOMAIN", "Domain Abbreviation", .char),
            ("USUBJID", "Unique Subject Identifier", .char), ("AESEQ", "Sequence Number", .num),
            ("AETERM", "Reported Term for the Adverse Event", .char), ("AESTDTC", "Start Date/Time of Adverse Event", .char),
            ("AEDUR", "Duration of Adverse Event", .num),
        ]
        let metadata = variables.enumerated().map { i, v in
            VariableMetadata(dataset: "AE", order: i + 1, name: v.0, label: v.1, type: v.2, core: i < 4 ? .req : .perm)
        }
        return Dataset(
            name: "AE", label: "Adverse Events", keys: ["STUDYID", "USUBJID", "AESEQ"], variables: metadata,
            rows: [
                ["ST1", "AE", "ST1-001", "1", "HEADACHE", "2024-01-05", "2.5"],
                ["ST1", "AE", "ST1-001", "2", "RASH, \"MILD\"", "2024-02", ""],
                ["ST1", "AE", "ST1-002", "1", "CAFÉ AU LAIT SPOTS", "", "-12"],
            ])
    }()

    static func golden(_ data: Data, _ name: String) {
        if let mismatch = Golden.mismatch(data, golden: goldens.appendingPathComponent(name)) { Issue.record("\(mismatch)") }
    }

    @Test func xptMatchesItsGoldenFileWithLengthsOfTheLongestValue() throws {
        let folder = TestPaths.temporaryDirectory("xpt")
        let sink = XPTSink(folder: folder, created: Self.created)
        try sink.write(Self.ae)
        let data = try Data(contentsOf: folder.appendingPathComponent("ae.xpt"))
        Self.golden(data, "ae.xpt")
        #expect(sink.files == ["AE": ["ae.xpt"]])
        // AETERM is as long as "CAFÉ AU LAIT SPOTS" in bytes (19: É is 2), written unchanged.
        #expect(data.range(of: Data("CAFÉ AU LAIT SPOTS".utf8)) != nil)
        #expect(data.range(of: Data("Adverse Events".utf8)) != nil)
    }

    @Test func aDatasetPastTheFileLimitIsSplitIntoNumberedFiles() throws {
        let folder = TestPaths.temporaryDirectory("split")
        let rows = (1...500).map { ["ST1", "AE", "ST1-\($0)", "\($0)", "TERM \($0)", "2024-01-05", "1"] }
        let big = Dataset(name: "AE", label: "Adverse Events", keys: [], variables: Self.ae.variables, rows: rows)
        let limit = 8_000
        let sink = XPTSink(folder: folder, created: Self.created, fileByteLimit: limit)
        try sink.write(big)
        let files = try #require(sink.files["AE"])
        #expect(files.count > 2)
        #expect(files == (1...files.count).map { "ae\($0).xpt" })
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("ae.xpt").path))
        for file in files {
            let size = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)[.size] as! Int
            #expect(size <= limit, "\(file) has \(size) bytes")
        }
    }

    @Test func aNumericVariableHoldingTextStopsTheXPT() throws {
        var bad = Self.ae
        bad.set("AEDUR", row: 0, to: "2 DAYS")
        let folder = TestPaths.temporaryDirectory("xpt-bad")
        #expect(
            throws: XPTError.notANumber(
                path: folder.appendingPathComponent("ae.xpt").path, dataset: "AE",
                variable: "AEDUR", row: 1, value: "2 DAYS")
        ) {
            try XPTSink(folder: folder, created: Self.created).write(bad)
        }
    }

    @Test(arguments: [(Int.max, "ae.json"), (2, "ae.ndjson")])
    func datasetJSONMatchesItsGoldenFile(threshold: Int, file: String) throws {
        let folder = TestPaths.temporaryDirectory("json")
        try DatasetJSONSink(folder: folder, study: "ST1", cutoff: "2024-06-30", ndjsonRowThreshold: threshold).write(Self.ae)
        let data = try Data(contentsOf: folder.appendingPathComponent(file))
        Self.golden(data, file)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"datasetJSONCreationDateTime\":\"2024-06-30T00:00:00\""))
        #expect(text.contains("[\"ST1\",\"AE\",\"ST1-001\",2,\"RASH, \\\"MILD\\\"\",\"2024-02\",null]"))
    }

    /// A spec with one variable of each origin, the AE metadata, and a DOMAIN codelist without "AE"'s code.
    static let sources: DefineSources = {
        let block = RecordSpec(
            form: "ae",
            variables: [
                VariableSpec(variable: "STUDYID", algorithm: .hardcodeNoCT, value: "ST1"),
                VariableSpec(variable: "AETERM", algorithm: .assignNoCT, from: "AETERM"),
                VariableSpec(variable: "AESTDTC", algorithm: .assignDatetime, date: "AESTDAT", time: "AESTTIM"),
                VariableSpec(variable: "AEDUR", algorithm: .sum, from: "DAYS"),
            ])
        var variables = ae.variables
        variables[1].codelist = "C66734"
        let metadata = DatasetMetadata(
            name: "AE", label: "Adverse Events", structure: "One record per adverse event per subject",
            keys: ae.keys, variables: variables, datasetClass: "Events")
        return DefineSources(
            specs: [DomainSpec(domain: "AE", subjectColumn: "Subject", records: [block])],
            metadata: StandardMetadata(version: "3.4", datasets: ["AE": metadata]),
            terminology: ControlledTerminology(
                version: "2025-03-28",
                codelists: [
                    Codelist(code: "C66734", name: "DOMAIN", extensible: true, terms: ["AE", "DM"])
                ]),
            termCodes: TermCodes(["C66734": ["DM": "C49572"]]))
    }()

    @Test func defineMatchesItsGoldenFile() throws {
        let folder = TestPaths.temporaryDirectory("define")
        let url = folder.appendingPathComponent("define.xml")
        let study = try StudyLoader.load(TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466/study.yaml").path)
        // The AE dataset with DOMAIN's codelist from the metadata.
        let dataset = Dataset(
            name: "AE", label: "Adverse Events", keys: Self.ae.keys,
            variables: Self.sources.metadata.datasets["AE"]!.variables, rows: Self.ae.rows.map(Array.init))
        try DefineWriter.write(
            study: study, cutoff: "2024-06-30", datasets: [dataset], sources: Self.sources,
            files: ["AE": ["ae.xpt"]], to: url)
        let data = try Data(contentsOf: url)
        Self.golden(data, "define.xml")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<ItemDef OID=\"IT.AE.AETERM\" Name=\"AETERM\" DataType=\"text\" Length=\"19\""))
        #expect(
            text.contains("<ItemDef OID=\"IT.AE.AEDUR\" Name=\"AEDUR\" DataType=\"float\" Length=\"3\" SignificantDigits=\"1\""))
        #expect(text.contains("<ItemDef OID=\"IT.AE.AESTDTC\" Name=\"AESTDTC\" DataType=\"datetime\" SASFieldName"))
        #expect(text.contains("<EnumeratedItem CodedValue=\"AE\" OrderNumber=\"1\" def:ExtendedValue=\"Yes\"/>"))
        #expect(text.contains("CRF field ae.AESTDAT, ae.AESTTIM"))
        #expect(text.contains("<MethodDef OID=\"MT.AE.AEDUR\" Name=\"Algorithm to derive AE.AEDUR\" Type=\"Computation\">"))
        #expect(text.contains("<def:Class Name=\"EVENTS\"/>"))
    }
}

extension SubmissionWriterTests {
    @Test func aValueOver200BytesStopsTheXPTNamingTheVariable() throws {
        var long = Self.ae
        long.set("AETERM", row: 2, to: String(repeating: "x", count: 201))
        let folder = TestPaths.temporaryDirectory("xpt-long")
        #expect(
            throws: XPTError.valueTooLong(
                path: folder.appendingPathComponent("ae.xpt").path, dataset: "AE",
                variable: "AETERM", bytes: 201)
        ) {
            try XPTSink(folder: folder, created: Self.created).write(long)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("ae.xpt").path))
    }
}

extension SubmissionWriterTests {
    @Test func aNULIsWrittenAsItsEscapeTheRestByteForByte() throws {
        var nul = Self.ae
        nul.set("AETERM", row: 0, to: "HEAD\0ACHE")
        let folder = TestPaths.temporaryDirectory("xpt-nul")
        try XPTSink(folder: folder, created: Self.created).write(nul)
        let data = try Data(contentsOf: folder.appendingPathComponent("ae.xpt"))
        #expect(data.range(of: Data("HEAD\\u{0}ACHE".utf8)) != nil)
        #expect(data.range(of: Data("CAFÉ AU LAIT SPOTS".utf8)) != nil)
    }
}
