import TrialExportCore

extension CSVWriter {
    /// Writes one dataset row (copied into an array for ``writeRow(_:)-([String])``, one row at a time).
    public func writeRow(_ row: DatasetRow) throws { try writeRow(Array(row)) }
}
