/// Rows of one trial design dataset, assembled by variable name and laid out in SDTMIG order.
struct DesignTable {
    let metadata: DatasetMetadata
    private(set) var records: [[String: String]] = []

    init(metadata: DatasetMetadata) { self.metadata = metadata }

    mutating func append(_ record: [String: String]) { records.append(record) }

    /// The dataset: Req and Exp variables always, Perm variables only when some row has a value.
    func dataset(studyId: String) -> Dataset {
        let filled = records.map { $0.merging(["STUDYID": studyId, "DOMAIN": metadata.name]) { _, new in new } }
        let variables = metadata.variables.filter { variable in
            variable.core != .perm || filled.contains { !($0[variable.name] ?? "").isEmpty }
        }
        let rows = filled.map { record in variables.map { record[$0.name] ?? "" } }
        var dataset = Dataset(
            name: metadata.name, label: metadata.label, keys: metadata.keys,
            variables: variables, rows: rows)
        dataset.sortByKeys()
        return dataset
    }
}
