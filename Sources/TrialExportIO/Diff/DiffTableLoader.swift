import Foundation
import TrialExportCore

/// Reads one dataset CSV of an export into a table for ``DatasetDiff``, strictly.
///
/// Unlike EDC forms, an exported dataset must be regular: a duplicate header or a record with
/// the wrong number of fields is an error naming the file and line.
public enum DiffTableLoader {
    /// The file as a table named `name` (the dataset name, e.g. `dm`).
    public static func load(_ path: String, name: String) throws -> RawTable {
        var table: RawTable?
        try CSVReader(path: path).read(
            header: { header in
                try checkHeader(header, path: path)
                table = RawTable(form: name, file: path, header: header)
            },
            record: { row in
                try checkWidth(row, expected: table!.header.count, path: path)
                table!.append(row)
            })
        return table!
    }

    /// The number of records in the file, read and checked like ``load(_:name:)``.
    public static func count(_ path: String) throws -> Int {
        var width = 0, count = 0
        try CSVReader(path: path).read(
            header: { header in
                try checkHeader(header, path: path)
                width = header.count
            },
            record: { row in
                try checkWidth(row, expected: width, path: path)
                count += 1
            })
        return count
    }

    private static func checkHeader(_ header: [String], path: String) throws {
        var seen: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            if let first = seen[name] {
                throw TrialExportError.duplicateHeader(path: path, column: name, positions: [first + 1, i + 1])
            }
            seen[name] = i
        }
    }

    private static func checkWidth(_ row: RawRow, expected: Int, path: String) throws {
        guard row.values.count != expected else { return }
        throw TrialExportError.malformedCSV(
            path: path, line: row.line,
            detail: "\(row.values.count) fields where the header has \(expected)")
    }
}
