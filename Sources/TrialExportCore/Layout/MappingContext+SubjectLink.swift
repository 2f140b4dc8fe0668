/// How the other domains find a subject's DM record: by the raw subject key of the record DM was
/// made from (the subject column of DM's form), not by the derived SUBJID.
extension MappingContext {
    /// The raw subject key of each DM record, from the record's source line in DM's form; nil
    /// for a record whose source is unknown (then its SUBJID links it, as before).
    func rawSubjectKeys(of dm: Dataset) -> [String?] {
        let count = dm.rows.count
        guard dm.sources.count == count else { return Array(repeating: nil, count: count) }
        var byFile: [String: (table: RawTable, column: Int, rows: [Int: Int])] = [:]
        for table in raw.tables.values {
            guard let column = table.columnIndex[raw.subjectColumn(of: table.form)] else { continue }
            byFile[table.file] = (table, column, [:])
        }
        var keys: [String?] = []
        keys.reserveCapacity(count)
        for r in 0..<count {
            let source = dm.sources[r]
            guard let line = source.lines.first, var entry = byFile[source.file] else {
                keys.append(nil)
                continue
            }
            if entry.rows.isEmpty {
                for i in 0..<entry.table.rowCount { entry.rows[entry.table.line(i)] = i }
                byFile[source.file] = entry
            }
            keys.append(entry.rows[line].map { entry.table.cleanValue($0, entry.column) })
        }
        return keys
    }
}
