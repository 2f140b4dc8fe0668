/// Filtered lookups: "this subject's record in form F where COND", first or last by a date.
extension RecordBuilder {
    /// The record of a filtered lookup: the subject's records of the form that match the keys and
    /// the filter; several without `pick` are reported (MAP0022) and none is used.
    func filteredMatch(_ join: JoinPlan, filter: LookupFilter, rows: [Int]) -> Int? {
        guard let table = join.table else { return nil }
        let keys = join.keys ?? []
        let wanted = keys.map { $0.primary.map { plan.table.cleanValue(row, $0) } ?? "" }
        let candidates = rows.filter { r in
            zip(keys, wanted).allSatisfy { key, value in (key.joined.map { table.cleanValue(r, $0) } ?? "") == value }
                && (filter.condition?.holds { operand in
                    if case .column(let c?) = operand { return table.cleanValue(r, c) }
                    return ""
                } ?? true)
        }
        guard candidates.count > 1 else { return candidates.first }
        guard let pick = filter.pick else {
            reportOnce("lookup:\(join.form):\(subject):\(candidates)") {
                .ambiguousLookup(
                    form: join.form, file: table.file, lines: candidates.map(table.line), subject: subject, filter: filter.summary
                )
            }
            return nil
        }
        guard let by = filter.by else { return pick == .first ? candidates.first : candidates.last }
        let dated = candidates.compactMap { r -> (row: Int, date: PartialDate)? in
            let text = table.cleanValue(r, by)
            if case .success(let date?) = EDCDateParser.parseDate(TransformText.datePartOrWhole(text)) { return (r, date) }
            reportOnce("lookup-date:\(join.form):\(r)") {
                .undatedLookupRecord(
                    form: join.form, file: table.file, line: table.line(r), column: filter.byName, subject: subject, value: text)
            }
            return nil
        }
        // Stable: among equal dates the earlier record in the file is first.
        let ordered = dated.enumerated().sorted { a, b in
            a.element.date != b.element.date ? a.element.date < b.element.date : a.offset < b.offset
        }
        return pick == .first ? ordered.first?.element.row : ordered.last?.element.row
    }

    /// Reports a finding the first time `key` is seen by this builder.
    private func reportOnce(_ key: String, _ finding: () -> Finding) {
        guard reportedAggregateValues.insert(key).inserted else { return }
        findings.report(finding())
    }
}
