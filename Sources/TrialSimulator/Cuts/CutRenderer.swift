/// Shows a subject's rendered full history as it stood on one day: later rows left out, open
/// events and dosing intervals without their end, the best response so far, unresolved errors.
struct CutRenderer {
    let context: SimulationContext
    let layout: FormLayout

    /// The rows visible on `day` as (position in `rows`, values); none before the screening visit.
    func rows(_ rows: [EDCRow], record: SubjectRecord, queries: [DataQuery], on day: StudyDay) -> [(index: Int, values: [String])]
    {
        guard record.screening <= day else { return [] }
        var out: [(index: Int, values: [String])] = []
        for (i, row) in rows.enumerated() {
            guard var values = visible(row, record: record, on: day) else { continue }
            for q in queries where q.row == i && q.isOpen(on: day) { values[q.column] = q.wrong }
            out.append((i, values))
        }
        return out
    }

    private func visible(_ row: EDCRow, record: SubjectRecord, on day: StudyDay) -> [String]? {
        switch row.evolution {
        case .bestResponse?: return bestResponse(row, record: record, on: day)
        case let .adverseEvent(end, fatal, serious)?:
            return row.entered <= day ? adverseEvent(row.values, end: end, fatal: fatal, serious: serious, on: day) : nil
        case let .dosing(end)?:
            guard row.entered <= day else { return nil }
            guard end > day else { return row.values }
            var values = row.values
            values[layout.index(.ex, "EXENDAT")] = ""
            values[layout.index(.ex, "EXENTIM")] = ""
            return values
        case nil: return row.entered <= day ? row.values : nil
        }
    }

    /// An event not ended by `day` is ongoing; a fatal one is grade 4, not yet fatal.
    private func adverseEvent(_ row: [String], end: StudyDay?, fatal: Bool, serious: Bool, on day: StudyDay) -> [String] {
        guard let end, end > day else { return row }
        var values = row
        let set = { (column: String, value: String) in values[layout.index(.ae, column)] = value }
        set("AEENDAT", "")
        set("AEONGO", "Yes")
        set("AEOUT", end - day <= 3 ? "Recovering/Resolving" : "Not recovered/Not resolved")
        if fatal {
            set("AETOXGR", "4")
            set("AESDTH", "No")
            set("AESER", serious ? "Yes" : "No")
        }
        return values
    }

    /// The best overall response from the assessments up to `day`; the full row when it is the same.
    private func bestResponse(_ row: EDCRow, record: SubjectRecord, on day: StudyDay) -> [String]? {
        let responses = record.assessments.dropFirst().filter { $0.day <= day }.map { (day: $0.day, overall: $0.overall) }
        guard let firstDose = record.firstDose, !responses.isEmpty,
            let best = RecistRules.best(
                responses: responses, firstDose: firstDose, minimumSDDays: 7 * context.schedule.tumourAssessmentEveryWeeks)
        else { return nil }
        if let full = record.bestResponse, full.day == best.day, full.response == best.response { return row.values }
        return [record.site, record.subject, best.day.edc, best.response]
    }
}
