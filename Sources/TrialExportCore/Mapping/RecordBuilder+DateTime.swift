extension RecordBuilder {
    /// ISO 8601 from an EDC date field and an optional time field; invalid input becomes a finding.
    func assignDatetime(_ variable: CompiledVariable) -> String {
        guard let dateField = variable.date, let text = raw(dateField) else { return "" }
        dateFields[variable.slot] = dateField
        guard let date = parseDate(text, field: dateField, variable: variable.spec.variable) else { return "" }
        // A date after the data cut-off was not known at the cut-off (e.g. the end of an ongoing event).
        if let cutoff = context.cutoff, date.isAfter(cutoff) {
            let variableName = variable.spec.variable
            findings.report(
                variableName == "BRTHDTC"
                    ? .birthDateAfter(
                        location(dateField), usubjid: usubjidForFindings, value: text,
                        reference: "the data cut-off", referenceDate: cutoff.description, nulled: true)
                    : .dateAfterCutoff(
                        location(dateField), domain: domain, usubjid: usubjidForFindings, variable: variableName,
                        value: text, cutoff: cutoff.description))
            return ""
        }
        var time: String?
        if let timeField = variable.time {
            let timeText = raw(timeField) ?? ""
            switch EDCDateParser.parseTime(timeText) {
            case .success(let t): time = t
            case .failure(let failure):
                findings.report(
                    .invalidDate(
                        location(timeField), domain: domain, usubjid: usubjidForFindings,
                        variable: variable.spec.variable, value: timeText, failure: failure))
            }
        }
        return EDCDateParser.iso8601(date: date, time: time)
    }

    func parseDate(_ text: String, field: RawField, variable: String) -> PartialDate? {
        switch EDCDateParser.parseDate(text) {
        case .success(let date): return date
        case .failure(let failure):
            findings.report(
                .invalidDate(
                    location(field), domain: domain, usubjid: usubjidForFindings,
                    variable: variable, value: text, failure: failure))
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
            guard let table = source.table else { continue }
            for index in source.subjectRows[subject] ?? [] {
                if let condition = source.condition, !source.holds(condition, row: index) { continue }
                guard
                    let (date, time) = known(source.date, source.time, row: index, of: table)
                        ?? (source.source.fallbackDate == nil
                            ? nil
                            : known(source.fallbackDate, source.fallbackTime, row: index, of: table))
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
    private func known(_ dateColumn: Int?, _ timeColumn: Int?, row: Int, of table: RawTable) -> (PartialDate, String?)? {
        guard let dateColumn else { return nil }
        let text = table.value(row, dateColumn)
        let parsed = EDCDateParser.parseDate(text)
        if case .failure(let failure) = parsed { reportUnmapped(failure, text, column: dateColumn, row: row, of: table) }
        guard case .success(let date?) = parsed else { return nil }
        if let cutoff = context.cutoff, date.isAfter(cutoff) { return nil }
        guard let timeColumn else { return (date, nil) }
        let timeText = table.value(row, timeColumn)
        switch EDCDateParser.parseTime(timeText) {
        case .success(let time): return (date, time)
        case .failure(let failure):
            reportUnmapped(failure, timeText, column: timeColumn, row: row, of: table)
            return (date, nil)
        }
    }

    /// Reports an invalid date or time that an aggregate leaves out, unless a mapped variable reports it.
    private func reportUnmapped(_ failure: EDCDateParser.Failure, _ text: String, column: Int, row: Int, of table: RawTable) {
        let name = table.header[column]
        guard !context.mappedDateColumns.contains("\(table.form).\(name)"),
            reportedAggregateValues.insert("\(table.form):\(row):\(column)").inserted
        else { return }
        findings.report(
            .invalidDate(
                .init(file: table.file, line: table.line(row), column: name), domain: domain,
                usubjid: usubjidForFindings, variable: "\(table.form).\(name)", value: text,
                failure: failure))
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
