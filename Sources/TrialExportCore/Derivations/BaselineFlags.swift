/// --LOBXFL: the last observation before exposure, set once all of a subject's records are mapped.
///
/// For each `baseline_flag` variable (`variables: [--TESTCD, --DTC, result]`), the subject's
/// record of each test with a result, a complete date on or before the first dose date
/// (DM.RFXSTDTC, compared as dates) and the latest --DTC gets `Y` (the later row on a tie); every
/// other record is null. A subject never dosed has no flag.
public enum BaselineFlags {
    public static func assign(_ dataset: inout Dataset, spec: DomainSpec, dm: Dataset?) {
        var done = Set<String>()
        for variable in spec.records.flatMap(\.variables) where variable.algorithm == .baselineFlag {
            guard done.insert(variable.variable).inserted, let names = variable.variables, names.count == 3 else { continue }
            assign(&dataset, flag: variable.variable, test: names[0], date: names[1], result: names[2], firstDose: firstDoses(dm))
        }
    }

    /// DM.RFXSTDTC's day number by USUBJID (complete dates only).
    static func firstDoses(_ dm: Dataset?) -> [String: Int] {
        guard let dm, let subject = dm.index(of: "USUBJID"), let start = dm.index(of: "RFXSTDTC") else { return [:] }
        var out: [String: Int] = [:]
        for row in dm.rows {
            if let day = ISO8601Value.dayNumber(ofComplete: String(row[start].prefix(10))) { out[row[subject]] = day }
        }
        return out
    }

    static func assign(
        _ dataset: inout Dataset, flag: String, test: String, date: String, result: String, firstDose: [String: Int]
    ) {
        guard let column = dataset.index(of: flag), let subject = dataset.index(of: "USUBJID"),
            let testColumn = dataset.index(of: test), let dateColumn = dataset.index(of: date),
            let resultColumn = dataset.index(of: result)
        else { return }
        // Per subject and test: the row chosen so far and its --DTC.
        var chosen: [String: (row: Int, dtc: String)] = [:]
        for (r, row) in dataset.rows.enumerated() {
            if !row[column].isEmpty { dataset.setValue("", row: r, column: column) }
            let dtc = row[dateColumn]
            guard !row[resultColumn].trimmingSpaces.isEmpty, let dose = firstDose[row[subject]],
                let day = ISO8601Value.dayNumber(ofComplete: String(dtc.prefix(10))), day <= dose
            else { continue }
            let key = row[subject] + "\u{1}" + row[testColumn]
            if let earlier = chosen[key], earlier.dtc > dtc { continue }
            chosen[key] = (r, dtc)
        }
        for (_, pick) in chosen { dataset.setValue("Y", row: pick.row, column: column) }
    }
}
