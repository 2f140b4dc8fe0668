extension RecordBuilder {
    /// ISO 8601 from an EDC date field and an optional time field; invalid input becomes a finding.
    func assignDatetime(_ spec: VariableSpec) -> String {
        guard let dateField = spec.date else { return "" }
        let dateRef = FieldRef(dateField, defaultForm: block.form)
        guard let text = rawValue(dateRef) else { return "" }
        guard let date = parseDate(text, ref: dateRef, variable: spec.variable) else { return "" }
        // A date after the data cut-off was not known at the cut-off (e.g. the end of an ongoing event).
        if let cutoff = context.cutoff, date.isAfter(cutoff) { return "" }
        var time: String?
        if let timeField = spec.time {
            let timeRef = FieldRef(timeField, defaultForm: block.form)
            let timeText = rawValue(timeRef) ?? ""
            switch EDCDateParser.parseTime(timeText) {
            case .success(let t): time = t
            case .failure(let failure):
                findings.report(.invalidDate(location(timeRef), domain: domain, usubjid: usubjidForFindings,
                                             variable: spec.variable, value: timeText, failure: failure))
            }
        }
        return EDCDateParser.iso8601(date: date, time: time)
    }

    func parseDate(_ text: String, ref: FieldRef, variable: String) -> PartialDate? {
        switch EDCDateParser.parseDate(text) {
        case .success(let date): return date
        case .failure(let failure):
            findings.report(.invalidDate(location(ref), domain: domain, usubjid: usubjidForFindings,
                                         variable: variable, value: text, failure: failure))
            return nil
        }
    }

    /// Earliest or latest date/time of the subject's records in the spec's sources.
    ///
    /// Invalid dates in aggregated forms are not reported here: the block that maps that form
    /// reports them. Partial dates take part only when no complete date exists.
    func aggregateDatetime(_ spec: VariableSpec, latest: Bool) -> String {
        var best: (date: PartialDate, text: String)?
        for source in spec.sources ?? [] {
            guard let table = context.raw.table(source.form) else { continue }
            for index in context.raw.rows(of: subject, in: source.form) {
                let row = table.rows[index]
                let lookup: (String?, String?) -> String = { column, _ in
                    column.flatMap { table.value($0, in: row) } ?? ""
                }
                if let condition = source.where, !condition.holds(lookup) { continue }
                guard let (date, time) = known(source.date, source.time, in: row, of: table)
                        ?? source.fallbackDate.flatMap({ known($0, source.fallbackTime, in: row, of: table) })
                else { continue }
                let iso = EDCDateParser.iso8601(date: date, time: time)
                if let current = best {
                    let better = preferable(date, iso, over: current, latest: latest)
                    if better { best = (date, iso) }
                } else {
                    best = (date, iso)
                }
            }
        }
        return best?.text ?? ""
    }

    /// A record's date (and time) when it is valid and not after the data cut-off.
    private func known(_ dateColumn: String, _ timeColumn: String?, in row: RawRow, of table: RawTable) -> (PartialDate, String?)? {
        guard let text = table.value(dateColumn, in: row), case .success(let date?) = EDCDateParser.parseDate(text) else { return nil }
        if let cutoff = context.cutoff, date.isAfter(cutoff) { return nil }
        guard let timeColumn, case .success(let time) = EDCDateParser.parseTime(table.value(timeColumn, in: row) ?? "") else {
            return (date, nil)
        }
        return (date, time)
    }

    private func preferable(_ date: PartialDate, _ iso: String, over current: (date: PartialDate, text: String), latest: Bool) -> Bool {
        if date.isComplete != current.date.isComplete { return date.isComplete }
        if date == current.date {
            // Same day: the record with a time is more precise; between two times, the earlier/later one.
            if iso.count != current.text.count { return iso.count > current.text.count }
            return latest ? iso > current.text : iso < current.text
        }
        return latest ? date > current.date : date < current.date
    }

    /// Age in completed years at the reference date; the collected age when dates are partial.
    func ageYears(_ spec: VariableSpec) -> String {
        let names = spec.variables ?? []
        if names.count == 2,
           let birth = ISO8601Value.date(of: variable(names[0])),
           let reference = ISO8601Value.date(of: variable(names[1])),
           let years = ISO8601Value.completedYears(from: birth, to: reference) {
            return String(years)
        }
        guard let from = spec.from, let collected = rawValue(FieldRef(from, defaultForm: block.form)),
              let number = Int(collected) else { return "" }
        return String(number)
    }

    /// Study day of `variables[0]` relative to `variables[1]`.
    func studyDay(_ spec: VariableSpec) -> String {
        let names = spec.variables ?? []
        guard names.count == 2, let day = ISO8601Value.studyDay(variable(names[0]), reference: variable(names[1])) else {
            return ""
        }
        return String(day)
    }
}
