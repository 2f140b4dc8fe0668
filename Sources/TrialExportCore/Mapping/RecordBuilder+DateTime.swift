extension RecordBuilder {
    /// ISO 8601 from an EDC date (or date-time) field and an optional time field, read with their
    /// declared formats; invalid input becomes a finding.
    func assignDatetime(_ variable: CompiledVariable) -> String {
        guard let dateField = variable.date, let text = raw(dateField) else { return "" }
        dateFields[variable.slot] = dateField
        let name = variable.spec.variable
        guard let (date, ownTime) = parseDate(text, field: dateField, variable: name, format: variable.formats.date) else {
            return ""
        }
        // A date after the data cut-off was not known at the cut-off (e.g. the end of an ongoing event).
        if let cutoff = context.cutoff, date.isAfter(cutoff) {
            findings.report(
                name == "BRTHDTC"
                    ? .birthDateAfter(
                        location(dateField), usubjid: usubjidForFindings, value: text,
                        reference: "the data cut-off", referenceDate: cutoff.description, nulled: true)
                    : .dateAfterCutoff(
                        location(dateField), domain: domain, usubjid: usubjidForFindings, variable: name,
                        value: text, cutoff: cutoff.description))
            return ""
        }
        let (time, timeField, timeText) = recordTime(variable, ownTime: ownTime, dateField: dateField, dateText: text)
        if time != nil, !date.isComplete {
            findings.report(
                .timeOfPartialDate(
                    location(timeField), domain: domain, usubjid: usubjidForFindings, variable: name,
                    value: timeText, date: date.description))
        }
        return EDCDateParser.iso8601(date: date, time: time)
    }

    /// The time of a record: the date-time value's own, else the time field's (with the field and
    /// text it came from). A time field that cannot be read, or disagrees with the value's own
    /// time, is reported.
    private func recordTime(_ variable: CompiledVariable, ownTime: String?, dateField: RawField, dateText: String) -> (
        String?, RawField, String
    ) {
        guard let timeField = variable.time, let timeText = raw(timeField), !timeText.isEmpty else {
            return (ownTime, dateField, dateText)
        }
        let name = variable.spec.variable
        switch DateReading.time(timeText, format: variable.formats.time) {
        case .success(let t):
            guard let own = ownTime else { return (t, timeField, timeText) }
            if let t, own != t {
                findings.report(
                    .timeConflict(
                        location(timeField), domain: domain, usubjid: usubjidForFindings, variable: name,
                        value: timeText, dateTime: dateText))
            }
        case .failure(let failure):
            findings.report(
                .invalidDate(
                    location(timeField), domain: domain, usubjid: usubjidForFindings, variable: name,
                    value: timeText, failure: failure, format: variable.formats.time?.pattern))
        }
        return (ownTime, dateField, dateText)
    }

    /// The date (and the time of a date-time value) of a field; nil, with a finding, when it cannot be read.
    func parseDate(_ text: String, field: RawField, variable: String, format: DateFormat?) -> (PartialDate, String?)? {
        switch DateReading.date(text, format: format) {
        case .success(let value): return value
        case .failure(let failure):
            findings.report(
                .invalidDate(
                    location(field), domain: domain, usubjid: usubjidForFindings,
                    variable: variable, value: text, failure: failure, format: format?.pattern))
            return nil
        }
    }

    /// Earliest or latest date/time of the subject's records in the variable's sources.
    ///
    /// Invalid dates of a column some `assign_datetime` maps are reported there, the others here;
    /// either way they take no part. Partial dates take part only when no complete date exists.
    func aggregateDatetime(_ variable: CompiledVariable, latest: Bool) -> String {
        var best: (date: PartialDate, text: String)?
        for source in variable.sources {
            guard source.table != nil else { continue }
            for index in source.subjectRows[subject] ?? [] {
                if let condition = source.condition, !source.holds(condition, row: index) { continue }
                guard
                    let (date, time) = known(source.date, source.time, row: index, of: source)
                        ?? (source.source.fallbackDate == nil
                            ? nil
                            : known(source.fallbackDate, source.fallbackTime, row: index, of: source))
                else { continue }
                let iso = EDCDateParser.iso8601(date: date, time: time)
                if let current = best {
                    if preferable(date, iso, over: current, latest: latest) { best = (date, iso) }
                } else {
                    best = (date, iso)
                }
            }
        }
        return best?.text ?? ""
    }

    /// A record's date (and time) when it is valid and not after the data cut-off. An invalid value
    /// of a column no `assign_datetime` maps is reported here (the others are, where they are mapped).
    private func known(_ dateColumn: Int?, _ timeColumn: Int?, row: Int, of source: CompiledSource) -> (PartialDate, String?)? {
        guard let dateColumn, let table = source.table else { return nil }
        let text = table.value(row, dateColumn)
        let parsed = DateReading.date(text, format: source.formats.date)
        if case .failure(let failure) = parsed {
            reportUnmapped(failure, text, column: dateColumn, row: row, of: table, format: source.formats.date)
        }
        guard case .success(let (date, ownTime)?) = parsed else { return nil }
        if let cutoff = context.cutoff, date.isAfter(cutoff) { return nil }
        guard let timeColumn, ownTime == nil else { return (date, date.isComplete ? ownTime : nil) }
        let timeText = table.value(row, timeColumn)
        switch DateReading.time(timeText, format: source.formats.time) {
        case .success(let time): return (date, time)
        case .failure(let failure):
            reportUnmapped(failure, timeText, column: timeColumn, row: row, of: table, format: source.formats.time)
            return (date, nil)
        }
    }

    /// Reports an invalid date or time that an aggregate leaves out, unless a variable mapping the
    /// column with the same format reports it.
    private func reportUnmapped(
        _ failure: DateReadFailure, _ text: String, column: Int, row: Int, of table: RawTable, format: DateFormat?
    ) {
        let name = table.header[column]
        let key = RawDateFormats.key(form: table.form, column: name, pattern: format?.pattern)
        guard !context.mappedDateColumns.contains(key),
            reportedAggregateValues.insert("\(table.form):\(row):\(column)").inserted
        else { return }
        findings.report(
            .invalidDate(
                .init(file: table.file, line: table.line(row), column: name), domain: domain,
                usubjid: usubjidForFindings, variable: "\(table.form).\(name)", value: text,
                failure: failure, format: format?.pattern))
    }

    private func preferable(_ date: PartialDate, _ iso: String, over current: (date: PartialDate, text: String), latest: Bool)
        -> Bool
    {
        if date.isComplete != current.date.isComplete { return date.isComplete }
        if date == current.date {
            // Same day: the record with a time is more precise; between two times, the earlier/later one.
            if iso.utf8.count != current.text.utf8.count { return iso.utf8.count > current.text.utf8.count }
            return latest ? iso > current.text : iso < current.text
        }
        return latest ? date > current.date : date < current.date
    }

    /// Study day of `variables[0]` relative to `variables[1]`.
    func studyDay(_ variable: CompiledVariable) -> String {
        let references = variable.references
        guard references.count == 2,
            let day = ISO8601Value.studyDay(value(references[0]), reference: value(references[1]))
        else { return "" }
        return String(day)
    }
}

extension CompiledSource {
    /// Whether the source's condition holds for one of its records (columns read as collected).
    func holds(_ condition: CompiledCondition, row: Int) -> Bool {
        condition.holds { operand in
            guard case .column(let column?) = operand, let table else { return "" }
            return table.value(row, column)
        }
    }
}
