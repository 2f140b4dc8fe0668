import ArgumentParser
import Foundation
import TrialExportIO
import TrialSimulator

/// The format `generate` writes the EDC export in.
enum GenerateFormat: String, ExpressibleByArgument, CaseIterable {
    /// One CSV file per form (UTF-8 with BOM, CRLF), as most EDC systems export.
    case csv
    /// One CDISC ODM 1.3.2 document `<study>.xml` with metadata and clinical data.
    case odm
}

/// Writes the simulated EDC export as one ODM 1.3.2 document (see ``ODMFormWriter``).
final class ODMFormSink: EDCFormSink {
    private let writer: ODMFormWriter
    var rows: Int { writer.rows }

    init(folder: URL, studyId: String, created: String) throws {
        writer = try ODMFormWriter(
            path: folder.appendingPathComponent("\(studyId).xml").path, studyOID: studyId, created: created)
    }

    func begin(form: String, header: [String]) throws { try writer.begin(form: form, header: header) }
    func write(form: String, row: [String]) throws { try writer.write(form: form, row: row) }
    func end() throws { try writer.end() }
}
