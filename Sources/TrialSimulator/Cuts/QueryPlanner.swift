/// Chooses, from its own random stream, which of a subject's values were entered wrong and when they were corrected.
///
/// Only queries resolved by the study's data cut-off are kept, so the full history (no `--as-of`)
/// shows every value corrected and stays what it was before data cleaning existed.
struct QueryPlanner {
    let context: SimulationContext
    let layout: FormLayout
    var rng: RandomSource

    private var rates: SimulationProfile.Corrections { context.profile.corrections ?? .standard }

    /// The queries on `rows`, the rendered full history of `record`.
    mutating func plan(_ rows: [EDCRow], record: SubjectRecord) -> [DataQuery] {
        var queries: [DataQuery] = []
        var aeOrdinal = 0
        for (i, row) in rows.enumerated() {
            switch row.form {
            case .ae:
                queries += adverseEvent(row, at: i, event: record.adverseEvents[aeOrdinal])
                aeOrdinal += 1
            case .tm: queries += measurement(row, at: i).map { [$0] } ?? []
            case .ex: queries += missingTime(row, at: i).map { [$0] } ?? []
            default: break
            }
        }
        return queries.filter { $0.resolved <= context.cutoff }
    }

    private mutating func resolution(after day: StudyDay) -> StudyDay {
        let window = rates.resolutionDays
        return day + rng.int(window[0]...max(window[0], window[1]))
    }

    private mutating func adverseEvent(_ row: EDCRow, at i: Int, event e: AdverseEvent) -> [DataQuery] {
        guard !e.fatal else { return [] }
        var out: [DataQuery] = []
        if rng.chance(rates.adverseEventGradeRate) {
            let wrong = e.grade == 1 ? 2 : e.grade - 1
            out.append(
                DataQuery(
                    kind: .adverseEventGrade, row: i, column: layout.index(.ae, "AETOXGR"), wrong: String(wrong),
                    raised: e.start, resolved: resolution(after: e.start)))
        }
        let endColumn = layout.index(.ae, "AEENDAT")
        if let end = e.end, !row.values[endColumn].hasPrefix("UN"), rng.chance(rates.adverseEventEndDateRate),
            let typo = QueryPlanner.typo(end, notBefore: e.start, rng: &rng)
        {
            out.append(
                DataQuery(
                    kind: .adverseEventEndDate, row: i, column: endColumn, wrong: typo.edc, raised: end,
                    resolved: resolution(after: end)))
        }
        return out
    }

    private mutating func measurement(_ row: EDCRow, at i: Int) -> DataQuery? {
        let column = layout.index(.tm, "TMDIAM")
        guard row.values[layout.index(.tm, "FolderName")] != "Screening", let mm = Int(row.values[column]),
            rng.chance(rates.measurementRate)
        else { return nil }
        let wrong = max(0, mm + rng.pick([-4, -3, -2, 2, 3, 4]))
        guard wrong != mm else { return nil }
        return DataQuery(
            kind: .measurement, row: i, column: column, wrong: String(wrong), raised: row.entered,
            resolved: resolution(after: row.entered))
    }

    private mutating func missingTime(_ row: EDCRow, at i: Int) -> DataQuery? {
        let column = layout.index(.ex, "EXENTIM")
        guard !row.values[column].isEmpty, rng.chance(rates.missingTimeRate) else { return nil }
        return DataQuery(
            kind: .missingTime, row: i, column: column, wrong: "", raised: row.entered, resolved: resolution(after: row.entered))
    }

    /// `day` with one digit of its day of month mistyped, earlier but not before `notBefore`; nil when none fits.
    static func typo(_ day: StudyDay, notBefore: StudyDay, rng: inout RandomSource) -> StudyDay? {
        let d = day.components.day
        let candidates = (1..<d).filter { $0 / 10 == d / 10 || $0 % 10 == d % 10 }.map { day - (d - $0) }.filter {
            $0 >= notBefore
        }
        return candidates.isEmpty ? nil : rng.pick(candidates)
    }
}
