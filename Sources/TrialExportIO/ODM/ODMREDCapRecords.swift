import TrialExportCore

/// A REDCap project's ODM file laid out as REDCap's own CSV exports lay out the same data, so that
/// specs written for those CSV files map the ODM file unchanged.
///
/// REDCap's flat CSV export ("all instruments") is one table: one row per record and event for
/// the instruments that do not repeat there (merged), and one row per instance of a repeating
/// instrument or event; the columns are the record id field, `redcap_event_name` (longitudinal
/// projects), `redcap_repeat_instrument` and `redcap_repeat_instance` (projects with repeating
/// instruments or events), then every instrument's fields in instrument order. Its ODM export
/// holds the same values as one FormData per instrument and instance, the record id field only in
/// the first instrument, and says which instruments and events repeat in `GlobalVariables`
/// (``ODMMetadata/REDCapSetup``).
///
/// So, for a REDCap file: each instrument's table is laid out as REDCap's CSV export of that one
/// instrument (the record id field and the `redcap_` columns first, then its fields and the ODM key
/// columns); and each form the specs name that no instrument has (the flat file, say `form: data`)
/// is the flat table of all instruments, with a note (ODM0014). Two different values for one
/// field of one flat row are never merged: the first is kept and the second reported (ODM0015).
enum ODMREDCapRecords {
    static let eventColumn = "redcap_event_name"
    static let instrumentColumn = "redcap_repeat_instrument"
    static let instanceColumn = "redcap_repeat_instance"
    /// The tables of a REDCap file re-laid out, plus a flat table for each name in `wanted` that no
    /// table has; other files' tables unchanged. `tables` are those of ``ODMTableBuilder``, named
    /// as `names` (FormOID to table name) says.
    static func compose(
        _ tables: [RawTable], metadata: ODMMetadata, names: [String: String], wanted: Set<String>, file: String,
        findings: FindingSink
    ) -> [RawTable] {
        guard metadata.redcap.isREDCap else { return tables }
        let tables = tables.map { restoringDatetimes($0, metadata: metadata, findings: findings) }
        let byName = Dictionary(tables.map { ($0.form, $0) }, uniquingKeysWith: { a, _ in a })
        var forms: [Form] = []
        for oid in metadata.formOrder {
            guard let name = names[oid], let table = byName[name] else { continue }
            forms.append(Form(table: table, instrument: metadata.redcapInstrument(oid), order: forms.count))
        }
        let layout = Layout(metadata: metadata, forms: forms)
        var out = tables.map { table in
            forms.first { $0.table.form == table.form }.map {
                layout.table(named: table.form, of: [$0], merging: false, findings: findings)
            } ?? table
        }
        // A name that is an instrument's in any spelling (table name, FormDef Name, redcap:FormName
        // or FormOID, any case) names that instrument, never the flat table.
        var known = Set(byName.keys.map { $0.lowercased() })
        for oid in metadata.formOrder {
            known.formUnion(
                [oid, metadata.forms[oid]?.name ?? "", metadata.forms[oid]?.vendorName ?? ""].map { $0.lowercased() })
        }
        for name in wanted.sorted() where !forms.isEmpty && !known.contains(name.lowercased()) {
            let flat = layout.table(named: name, of: forms, merging: true, findings: findings)
            findings.report(
                .odmREDCapFlat(
                    file: file, form: name, rows: flat.rowCount, fields: flat.header.count, instruments: forms.count,
                    columns: Array(flat.header.prefix(layout.leadingColumns.count))))
            out.append(flat)
        }
        return out.sorted { $0.form < $1.form }
    }

    struct Form {
        let table: RawTable
        /// The instrument's unique name (`redcap:FormName`), as `redcap_repeat_instrument` gives it.
        let instrument: String
        let order: Int
    }

    /// The columns and row keys of REDCap's layout for one file.
    struct Layout {
        let setup: ODMMetadata.REDCapSetup
        let longitudinal: Bool
        let repeating: Bool
        /// Instruments that repeat in some event (for classic projects, whose FormData have no event).
        let repeatingAnywhere: Set<String>
        var leadingColumns: [String] {
            [setup.recordIdField] + (longitudinal ? [eventColumn] : [])
                + (repeating ? [instrumentColumn, instanceColumn] : [])
        }

        init(metadata: ODMMetadata, forms: [Form]) {
            var setup = metadata.redcap
            var longitudinal = !setup.eventNames.isEmpty
            // What the data show, should the file not say it (GlobalVariables without REDCap's
            // repeating setup): a FormRepeatKey other than 1 is an instance of a repeating
            // instrument, a StudyEventRepeatKey other than 1 of a repeating event.
            for form in forms {
                let table = form.table
                let at = { (column: String) in table.columnIndex[column] }
                let (eventAt, eventKeyAt, formKeyAt) = (at("StudyEventOID"), at("StudyEventRepeatKey"), at("FormRepeatKey"))
                for row in 0..<table.rowCount {
                    let get = { (at: Int?) in at.map { table.value(row, $0) } ?? "" }
                    let eventOID = get(eventAt)
                    let event = eventOID.isEmpty ? "" : Self.eventName(eventOID, names: setup.eventNames)
                    longitudinal = longitudinal || !eventOID.isEmpty
                    if case let key = get(formKeyAt), !key.isEmpty, key != "1" {
                        setup.repeatingInstruments.insert(.init(event: event, instrument: form.instrument))
                    }
                    if case let key = get(eventKeyAt), !key.isEmpty, key != "1", !event.isEmpty {
                        setup.repeatingEvents.insert(event)
                    }
                }
            }
            self.setup = setup
            self.longitudinal = longitudinal
            repeating = !setup.repeatingInstruments.isEmpty || !setup.repeatingEvents.isEmpty
            repeatingAnywhere = Set(setup.repeatingInstruments.map(\.instrument))
        }

        /// The event's unique name: its StudyEventDef's `redcap:UniqueEventName`, else the OID
        /// without REDCap's `Event.` prefix.
        func eventName(_ oid: String) -> String { Self.eventName(oid, names: setup.eventNames) }

        static func eventName(_ oid: String, names: [String: String]) -> String {
            if let name = names[oid] { return name }
            return oid.hasPrefix("Event.") ? String(oid.dropFirst(6)) : oid
        }

        /// The table of `forms`' records in REDCap's layout, named `name`. `merging`: one row per
        /// record, event and repeat instance (the flat table), the ODM key columns that differ
        /// between instruments left out; else one row per record of the form's table, all its
        /// columns kept.
        func table(named name: String, of forms: [Form], merging: Bool, findings: FindingSink) -> RawTable {
            // Columns: the leading ones, each form's fields (and, not merging, its key columns), the
            // key columns that a merged row shares.
            var header = leadingColumns
            var position = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
            let keys = Set(ODMTableBuilder.keyColumns)
            var fieldColumns: [[(from: Int, to: Int)]] = []
            for form in forms {
                var map: [(from: Int, to: Int)] = []
                for (from, column) in form.table.header.enumerated() where !merging || !keys.contains(column) {
                    if position[column] == nil {
                        position[column] = header.count
                        header.append(column)
                    }
                    map.append((from, position[column]!))
                }
                fieldColumns.append(map)
            }
            for column in Self.keyColumnsOut where position[column] == nil {
                position[column] = header.count
                header.append(column)
            }
            var rows: [Row] = []
            var rowOf: [String: Int] = [:]
            var firstLine: [String: Int] = [:]
            var rejected: [RejectedRecord] = []
            let file = forms.first?.table.file ?? ""
            for (f, form) in forms.enumerated() {
                let table = form.table
                rejected += table.rejected
                let key = { (column: String) -> Int? in table.columnIndex[column] }
                let (subjectAt, eventAt, eventKeyAt, formKeyAt, siteAt) = (
                    key("SubjectKey"), key("StudyEventOID"), key("StudyEventRepeatKey"), key("FormRepeatKey"),
                    key("LocationOID")
                )
                for r in 0..<table.rowCount {
                    let get = { (at: Int?) in at.map { table.value(r, $0) } ?? "" }
                    let (subject, eventOID, eventKey, formKey) = (get(subjectAt), get(eventAt), get(eventKeyAt), get(formKeyAt))
                    let event = eventOID.isEmpty ? "" : eventName(eventOID)
                    let instrumentRepeats =
                        eventOID.isEmpty
                        ? repeatingAnywhere.contains(form.instrument)
                        : setup.repeatingInstruments.contains(.init(event: event, instrument: form.instrument))
                    let (instrument, instance) =
                        instrumentRepeats
                        ? (form.instrument, formKey) : (setup.repeatingEvents.contains(event) ? ("", eventKey) : ("", ""))
                    let line = table.line(r)
                    let eventID = [subject, eventOID, eventKey].joined(separator: "\u{1}")
                    let id = merging ? [eventID, instrument, instance].joined(separator: "\u{1}") : String(r)
                    firstLine[subject] = min(firstLine[subject] ?? line, line)
                    firstLine[eventID] = min(firstLine[eventID] ?? line, line)
                    let at: Int
                    if let known = rowOf[id] {
                        at = known
                        rows[at].line = min(rows[at].line, line)
                    } else {
                        at = rows.count
                        rowOf[id] = at
                        var values = [String](repeating: "", count: header.count)
                        values[0] = subject
                        if longitudinal { values[position[eventColumn]!] = event }
                        if repeating {
                            (values[position[instrumentColumn]!], values[position[instanceColumn]!]) = (instrument, instance)
                        }
                        for (column, value) in zip(Self.keyColumnsOut, [subject, get(siteAt), eventOID, eventKey]) {
                            values[position[column]!] = value
                        }
                        rows.append(
                            Row(
                                values: values, line: line, subject: subject, event: eventID,
                                repeatOrder: instrument.isEmpty && instance.isEmpty
                                    ? nil : (instrument.isEmpty ? -1 : form.order, Int(instance) ?? 0)))
                    }
                    for (from, to) in fieldColumns[f] {
                        let value = table.value(r, from)
                        guard !value.isEmpty else { continue }
                        let held = rows[at].values[to]
                        if held.isEmpty {
                            rows[at].values[to] = value
                        } else if held != value {
                            findings.report(
                                .odmREDCapConflict(
                                    file: table.file, line: line, form: name, column: header[to], kept: held, value: value,
                                    subject: subject))
                        }
                    }
                }
            }
            // The data access group is the record's: REDCap's flat export gives it on each of its
            // rows, its ODM export once, in the record's first instrument.
            if merging, let dag = position[ODMMetadata.redcapSystemFields[0]] {
                var group: [String: String] = [:]
                for row in rows where !row.values[dag].isEmpty { group[row.subject] = group[row.subject] ?? row.values[dag] }
                for i in rows.indices where rows[i].values[dag].isEmpty { rows[i].values[dag] = group[rows[i].subject] ?? "" }
            }
            // REDCap's order: records, then events, as first met; in each event the row of the
            // instruments that do not repeat, then the repeat instances by instrument and number.
            let ordered =
                !merging
                ? rows
                : rows.sorted { a, b in
                    let (sa, sb) = (firstLine[a.subject]!, firstLine[b.subject]!)
                    if sa != sb { return sa < sb }
                    let (ea, eb) = (firstLine[a.event]!, firstLine[b.event]!)
                    if ea != eb { return ea < eb }
                    switch (a.repeatOrder, b.repeatOrder) {
                    case (nil, nil): return a.line < b.line
                    case (nil, _): return true
                    case (_, nil): return false
                    case (let x?, let y?): return x != y ? x < y : a.line < b.line
                    }
                }
            var table = RawTable(form: name, file: file, header: header)
            for row in ordered { table.append(RawRow(line: row.line, values: row.values)) }
            table.rejected = rejected
            // A field is found by its ItemOID too, as in the instrument's own table.
            for (f, form) in forms.enumerated() {
                let to = Dictionary(fieldColumns[f].map { ($0.from, $0.to) }, uniquingKeysWith: { a, _ in a })
                for (alias, from) in form.table.columnIndex.sorted(by: { $0.key < $1.key })
                where table.columnIndex[alias] == nil {
                    if let column = to[from] { table.addAlias(alias, for: column) }
                }
            }
            return table
        }

        /// The key columns filled per row (FormRepeatKey differs between a row's instruments, so
        /// it is carried only as the instance of a repeating instrument).
        static let keyColumnsOut = ["SubjectKey", "LocationOID", "StudyEventOID", "StudyEventRepeatKey"]
    }

    struct Row {
        var values: [String]
        var line: Int
        let subject: String
        let event: String
        /// nil for the row of the instruments that do not repeat; else (instrument order, or -1 for
        /// a repeating event; instance number).
        let repeatOrder: (Int, Int)?
    }
}
