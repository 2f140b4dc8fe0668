/// Values of the columns a spec reads that begin or end with spaces or tabs. The mapping uses them
/// trimmed, so each is a note (RAW0009) at its cell, up to ``limit`` a column; past that, one note
/// counts the rest, at the line of the first of them. The same for every raw source (CSV or ODM).
public enum PaddedValues {
    public static let limit = 20

    /// Reports the padded values of `columns` of `table` (columns it lacks are skipped), in header
    /// order within a line.
    public static func report(_ table: RawTable, columns: some Sequence<String>, findings: FindingSink) {
        let indices = Set(columns.compactMap { table.columnIndex[$0] }).sorted()
        guard !indices.isEmpty else { return }
        var reported = [Int](repeating: 0, count: indices.count)
        var more: [(count: Int, firstLine: Int)?] = Array(repeating: nil, count: indices.count)
        for row in 0..<table.rowCount {
            for (k, column) in indices.enumerated() {
                let value = table.value(row, column)
                guard let first = value.utf8.first, let last = value.utf8.last,
                    first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
                else { continue }
                if reported[k] < limit {
                    reported[k] += 1
                    findings.report(
                        .paddedValue(file: table.file, line: table.line(row), column: table.header[column], value: value))
                } else if more[k] == nil {
                    more[k] = (1, table.line(row))
                } else {
                    more[k]!.count += 1
                }
            }
        }
        for (k, column) in indices.enumerated() {
            guard let rest = more[k] else { continue }
            findings.report(
                .morePaddedValues(
                    file: table.file, line: rest.firstLine, column: table.header[column], count: rest.count, shown: limit))
        }
    }
}
