import TrialExportCore

/// REDCap's ODM export writes the value of a datetime field (a text field validated as
/// `datetime_*` or `datetime_seconds_*`, ODM DataType `partialDatetime` or `datetime`) with a `T`
/// between date and time (`2026-01-05T14:30`), where its CSV exports and its database hold a space
/// (`2026-01-05 14:30`): its exporter replaces the space by a `T`, nothing else. So a REDCap file's
/// datetime values are read back with the space, each column's change said once (ODM0016), and specs
/// written for the CSV export map the ODM file unchanged. Survey timestamps (already with a space)
/// and values of any other shape are kept as given.
extension ODMREDCapRecords {
    static let datetimeTypes: Set<String> = ["datetime", "partialDatetime"]

    /// `table` with its REDCap datetime values as REDCap's CSV export gives them.
    static func restoringDatetimes(_ table: RawTable, metadata: ODMMetadata, findings: FindingSink) -> RawTable {
        var table = table
        for (at, column) in table.header.enumerated() {
            guard let item = metadata.items[column], datetimeTypes.contains(item.dataType) else { continue }
            var first: (row: Int, value: String)?
            var count = 0
            for row in 0..<table.rowCount where isExportedDatetime(table.value(row, at)) {
                count += 1
                if first == nil { first = (row, table.value(row, at)) }
            }
            guard let first else { continue }
            table = table.mappingValues(ofColumn: at) { isExportedDatetime($0) ? spaced($0) : $0 }
            findings.report(
                .odmREDCapDatetime(
                    file: table.file, line: table.line(first.row), form: table.form, column: column, count: count,
                    value: first.value, read: spaced(first.value)))
        }
        return table
    }

    /// `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, as REDCap's exporter writes a datetime value.
    static func isExportedDatetime(_ value: String) -> Bool {
        let bytes = value.utf8
        guard bytes.count == 16 || bytes.count == 19 else { return false }
        for (byte, wanted) in zip(bytes, shape) {
            if wanted == UInt8(ascii: "d") {
                guard (0x30...0x39).contains(byte) else { return false }
            } else if byte != wanted {
                return false
            }
        }
        return true
    }

    /// The bytes of REDCap's datetime shape, `d` standing for a digit.
    private static let shape = Array("dddd-dd-ddTdd:dd:dd".utf8)

    /// The value with the space REDCap holds between date and time.
    static func spaced(_ value: String) -> String {
        String(value.prefix(10)) + " " + String(value.dropFirst(11))
    }
}
