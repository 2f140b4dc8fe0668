import Foundation
import TestSupport
import Testing
import TrialExportCore
import TrialExportIO

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reports of the example study, built from the dataset CSVs the binary writes (never from raw data).
@Suite(.serialized)
struct ReportExampleTests {
    /// The example export's datasets, read back from its CSV files, and its reports.
    static let fixture: (datasets: [Dataset], report: TrialReport, files: [(file: String, text: String)]) = {
        let out = TestPaths.temporaryDirectory("report-example").appendingPathComponent("NCT05549466")
        let result = try! BinaryRunner.run(["export", "--out", out.path, "--quiet"])
        precondition(result.status == 0, "export failed: \(result.stderr)")
        let datasets = try! ExportedDatasets.load(csvFolder: out.appendingPathComponent("csv"))
        let study = try! SpecFile.decode(
            StudyDefinition.self, from: TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466/study.yaml").path)
        let report = TrialReportBuilder(study: study, cutoff: study.dataCutoff).build(datasets)
        let writer = try! ReportWriter(templates: TestPaths.repositoryRoot.appendingPathComponent("templates"))
        return (datasets, report, try! writer.render(report))
    }()

    static func rows(_ name: String) -> [[String: String]] {
        guard let d = fixture.datasets.first(where: { $0.name == name }) else { return [] }
        return d.rows.map { Dictionary(uniqueKeysWithValues: zip(d.columns, $0)) }
    }

    @Test func writesConsortAndOneReportPerArm() {
        #expect(
            Self.fixture.files.map(\.file) == [
                "consort.md", "consort.svg", "arm-APA+CAM+CT.md", "arm-APA+CAM.md", "arm-CAM+CT.md", "arm-CT.md",
            ])
    }

    /// The CONSORT SVG is well-formed XML (Foundation's parser), an <svg> with every arm and count.
    @Test func consortSVGParsesAndShowsEveryArm() throws {
        let svg = try #require(Self.fixture.files.first { $0.file == "consort.svg" }?.text)
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [String] = []
            var text = ""
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]
            ) { elements.append(name) }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                text += "\n"
            }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.elements.first == "svg")
        #expect(collector.elements.filter { $0 == "rect" }.count >= 4 * 3 + 3 + 4)
        let text = collector.text.replacingOccurrences(of: "\u{00A0}", with: " ")
        for arm in Self.fixture.report.arms { #expect(text.contains("(\(arm.code))"), "\(arm.code)") }
        #expect(text.contains("Assessed for eligibility (n = \(Self.fixture.report.consort.assessed))"))
        #expect(text.contains("Randomized (n = \(Self.fixture.report.consort.randomized))"))
    }

    @Test(arguments: ["consort.md", "consort.svg", "arm-APA+CAM+CT.md", "arm-APA+CAM.md", "arm-CAM+CT.md", "arm-CT.md"])
    func reportMatchesItsGoldenFile(file: String) throws {
        let text = try #require(Self.fixture.files.first { $0.file == file }?.text)
        let golden = TestPaths.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Goldens/NCT05549466/reports/\(file)")
        let mismatch = Golden.mismatch(Data(text.utf8), golden: golden)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func enrolmentReconcilesWithDMAndDS() {
        let c = Self.fixture.report.consort
        let dm = Self.rows("DM"), ds = Self.rows("DS")
        #expect(c.assessed == dm.count)
        #expect(c.assessed == Set(ds.filter { $0["DSDECOD"] == "INFORMED CONSENT OBTAINED" }.map { $0["USUBJID"]! }).count)
        #expect(c.randomized == dm.filter { !($0["ARMCD"] ?? "").isEmpty }.count)
        #expect(c.randomized == c.randomizedInDS)
        #expect(c.randomized == ds.filter { $0["DSDECOD"] == "RANDOMIZED" }.count)
        #expect(c.assessed == c.excluded + c.randomized)
        #expect(c.randomized == c.arms.reduce(0) { $0 + $1.allocated })
        #expect(c.notMeetingCriteria == Set(Self.rows("IE").map { $0["USUBJID"]! }).count)
    }

    @Test func everyArmColumnReconcilesWithDMAndDS() {
        let dm = Self.rows("DM"), ds = Self.rows("DS")
        for arm in Self.fixture.report.arms {
            let f = arm.flow
            let subjects = dm.filter { $0["ARMCD"] == f.code }
            let ids = Set(subjects.map { $0["USUBJID"]! })
            let treated = subjects.filter { !($0["ACTARMCD"] ?? "").isEmpty }
            let ended = Set(
                ds.filter { ids.contains($0["USUBJID"]!) && $0["DSSCAT"] == "STUDY TREATMENT" }.map { $0["USUBJID"]! })
            #expect(f.allocated == subjects.count, "\(f.code)")
            #expect(f.allocated == f.receivedAllocated + f.notReceived.total, "\(f.code)")
            #expect(f.analysed == treated.count && f.analysed + f.excludedFromAnalysis.total == f.allocated, "\(f.code)")
            #expect(f.treated == f.analysed && f.discontinued.total + f.completedTreatment == ended.count, "\(f.code)")
            #expect(f.died == subjects.filter { $0["DTHFL"] == "Y" }.count, "\(f.code)")
            #expect(arm.baseline.sex.total == f.allocated && arm.baseline.ecog.total == f.allocated, "\(f.code)")
            #expect(arm.efficacy.subjects == f.analysed && arm.safety.subjects == f.analysed, "\(f.code)")
            let bor = arm.efficacy.investigator.values.reduce(0, +) + arm.efficacy.investigatorNotEvaluated
            #expect(bor == f.analysed, "\(f.code)")
        }
    }

    @Test func disagreementsBecomeREC0001FindingsAndAreListed() {
        let report = Self.fixture.report
        let findings = report.findings.filter { $0.code == "REC0001" }
        #expect(findings.count == report.disagreements.count)
        #expect(findings.allSatisfy { $0.severity == .warning && $0.domain == "RS" && $0.usubjid != nil })
        let perArm = report.arms.reduce(0) { $0 + $1.disagreements.count }
        #expect(perArm <= report.disagreements.count)
        for arm in report.arms {
            let text = Self.fixture.files.first { $0.file == ReportModel.armFileName(arm.code) }!.text
            for d in arm.disagreements { #expect(text.contains("| \(d.usubjid) |"), "\(d.usubjid)") }
        }
    }

    @Test func theMermaidFlowchartIsWellFormed() throws {
        let consort = Self.fixture.files[0].text
        let diagram = try #require(MermaidCheck.diagram(in: consort))
        #expect(MermaidCheck.problems(diagram).isEmpty, "\(MermaidCheck.problems(diagram))")
        #expect(MermaidCheck.nodeCount(diagram) == 3 + 3 * Self.fixture.report.arms.count)
        if let problem = MermaidCheck.parseWithMermaid(diagram) { Issue.record("mermaid parser: \(problem)") }
    }

    @Test func theSummarySheetHoldsNumbersPerArmAndInTotal() throws {
        let (sheet, data) = SummarySheet.tables(for: Self.fixture.report, dm: nil)
        #expect(sheet.name == "Summary")
        let arms = ["APA+CAM+CT", "APA+CAM", "CAM+CT", "CT", "Total"]
        #expect(sheet.columns == ["Characteristic"] + arms.flatMap { [$0, "\($0) %", "\($0) range / 95% CI"] })
        #expect(sheet.rows.allSatisfy { $0.count == sheet.columns.count })
        #expect(
            sheet.rows.first.map(Array.init) == ["Allocated (randomized)"] + (0..<4).flatMap { _ in ["21", "", ""] } + [
                "84", "", "",
            ])
        #expect(sheet.numericColumns == [1, 2, 4, 5, 7, 8, 10, 11, 13, 14])
        #expect(sheet.percentColumns == [2, 5, 8, 11, 14])
        // Each count's percentage is a fraction of the arm's subjects; the total is recomputed, not summed text.
        let male = try #require(sheet.rows.first { $0[0] == "  M" }.map(Array.init))
        let counts = stride(from: 1, to: 13, by: 3).map { Int(male[$0])! }
        #expect(Int(male[13]) == counts.reduce(0, +))
        #expect(abs(Double(male[2])! - Double(counts[0]) / 21) < 1e-6)
        #expect(sheet.preamble.contains { $0.hasPrefix("APA+CAM+CT: ") })
        #expect(sheet.charts.count == 1, "best overall response; enrollment needs DM")
        #expect(data.rows.count == 7, "six response categories and not evaluated")
    }
}
