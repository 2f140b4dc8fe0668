import Foundation
import TestSupport
import Testing
import TrialExportCore
import TrialExportIO

/// The public ODM 1.3.2 examples in ../shared/reference/examples/odm load: every FormData becomes
/// a record (or one per repeating group), typed ItemData (ItemDataString, ...) are read, and the
/// audit records, signatures and annotations are counted as skipped.
struct ODMReferenceExampleTests {
    static let folder = TestPaths.repositoryRoot.appendingPathComponent("../shared/reference/examples/odm").standardizedFileURL
    static let absent: String? =
        FileManager.default.fileExists(atPath: folder.path)
        ? nil : "the ODM examples are not at \(folder.path) (../shared beside the repository)"

    func load(_ name: String) throws -> (tables: [RawTable], findings: [Finding], text: String) {
        let path = Self.folder.appendingPathComponent(name).path
        let (tables, _, findings) = try ODMFixtures.readBothWays(path, display: name)
        return (tables, findings, try String(contentsOfFile: path, encoding: .utf8))
    }

    func count(_ element: String, in text: String) -> Int { text.components(separatedBy: "<\(element) ").count - 1 }

    @Test(.enabled(if: absent == nil, "\(absent ?? "")"), arguments: ["odm-data-snapshot.xml", "odm_sample.xml"])
    func realExampleLoads(name: String) throws {
        let (tables, findings, text) = try load(name)
        let records = tables.reduce(0) { $0 + $1.rowCount + $1.rejected.count }
        #expect(!tables.isEmpty)
        #expect(
            records >= count("FormData", in: text)
                && records <= max(count("ItemGroupData", in: text), count("FormData", in: text)))
        let values = tables.reduce(0) { total, table in
            total
                + (0..<table.rowCount).reduce(0) { n, row in
                    n + (0..<table.header.count).filter { !table.value(row, $0).isEmpty }.count
                }
        }
        #expect(values > 0)
        for f in findings { #expect(f.file == name && f.line != nil, "\(f)") }
    }
}
