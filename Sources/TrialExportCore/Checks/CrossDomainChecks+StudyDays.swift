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
        guard let reference, let dayNumber = Self.dayNumber(ofComplete: date) else { return }
        let expected = Self.studyDay(dayNumber, reference: reference.day)
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
            if let day = dayNumber(ofComplete: reference(row)) { days[usubjid(row)] = (reference(row), day) }
        }
        return days
    }

    /// The SDTM study day of a day number against the reference day number: no day 0 (as ``ISO8601Value/studyDay(_:reference:)``).
    static func studyDay(_ day: Int, reference: Int) -> Int { day >= reference ? day - reference + 1 : day - reference }

    /// The day number of the date part of `YYYY-MM-DD[Thh:mm[:ss]]`, or nil when the date is partial or not a date.
    ///
    /// Reads bytes rather than splitting the text: this runs once per --DY value, millions of times on large studies.
    static func dayNumber(ofComplete text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                bytes.count == 10 || bytes[10] == UInt8(ascii: "T")
            else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for i in range {
                    let digit = Int(bytes[i]) - Int(UInt8(ascii: "0"))
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return PartialDate(year: year, month: month, day: day)?.dayNumber
        }
    }
}
