/// Dates before the subject was born (CHK0036).
extension CrossDomainChecks {
    /// Reports the --DTC values of every dataset (DM's own dates included, BRTHDTC aside) that are
    /// certainly before the subject's DM.BRTHDTC, compared at the precision both dates have: one
    /// finding per subject and dataset, showing the first such date and counting them all.
    func checkDatesBeforeBirth(_ context: Context) {
        guard let dm = context.dm, dm.index(of: "BRTHDTC") != nil else { return }
        let subject = Column(dm, "USUBJID"), birthColumn = Column(dm, "BRTHDTC")
        var births: [String: (text: String, date: PartialDate)] = [:]
        for row in dm.rows where births[subject(row)] == nil {
            if let date = ISO8601Value.date(of: birthColumn(row)) { births[subject(row)] = (birthColumn(row), date) }
        }
        guard !births.isEmpty else { return }
        for dataset in context.datasets {
            let locate = RecordLocator(dataset)
            let dates = dataset.variables.map(\.name).filter { $0.hasSuffix("DTC") && $0 != "BRTHDTC" }
                .map { (name: $0, column: Column(dataset, $0)) }
            guard locate.usubjid.exists, !dates.isEmpty else { continue }
            // One finding per subject and dataset: its first date before birth, and how many there are.
            var found = FirstOccurrences<String>()
            var firsts: [String: (variable: String, value: String)] = [:]
            for row in dataset.rows {
                let subject = locate.usubjid(row)
                guard let birth = births[subject] else { continue }
                for date in dates {
                    let text = date.column(row)
                    guard let value = ISO8601Value.date(of: text), birth.date.isAfter(value) else { continue }
                    if firsts[subject] == nil { firsts[subject] = (date.name, text) }
                    found.add(subject, locate(row))
                }
            }
            for entry in found.entries {
                guard let first = firsts[entry.key], let birth = births[entry.key] else { continue }
                findings.report(
                    .dateBeforeBirth(
                        entry.record, variable: first.variable, value: first.value,
                        birth: birth.text, dates: entry.count))
            }
        }
    }
}
