import Foundation
import TrialExportCore

/// Writes each dataset as `csv/<dataset>.csv` (see ``DatasetCSVWriter``).
public final class CSVSink: DatasetSink {
    private let folder: URL
    private var writer: CSVWriter?

    public init(folder: URL) { self.folder = folder }

    public func begin(_ header: DatasetHeader) throws {
        let writer = try CSVWriter(path: folder.appendingPathComponent("\(header.name.lowercased()).csv").path)
        try writer.writeRow(header.variables.map(\.name))
        self.writer = writer
    }

    public func add(_ rows: DatasetRows) throws {
        for row in rows { try writer?.writeRow(row) }
    }

    public func finish() throws {
        try writer?.close()
        writer = nil
    }
}
