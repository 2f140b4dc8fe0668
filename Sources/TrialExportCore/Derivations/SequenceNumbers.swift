/// --SEQ: 1..n within each USUBJID, in the order of the rows (sort by the keys first).
public enum SequenceNumbers {
    public static func assign(_ dataset: inout Dataset) {
        guard let seq = dataset.index(of: "\(dataset.name)SEQ"), let subject = dataset.index(of: "USUBJID") else { return }
        var counters: [String: Int] = [:]
        for r in dataset.rows.indices {
            let key = dataset.rows[r][subject]
            let next = (counters[key] ?? 0) + 1
            counters[key] = next
            dataset.setValue(String(next), row: r, column: seq)
        }
    }
}
