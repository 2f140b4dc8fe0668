import Foundation
import TestSupport
import Testing
import TrialExportCore

@testable import TrialExportIO

/// Writes export folders of dataset CSV files for the diff tests.
enum DiffFolders {
    static let standards: StandardMetadata = try! StandardsLoader.metadata(
        at: TestPaths.repositoryRoot.appendingPathComponent("standards/sdtmig-3.4.json").path)

    static let dm = "STUDYID,DOMAIN,USUBJID,AGE\r\nS1,DM,S1-001,54\r\nS1,DM,S1-002,61\r\n"
    static let ae = "STUDYID,DOMAIN,USUBJID,AESEQ,AETERM,AEDECOD,AESTDTC\nS1,AE,S1-001,1,\"Headache, mild\",HEADACHE,2024-01-02\n"

    /// A new export folder with `csv/<name>` holding each text.
    static func export(_ files: [String: String], label: String = "export") -> String {
        let root = TestPaths.temporaryDirectory(label)
        let csv = root.appendingPathComponent("csv")
        try! FileManager.default.createDirectory(at: csv, withIntermediateDirectories: true)
        for (name, text) in files { try! Data(text.utf8).write(to: csv.appendingPathComponent(name)) }
        try! Data("ignored".utf8).write(to: root.appendingPathComponent("findings.csv"))
        return root.path
    }
}

struct DiffExportDifferTests {
    @Test func identicalExportsCompareEqual() throws {
        let old = DiffFolders.export(["dm.csv": DiffFolders.dm, "ae.csv": DiffFolders.ae])
        let new = DiffFolders.export(["dm.csv": DiffFolders.dm, "ae.csv": DiffFolders.ae])
        let diff = try ExportDiffer.compare(old: old, new: new, standards: DiffFolders.standards)
        #expect(diff.isIdentical)
        #expect(diff.datasets.map(\.name) == ["AE", "DM"])
        #expect(diff.datasets.map(\.keys) == [["STUDYID", "USUBJID", "AEDECOD", "AESTDTC"], ["STUDYID", "USUBJID"]])
    }

    @Test func datasetsInOneExportOnlyAreAddedOrRemovedWithRecordCounts() throws {
        let old = DiffFolders.export(["dm.csv": DiffFolders.dm, "ae.csv": DiffFolders.ae])
        let new = DiffFolders.export(["dm.csv": DiffFolders.dm, "ts.csv": "STUDYID,TSPARMCD\nS1,TITLE\nS1,PHASE\n"])
        let diff = try ExportDiffer.compare(old: old, new: new, standards: DiffFolders.standards)
        #expect(diff.datasetsAdded == [.init(name: "TS", records: 2)])
        #expect(diff.datasetsRemoved == [.init(name: "AE", records: 1)])
        #expect(diff.datasets.map(\.name) == ["DM"])
        #expect(!diff.isIdentical)
    }

    @Test func changedQuotedValueIsFoundThroughTheCSVReader() throws {
        let changed = DiffFolders.ae.replacingOccurrences(of: "Headache, mild", with: "Headache,\nsevere")
        let old = DiffFolders.export(["ae.csv": DiffFolders.ae])
        let new = DiffFolders.export(["ae.csv": changed])
        let diff = try ExportDiffer.compare(old: old, new: new, standards: DiffFolders.standards)
        #expect(
            diff.datasets.first?.changed.first?.changes == [
                ValueChange(variable: "AETERM", old: "Headache, mild", new: "Headache,\nsevere")
            ])
    }

    @Test func twoDatasetFilesAreComparedAsOneDataset() throws {
        let old = DiffFolders.export(["dm.csv": DiffFolders.dm]) + "/csv/dm.csv"
        let new = DiffFolders.export(["dm.csv": DiffFolders.dm.replacingOccurrences(of: ",61", with: ",62")]) + "/csv/dm.csv"
        let diff = try ExportDiffer.compare(old: old, new: new, standards: DiffFolders.standards)
        #expect(diff.datasets.count == 1)
        #expect(diff.datasets.first?.changed.first?.changes == [ValueChange(variable: "AGE", old: "61", new: "62")])
        #expect(diff.datasets.first?.changed.first?.key == ["S1", "S1-002"])
    }

    @Test func aFolderWithoutCsvSubfolderIsTakenAsTheDatasetFolder() throws {
        let old = DiffFolders.export(["dm.csv": DiffFolders.dm]) + "/csv"
        let new = DiffFolders.export(["dm.csv": DiffFolders.dm]) + "/csv"
        let diff = try ExportDiffer.compare(old: old, new: new, standards: DiffFolders.standards)
        #expect(diff.datasets.map(\.name) == ["DM"])
        #expect(diff.isIdentical)
    }

    @Test func missingPathIsAnErrorNamingIt() throws {
        let new = DiffFolders.export(["dm.csv": DiffFolders.dm])
        #expect(throws: TrialExportError.fileNotFound(path: "/nonexistent/export", what: "export folder or dataset CSV file")) {
            try ExportDiffer.compare(old: "/nonexistent/export", new: new, standards: DiffFolders.standards)
        }
    }

    @Test func folderAgainstFileIsAUsageError() throws {
        let old = DiffFolders.export(["dm.csv": DiffFolders.dm])
        #expect(throws: TrialExportError.self) {
            try ExportDiffer.compare(old: old, new: old + "/csv/dm.csv", standards: DiffFolders.standards)
        }
    }

    @Test(arguments: [
        ("STUDYID,USUBJID\nS1,S1-001,extra\n", "malformedCSV line 2"),
        ("STUDYID,USUBJID,STUDYID\nS1,S1-001,S1\n", "duplicateHeader"),
        ("", "emptyFile"),
        ("STUDYID,USUBJID\n\"S1,S1-001\n", "unterminatedQuote"),
    ])
    func unreadableDatasetIsAnErrorNamingTheFile(text: String, kind: String) throws {
        let old = DiffFolders.export(["dm.csv": DiffFolders.dm])
        let new = DiffFolders.export(["dm.csv": text])
        let path = new + "/csv/dm.csv"
        do {
            _ = try ExportDiffer.compare(old: old, new: new, standards: DiffFolders.standards)
            Issue.record("no error for \(kind)")
        } catch let error as TrialExportError {
            #expect(error.description.hasPrefix(path))
            switch (error, kind) {
            case (.malformedCSV(_, 2, _), "malformedCSV line 2"), (.duplicateHeader, "duplicateHeader"),
                (.emptyFile, "emptyFile"), (.unterminatedQuote, "unterminatedQuote"):
                break
            default: Issue.record("unexpected \(error) for \(kind)")
            }
        }
    }

    @Test func datasetNamesComeFromFileNames() {
        #expect(ExportDiffer.datasetName("/x/csv/suppdm.csv") == "SUPPDM")
        #expect(ExportDiffer.datasetName("AE.CSV") == "AE")
    }
}
