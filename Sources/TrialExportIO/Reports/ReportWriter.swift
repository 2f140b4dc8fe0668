import Foundation
import TrialExportCore

/// Writes `reports/consort.md` and one `reports/arm-<ARMCD>.md` per arm of a ``TrialReport``.
public struct ReportWriter: Sendable {
    public let renderer: ReportRenderer

    public init(renderer: ReportRenderer) { self.renderer = renderer }

    /// Loads the templates of `folder` (the project's `templates/` or a `--templates` copy).
    public init(templates folder: URL) throws { self.renderer = try ReportRenderer(folder: folder) }

    /// The reports as file name and text: consort.md, the CONSORT diagram consort.svg, then the arms in report order.
    public func render(_ report: TrialReport) throws -> [(file: String, text: String)] {
        let model = ReportModel(report: report)
        var files = [("consort.md", try renderer.render(ReportRenderer.consortTemplate, context: model.consort))]
        let diagram = ConsortDiagram(report.consort)
        files.append((ConsortSVG.fileName, ConsortSVG.render(diagram, title: "CONSORT flow of \(report.studyId)")))
        for arm in report.arms {
            guard let context = model.arm(arm.code) else { continue }
            files.append((ReportModel.armFileName(arm.code), try renderer.render(ReportRenderer.armTemplate, context: context)))
        }
        return files
    }

    /// Renders every report and writes them into `folder` (created when missing); returns the files written.
    @discardableResult
    public func write(_ report: TrialReport, to folder: URL) throws -> [URL] {
        let files = try render(report)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw TrialExportError.writeFailed(path: folder.path, detail: "\(error)")
        }
        return try files.map { file, text in
            let url = folder.appendingPathComponent(file)
            do { try Data(text.utf8).write(to: url) } catch {
                throw TrialExportError.writeFailed(path: url.path, detail: "\(error)")
            }
            return url
        }
    }
}
