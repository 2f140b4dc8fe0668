/// Exposure checks: DM reference exposure dates against EX (CG0148, SD0070) and doses (SD0014, SD0035).
extension CrossDomainChecks {
    /// The first and last exposure dates of one subject, as ISO 8601 text.
    struct ExposureSpan {
        var records = 0
        var earliestStart: String?
        var latestEnd: String?

        mutating func add(start: String, end: String) {
            records += 1
            if ISO8601Value.isValid(start), earliestStart.map({ start < $0 }) ?? true { earliestStart = start }
            let last = ISO8601Value.isValid(end) ? end : start
            if ISO8601Value.isValid(last), latestEnd.map({ last > $0 }) ?? true { latestEnd = last }
        }
    }

    /// The exposure span of every subject with EX records.
    static func exposureSpans(_ ex: Dataset) -> [String: ExposureSpan] {
        let usubjid = Column(ex, "USUBJID"), start = Column(ex, "EXSTDTC"), end = Column(ex, "EXENDTC")
        var spans: [String: ExposureSpan] = [:]
        for row in ex.rows where !usubjid(row).isEmpty {
            spans[usubjid(row), default: ExposureSpan()].add(start: start(row), end: end(row))
        }
        return spans
    }

    /// True when two ISO 8601 texts agree at the precision of the shorter one (`2023-01-05` = `2023-01-05T10:00`).
    static func sameAtCommonPrecision(_ a: String, _ b: String) -> Bool {
        let length = min(a.count, b.count)
        return a.prefix(length) == b.prefix(length)
    }

    /// Compares DM.RFXSTDTC / RFXENDTC with each subject's EX records.
    func checkReferenceExposureDates(_ context: Context) {
        guard let dm = context.dm, let ex = context.byName["EX"] else { return }
        let spans = Self.exposureSpans(ex)
        let locate = RecordLocator(dm)
        let armcd = Column(dm, "ACTARMCD"), first = Column(dm, "RFXSTDTC"), last = Column(dm, "RFXENDTC")
        for row in dm.rows {
            let record = locate(row)
            guard let span = spans[record.usubjid] else {
                if !armcd(row).isEmpty || !first(row).isEmpty {
                    findings.report(.treatedWithoutExposure(record, actualArm: armcd(row), firstExposure: first(row)))
                }
                continue
            }
            guard !first(row).isEmpty else {
                findings.report(.exposureWithoutReferenceStart(record, records: span.records))
                continue
            }
            if let earliest = span.earliestStart, !Self.sameAtCommonPrecision(first(row), earliest) {
                findings.report(.firstExposureMismatch(record, value: first(row), earliest: earliest))
            }
            if let latest = span.latestEnd, !last(row).isEmpty, !Self.sameAtCommonPrecision(last(row), latest) {
                findings.report(.lastExposureMismatch(record, value: last(row), latest: latest))
            }
        }
    }

    /// Reports negative doses and doses without a unit in EX.
    func checkDoses(_ context: Context) {
        guard let ex = context.byName["EX"] else { return }
        let locate = RecordLocator(ex), dose = Column(ex, "EXDOSE"), unit = Column(ex, "EXDOSU")
        guard dose.exists else { return }
        for row in ex.rows where !dose(row).isEmpty {
            if let value = Double(dose(row)), value < 0 { findings.report(.negativeDose(locate(row), value: dose(row))) }
            if unit(row).isEmpty { findings.report(.doseWithoutUnit(locate(row), value: dose(row))) }
        }
    }
}
