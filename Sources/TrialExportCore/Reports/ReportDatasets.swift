/// The SDTM datasets the reports read, by name; a missing dataset reads as one without rows.
public struct ReportDatasets: Sendable {
    private let byName: [String: Dataset]

    public init(_ datasets: [Dataset]) {
        var byName: [String: Dataset] = [:]
        for dataset in datasets where byName[dataset.name] == nil { byName[dataset.name] = dataset }
        self.byName = byName
    }

    /// The dataset called `name` (DM, DS, ...), nil when the export has none.
    public func dataset(_ name: String) -> Dataset? { byName[name] }

    /// The values of `variables` in every row of `name`, in row order ("" where a variable is absent).
    func select(_ name: String, _ variables: [String]) -> [[String]] {
        guard let dataset = byName[name] else { return [] }
        let indexes = variables.map { dataset.index(of: $0) }
        return dataset.rows.map { row in indexes.map { $0.map { row[$0] } ?? "" } }
    }

    /// QVAL of `qnam` in SUPP<rdomain>, by USUBJID and IDVARVAL (the parent's --SEQ as text).
    func qualifier(_ qnam: String, of rdomain: String) -> [String: [String: String]] {
        var values: [String: [String: String]] = [:]
        for row in select("SUPP\(rdomain)", ["USUBJID", "QNAM", "IDVARVAL", "QVAL"]) where row[1] == qnam {
            values[row[0], default: [:]][row[2].trimmingSpaces] = row[3]
        }
        return values
    }
}
