import Foundation
import TrialExportCore

/// Loads one EDC form export into a ``RawTable``, checking its header against the spec.
public enum RawFormLoader {
    /// Loads one form into a RawTable (form = file name without .csv), reporting ragged rows to `findings`.
    ///
    /// `requiredColumns` maps each column the spec reads to who needs it (e.g. `DM.BRTHDTC`), for
    /// the message when it is missing. Fatal problems throw ``TrialExportError``; a record whose
    /// field count differs from the header's becomes a `RAW0001` finding and a rejected record.
    /// `displayPath` is how findings name the file (default: `path`), e.g. just `ae.csv` so that
    /// findings do not depend on where the data lives.
    public static func load(
        path: String, form: String, requiredColumns: [String: String], findings: FindingSink, displayPath: String? = nil
    ) throws -> RawTable {
        let shown = displayPath ?? path
        var table: RawTable?
        try CSVReader(path: path).read(
            header: { names in
                try checkHeader(names, path: path, requiredColumns: requiredColumns)
                table = RawTable(form: form, file: shown, header: names)
            },
            record: { row in
                guard let width = table?.header.count else { return }
                if row.values.count == width {
                    table?.append(row)
                } else {
                    let finding = Finding.raggedRow(file: shown, line: row.line, fields: row.values.count, expected: width)
                    findings.report(finding)
                    table?.rejected.append(RejectedRecord(form: form, line: row.line, reason: finding.message))
                }
            })
        guard var table else { throw TrialExportError.emptyFile(path: path) }
        table.compact()
        return table
    }

    /// The form name of an export file: its name without folder and `.csv`.
    public static func formName(ofPath path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return name.lowercased().hasSuffix(".csv") ? String(name.dropLast(4)) : name
    }

    /// Throws for a duplicated header name or a column the spec needs that is missing.
    static func checkHeader(_ names: [String], path: String, requiredColumns: [String: String]) throws {
        var positions: [String: [Int]] = [:]
        for (i, name) in names.enumerated() { positions[name, default: []].append(i + 1) }
        for name in names {
            if let found = positions[name], found.count > 1 {
                throw TrialExportError.duplicateHeader(path: path, column: name, positions: found)
            }
        }
        for column in requiredColumns.keys.sorted() where positions[column] == nil {
            throw TrialExportError.missingColumn(path: path, column: column, neededBy: requiredColumns[column]!)
        }
    }
}
