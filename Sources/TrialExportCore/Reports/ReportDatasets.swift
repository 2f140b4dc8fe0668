import Foundation

/// The SDTM datasets the reports read, by name; a missing dataset reads as one without rows.
///
/// Selections and qualifier maps are made once and shared: every arm's summary reads the same ones.
public struct ReportDatasets: Sendable {
    private let byName: [String: Dataset]
    private let memo = Memo()

    public init(_ datasets: [Dataset]) {
        var byName: [String: Dataset] = [:]
        for dataset in datasets where byName[dataset.name] == nil { byName[dataset.name] = dataset }
        self.byName = byName
    }

    /// The dataset called `name` (DM, DS, ...), nil when the export has none.
    public func dataset(_ name: String) -> Dataset? { byName[name] }

    /// The values of `variables` in every row of `name`, in row order ("" where a variable is absent).
    /// A view: nothing is copied, each value is read from the dataset's columns when asked for.
    func select(_ name: String, _ variables: [String]) -> Selection {
        guard let dataset = byName[name] else { return Selection(cells: DatasetColumns(width: 0), indexes: []) }
        return Selection(cells: dataset.cells, indexes: variables.map { dataset.index(of: $0) })
    }

    /// Some variables of every row of a dataset.
    struct Selection: RandomAccessCollection {
        let cells: DatasetColumns
        /// The column of each selected variable, nil when the dataset lacks it.
        let indexes: [Int?]
        var startIndex: Int { 0 }
        var endIndex: Int { indexes.isEmpty ? 0 : cells.rowCount }
        subscript(row: Int) -> SelectedRow { SelectedRow(cells: cells, row: row, indexes: indexes) }
    }

    /// The selected variables of one row: `row[0]` is the first one named.
    struct SelectedRow: RandomAccessCollection {
        let cells: DatasetColumns
        let row: Int
        let indexes: [Int?]
        var startIndex: Int { 0 }
        var endIndex: Int { indexes.count }
        subscript(position: Int) -> String { indexes[position].map { cells[row, $0] } ?? "" }
    }

    /// QVAL of `qnam` in SUPP<rdomain>, by USUBJID and IDVARVAL (the parent's --SEQ as text).
    func qualifier(_ qnam: String, of rdomain: String) -> [String: [String: String]] {
        memo.value(["QNAM", qnam, rdomain]) { () -> [String: [String: String]] in
            var values: [String: [String: String]] = [:]
            guard let supp = byName["SUPP\(rdomain)"], let usubjid = supp.index(of: "USUBJID"), let name = supp.index(of: "QNAM"),
                let idvarval = supp.index(of: "IDVARVAL"), let qval = supp.index(of: "QVAL")
            else { return values }
            for row in supp.rows where row[name] == qnam {
                values[row[usubjid], default: [:]][row[idvarval].trimmingSpaces] = row[qval]
            }
            return values
        }
    }

    /// Results computed once, by a key naming what was computed.
    final class Memo: @unchecked Sendable {
        // @unchecked: `results` is only touched while holding `lock`.
        private let lock = NSLock()
        private var results: [[String]: Any] = [:]

        func value<T>(_ key: [String], _ compute: () -> T) -> T {
            lock.lock(); defer { lock.unlock() }
            if let known = results[key] as? T { return known }
            let value = compute()
            results[key] = value
            return value
        }
    }
}
