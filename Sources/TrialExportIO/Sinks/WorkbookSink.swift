import Foundation
import TrialExportCore

/// Writes each dataset as a sheet (or sheets) of the workbook: variable names, labels as header
/// comments, `Num` variables as numbers, rows highlighted by their marks.
public final class WorkbookSink: DatasetSink {
    /// The workbook, finished by the caller (Study sheet, extra sheets) after the last dataset.
    public let stream: WorkbookStream
    private var header: DatasetHeader?

    public init(stream: WorkbookStream) { self.stream = stream }

    public func begin(_ header: DatasetHeader) throws { self.header = header }

    public func add(_ rows: DatasetRows) throws {
        guard let header else { return }
        let numeric = header.variables.indices.filter { header.variables[$0].type == .num }
        var table = SheetTable(
            name: header.name, columns: header.variables.map(\.name), labels: header.variables.map(\.label),
            numericColumns: Set(numeric), rows: rows)
        table.rowMarks = header.rowMarks
        // As SheetTable(_ dataset:) does: the columns up to USUBJID stay in view.
        table.frozenColumns = header.variables.firstIndex { $0.name == "USUBJID" }.map { $0 + 1 } ?? 0
        try stream.add(table)
    }

    public func finish() throws { header = nil }
}
