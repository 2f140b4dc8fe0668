import TrialExportCore

/// The workbook's "Changes" sheet: what differs from the previous transfer, dataset by dataset.
///
/// The sheet opens with the previous transfer's cut-off and the counts per dataset; then one row
/// per added or removed record and per changed value, the record's key written as `VAR=value`
/// pairs, and for records of this transfer a link to the row on its dataset's sheet.
struct ChangesSheet {
    static let name = "Changes"
    static let columns = ["Dataset", "Change", "Key", "Variable", "Previous", "Current", "Row"]
    /// Key variables left out of the key text: the same in every record of a dataset.
    static let constantKeys: Set<String> = ["STUDYID", "DOMAIN", "RDOMAIN"]

    private(set) var rows: [[String]] = []
    /// Per dataset, in order of first change: records added, changed and removed.
    private(set) var counts: [(dataset: String, added: Int, changed: Int, removed: Int)] = []

    /// Adds the differences of one dataset.
    mutating func add(_ diff: DatasetDiff, dataset name: String) {
        let tally = (added: diff.added.count, changed: diff.changed.count, removed: diff.removed.count)
        for record in diff.added {
            rows.append([name, "added", key(record.key, diff), "", "", Self.values(record.values), String(record.line - 1)])
        }
        for change in diff.changed {
            for value in change.changes {
                rows.append([
                    name, "changed", key(change.key, diff), value.variable, value.old, value.new, String(change.newLine - 1),
                ])
            }
        }
        for record in diff.removed {
            rows.append([name, "removed", key(record.key, diff), "", Self.values(record.values), "", ""])
        }
        for column in diff.columnsAdded { rows.append([name, "variable added", "", column, "", "", ""]) }
        for column in diff.columnsRemoved { rows.append([name, "variable removed", "", column, "", "", ""]) }
        if diff.columnsAdded.isEmpty && diff.columnsRemoved.isEmpty && tally == (0, 0, 0) { return }
        counts.append((name, tally.added, tally.changed, tally.removed))
    }

    /// A dataset only this transfer has.
    mutating func addDataset(_ name: String, records: Int) {
        rows.append([name, "dataset added", "", "", "", Plural.count(records, "record"), ""])
        counts.append((name, records, 0, 0))
    }

    /// A dataset only the previous transfer has.
    mutating func removeDataset(_ name: String) {
        rows.append([name, "dataset removed", "", "", "", "", ""])
        counts.append((name, 0, 0, 0))
    }

    /// The sheet, naming the previous transfer by its cut-off.
    func table(previousCutoff: String?) -> SheetTable {
        var table = SheetTable(
            name: Self.name, columns: Self.columns, numericColumns: [6],
            rows: rows.isEmpty ? [["", "no changes since the previous transfer", "", "", "", "", ""]] : rows)
        table.caption = "Records added, removed or changed since the previous transfer"
        let since = previousCutoff.map { "the previous transfer (data cut-off \($0))" } ?? "the previous transfer"
        table.preamble = ["Changes since \(since)"]
        for count in counts {
            let parts = [
                count.added > 0 ? "\(count.added) added" : nil,
                count.changed > 0 ? "\(count.changed) changed" : nil,
                count.removed > 0 ? "\(count.removed) removed" : nil,
            ].compactMap { $0 }
            table.preamble.append("\(count.dataset): " + (parts.isEmpty ? "variables changed" : parts.joined(separator: ", ")))
        }
        table.rowLinks = SheetTable.RowLinks(sheetColumn: 0, rowColumn: 6)
        table.frozenColumns = 2
        return table
    }

    /// `USUBJID=...; AETERM=...`: the key variables and their values.
    private func key(_ values: [String], _ diff: DatasetDiff) -> String {
        zip(diff.keys, values).filter { !Self.constantKeys.contains($0.0) }.map { "\($0.0)=\($0.1)" }
            .joined(separator: "; ")
    }

    /// A record's non-null values as `VAR=value` pairs.
    static func values(_ values: [(variable: String, value: String)]) -> String {
        values.filter { !$0.value.isEmpty && !constantKeys.contains($0.variable) }.map { "\($0.variable)=\($0.value)" }
            .joined(separator: "; ")
    }
}
