import Foundation
import TrialExportCore

/// Writes `define.xml` (Define-XML 2.1) for the XPT files of an export.
public enum DefineWriter {
    /// `files`: the XPT files of each dataset (several when split).
    public static func write(_ report: ExportReport, files: [String: [String]], to url: URL) throws {
        try write(
            study: report.study, cutoff: report.cutoff, datasets: report.result.datasets, sources: report.define,
            files: files, to: url)
    }

    /// `sources` nil leaves out origins from the specs and the codelists.
    public static func write(
        study: StudyDefinition, cutoff: String, datasets: [Dataset], sources: DefineSources?,
        files: [String: [String]], to url: URL
    ) throws {
        let document = DefineDocument(study: study, cutoff: cutoff, datasets: datasets, sources: sources, files: files)
        do {
            try Data(document.render().utf8).write(to: url)
        } catch {
            throw TrialExportError.writeFailed(path: url.path, detail: error.localizedDescription)
        }
    }
}
