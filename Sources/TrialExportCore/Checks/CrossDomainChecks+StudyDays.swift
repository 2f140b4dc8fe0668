/// Study day checks: --DY = 0 (SD0038) and --DY inconsistent with --DTC and DM.RFSTDTC (SD1086).
extension CrossDomainChecks {
    /// A --DY variable and the --DTC it is derived from, e.g. AESTDY from AESTDTC.
    struct StudyDayPair {
        let day: String
        let date: String
    }

    /// The --DY variables of `dataset` whose --DTC the dataset also carries (AESTDY/AESTDTC, TUDY/TUDTC, DMDY/DMDTC).
    static func studyDayPairs(in dataset: Dataset) -> [StudyDayPair] {
        dataset.variables.compactMap { variable in
            let name = variable.name
            guard name.count >= dataset.name.count + 2, name.hasPrefix(dataset.name), name.hasSuffix("DY") else { return nil }
            let date = String(name.dropLast()) + "TC"
            return dataset.index(of: date) == nil ? nil : StudyDayPair(day: name, date: date)
        }
    }

    /// Reports every --DY of 0 and every --DY that differs from the one recomputed from complete dates.
    func checkStudyDays(_ context: Context) {
        let references = Self.referenceDays(context)
        for dataset in context.datasets {
            let locate = RecordLocator(dataset)
            let pairs = Self.studyDayPairs(in: dataset)
            guard locate.usubjid.exists, !pairs.isEmpty else { continue }
            let columns = pairs.map { (pair: $0, day: Column(dataset, $0.day), date: Column(dataset, $0.date)) }
            for row in dataset.rows {
                for column in columns where !column.day(row).isEmpty {
                    checkStudyDay(
                        column.pair, day: column.day(row), date: column.date(row), record: locate(row),
                        reference: references[locate.usubjid(row)])
                }
            }
        }
    }

    private func checkStudyDay(
        _ pair: StudyDayPair, day: String, date: String, record: Record,
        reference: (text: String, day: Int)?
    ) {
        guard let value = Double(day) else { return }
        if value == 0 {
            findings.report(.studyDayZero(record, variable: pair.day, value: day))
            return
        }
        guard let reference, let dayNumber = ISO8601Value.dayNumber(ofComplete: date) else { return }
        let expected = ISO8601Value.studyDay(day: dayNumber, reference: reference.day)
        guard value != Double(expected) else { return }
        findings.report(
            .studyDayMismatch(
                record, variable: pair.day, value: day, expected: expected, dateVariable: pair.date,
                date: date, reference: reference.text))
    }

    /// DM.RFSTDTC of every subject whose RFSTDTC is a complete date, with its day number.
    static func referenceDays(_ context: Context) -> [String: (text: String, day: Int)] {
        guard let dm = context.dm else { return [:] }
        let usubjid = Column(dm, "USUBJID"), reference = Column(dm, "RFSTDTC")
        var days: [String: (text: String, day: Int)] = [:]
        for row in dm.rows where days[usubjid(row)] == nil {
            if let day = ISO8601Value.dayNumber(ofComplete: reference(row)) { days[usubjid(row)] = (reference(row), day) }
        }
        return days
    }
}
