import Foundation
import TrialExportCore

/// Writes an SDTM ``Dataset`` as CSV: a header of variable names, then the rows.
public enum DatasetCSVWriter {
    /// Header of variable names then the rows, in the order given (the caller sorts).
    public static func write(_ dataset: Dataset, to path: String) throws {
        let writer = try CSVWriter(path: path)
        try writer.writeRow(dataset.columns)
        for row in dataset.rows { try writer.writeRow(row) }
        try writer.close()
    }
}
