import Foundation
import TestSupport
import Testing
import TrialExportIO

/// Runs the built binary on the bundled example study, as the README's first command does.
@Suite(.serialized)
struct ExampleExportTests {
    static let export: URL = {
        let out = TestPaths.temporaryDirectory("example").appendingPathComponent("NCT05549466")
        let result = try! BinaryRunner.run(["export", "--out", out.path, "--quiet"])
        precondition(result.status == 0, "export failed: \(result.stderr)")
        return out
    }()

    static func table(_ name: String) throws -> (header: [String], rows: [[String]]) {
        var header: [String] = [], rows: [[String]] = []
        try CSVReader(path: export.appendingPathComponent(name).path).read(
            header: { header = $0 }, record: { rows.append($0.values) })
        return (header, rows)
    }

    static func column(_ name: String, of table: (header: [String], rows: [[String]])) -> [String] {
        let i = table.header.firstIndex(of: name)!
        return table.rows.map { $0[i] }
    }

    @Test func writesEveryDatasetTheWorkbookFindingsAndReconciliation() throws {
        let csv = try FileManager.default.contentsOfDirectory(atPath: Self.export.appendingPathComponent("csv").path).sorted()
        #expect(
            csv == [
                "ae.csv", "dm.csv", "ds.csv", "ex.csv", "ie.csv", "rs.csv", "suppae.csv", "suppdm.csv", "suppex.csv",
                "ta.csv", "te.csv", "ti.csv", "tr.csv", "ts.csv", "tu.csv",
            ])
        for file in [
            "NCT05549466-sdtm.xlsx", "findings.csv", "reconciliation.csv", "reports/consort.md",
            "reports/arm-APA+CAM+CT.md", "reports/arm-APA+CAM.md", "reports/arm-CAM+CT.md", "reports/arm-CT.md",
        ] {
            #expect(FileManager.default.fileExists(atPath: Self.export.appendingPathComponent(file).path), "\(file)")
        }
    }

    @Test func dmHasEveryScreenedSubjectAnd84RandomizedTwentyOnePerArm() throws {
        let dm = try Self.table("csv/dm.csv")
        var screened: [[String]] = []
        try CSVReader(path: TestPaths.repositoryRoot.appendingPathComponent("examples/NCT05549466/edc/dm.csv").path)
            .read(header: { _ in }, record: { screened.append($0.values) })
        #expect(dm.rows.count == screened.count)
        let arms = Self.column("ARMCD", of: dm).filter { !$0.isEmpty }
        #expect(arms.count == 84)
        #expect(
            Dictionary(grouping: arms, by: { $0 }).mapValues(\.count) == [
                "APA+CAM+CT": 21, "APA+CAM": 21, "CAM+CT": 21, "CT": 21,
            ])
        let reasons = Set(Self.column("ARMNRS", of: dm))
        #expect(reasons.isSubset(of: ["", "SCREEN FAILURE", "ASSIGNED, NOT TREATED"]))
        #expect(reasons.contains("SCREEN FAILURE"))
    }

    @Test func trialDesignHas28CriteriaAndFourArms() throws {
        #expect(try Self.table("csv/ti.csv").rows.count == 28)
        #expect(Set(Self.column("ARMCD", of: try Self.table("csv/ta.csv"))).count == 4)
    }

    @Test func everyRawRecordIsAccountedFor() throws {
        let rec = try Self.table("reconciliation.csv")
        let h = rec.header
        for row in rec.rows where row[0] == "form" {
            let n = { (c: String) in Int(row[h.firstIndex(of: c)!]) ?? 0 }
            #expect(n("Read") == n("Rejected") + n("Mapped") + n("Excluded") + n("NotMapped"), "\(row)")
            if n("NotMapped") > 0 { #expect(row[h.firstIndex(of: "Detail")!].contains("used for"), "\(row)") }
        }
        // Every record of a dataset made from raw data comes from exactly one raw record (or group).
        var made: [String: Int] = [:]
        for row in rec.rows where row[0] == "form" {
            let detail = row[h.firstIndex(of: "Detail")!]
            guard let range = detail.range(of: "records made in ") else { continue }
            let list = detail[range.upperBound...].prefix { $0 != "|" }
            for part in list.split(separator: ";") {
                let pair = part.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
                made[pair[0], default: 0] += Int(pair[1])!
            }
        }
        for row in rec.rows where row[0] == "dataset" && row[8].hasPrefix("from ") {
            #expect(made[row[1]] == Int(row[h.firstIndex(of: "Mapped")!]), "\(row[1]): records made from raw records")
        }
        for row in rec.rows where row[0] == "dataset" {
            let file = Self.export.appendingPathComponent("csv/\(row[1].lowercased()).csv")
            var count = 0
            try CSVReader(path: file.path).read(header: { _ in }, record: { _ in count += 1 })
            #expect(count == Int(row[h.firstIndex(of: "Mapped")!]), "\(row[1])")
        }
    }

    @Test func theExampleExportsWithoutErrorFindings() throws {
        let findings = try Self.table("findings.csv")
        #expect(!Self.column("Severity", of: findings).contains("error"))
    }

    @Test(arguments: ["dm", "ts", "ta", "te", "ti", "ex", "ae", "tu", "tr", "rs", "ds", "ie", "suppdm", "suppae", "suppex"])
    func datasetMatchesItsGoldenFile(name: String) throws {
        let data = try Data(contentsOf: Self.export.appendingPathComponent("csv/\(name).csv"))
        let golden = TestPaths.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Goldens/NCT05549466/\(name).csv")
        let mismatch = Golden.mismatch(data, golden: golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test(arguments: [
        "findings.csv", "reconciliation.csv", "reports/consort.md", "reports/consort.svg", "reports/arm-APA+CAM+CT.md",
        "reports/arm-APA+CAM.md", "reports/arm-CAM+CT.md", "reports/arm-CT.md",
    ])
    func reportMatchesItsGoldenFile(name: String) throws {
        let data = try Data(contentsOf: Self.export.appendingPathComponent(name))
        let golden = TestPaths.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Goldens/NCT05549466/\(name)")
        let mismatch = Golden.mismatch(data, golden: golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func workbookHoldsTheSameCellsAsTheCSVFiles() throws {
        let workbook = try XLSXReader(path: Self.export.appendingPathComponent("NCT05549466-sdtm.xlsx").path)
        #expect(workbook.sheetNames.first == "Study")
        #expect(workbook.sheetNames.suffix(4) == ["Summary", "Findings", "Reconciliation", "Chart data"])
        // The Summary holds numbers and two charts (response by arm, enrollment over time).
        let summary = try #require(workbook.sheet("Summary"))
        let allocated = try #require(summary.grid.first { $0.first == .string("Allocated (randomized)") })
        #expect(allocated.dropFirst().first == .number(21))
        let package = try XLSXPackage(path: Self.export.appendingPathComponent("NCT05549466-sdtm.xlsx").path)
        #expect(try package.text("xl/charts/chart1.xml").contains("<c:barChart>"))
        #expect(try package.text("xl/charts/chart2.xml").contains("<c:lineChart>"))
        for name in ["DM", "AE", "TS", "TR"] {
            let csv = try Self.table("csv/\(name.lowercased()).csv")
            let sheet = try #require(workbook.sheet(name))
            let grid = sheet.grid
            let header = grid.first?.map { cell -> String in
                if case .string(let s)? = cell { return s }; return ""
            }
            #expect(header == csv.header, "\(name) header")
            #expect(grid.count == csv.rows.count + 1, "\(name) rows")
            for (r, row) in csv.rows.enumerated() {
                let cells = grid[r + 1]
                for (c, value) in row.enumerated() {
                    let cell = c < cells.count ? cells[c] : nil
                    switch cell {
                    case .number(let n)?: #expect(Double(value) == n, "\(name) R\(r + 2)C\(c + 1)")
                    case .string(let s)?: #expect(s == value, "\(name) R\(r + 2)C\(c + 1)")
                    case nil: #expect(value.isEmpty, "\(name) R\(r + 2)C\(c + 1)")
                    }
                }
            }
            #expect(sheet.frozenRows == 1 && sheet.autofilter != nil, "\(name)")
        }
        let age = try #require(workbook.sheet("DM")).grid[1][try Self.table("csv/dm.csv").header.firstIndex(of: "AGE")!]
        if case .number = age {} else { Issue.record("AGE is stored as \(String(describing: age)), not as a number") }
    }
}
