import CLibCSV
import CXLSXWriter
import Foundation
import TrialExportCore

/// The benchmark's floor: the same cells written straight through libcsv and libxlsxwriter,
/// with no mapping, no checks and no formatting beyond numbers stored as numbers.
///
/// Deliberately minimal (no header comments, widths or filters): it measures what the C
/// libraries themselves cost, so the export's own overhead is the difference.
public enum BaselineWriter {
    /// Writes every table to `<folder>/<name>.csv` with `csv_fwrite` quoting.
    public static func writeCSV(_ tables: [Dataset], folder: URL) throws {
        for table in tables {
            let path = folder.appendingPathComponent("\(table.name.lowercased()).csv").path
            guard let file = fopen(path, "w") else { throw TrialExportError.writeFailed(path: path, detail: "fopen failed") }
            defer { fclose(file) }
            setvbuf(file, nil, _IOFBF, 1 << 20)
            try writeRow(table.columns, to: file, path: path)
            for row in table.rows { try writeRow(row, to: file, path: path) }
        }
    }

    private static func writeRow(_ fields: some Collection<String>, to file: UnsafeMutablePointer<FILE>, path: String) throws {
        for (i, field) in fields.enumerated() {
            if i > 0 { fputc(0x2C, file) }
            var text = field
            let status = text.withUTF8 { csv_fwrite(file, $0.baseAddress, $0.count) }
            guard status == 0 else { throw TrialExportError.writeFailed(path: path, detail: "csv_fwrite failed") }
        }
        fputc(0x0A, file)
    }

    /// Writes every table to one workbook in constant-memory mode, one sheet each; numeric
    /// variables as numbers.
    public static func writeXLSX(_ tables: [Dataset], path: String, tmpdir: String) throws {
        var options = lxw_workbook_options()
        options.constant_memory = UInt8(LXW_TRUE.rawValue)
        let workbook: UnsafeMutablePointer<lxw_workbook>? = tmpdir.withCString { dir in
            options.tmpdir = UnsafeMutablePointer(mutating: dir)
            return workbook_new_opt(path, &options)
        }
        guard let workbook else { throw TrialExportError.writeFailed(path: path, detail: "workbook_new_opt failed") }
        for table in tables {
            guard let sheet = workbook_add_worksheet(workbook, table.name) else {
                throw TrialExportError.writeFailed(path: path, detail: "workbook_add_worksheet failed")
            }
            let numeric = table.variables.map { $0.type == .num }
            for (c, name) in table.columns.enumerated() { _ = worksheet_write_string(sheet, 0, lxw_col_t(c), name, nil) }
            for (r, row) in table.rows.enumerated() {
                for (c, value) in row.enumerated() where !value.isEmpty {
                    let rowIndex = lxw_row_t(r + 1), col = lxw_col_t(c)
                    if numeric[c], let number = Double(value) {
                        _ = worksheet_write_number(sheet, rowIndex, col, number, nil)
                    } else {
                        _ = worksheet_write_string(sheet, rowIndex, col, value, nil)
                    }
                }
            }
        }
        guard workbook_close(workbook) == LXW_NO_ERROR else {
            throw TrialExportError.writeFailed(path: path, detail: "workbook_close failed")
        }
    }
}
