import TrialExportCore

/// Turns the FormData of an ODM file into one ``RawTable`` per form, as the CSV loader's tables.
///
/// Columns: the form's items in metadata order (named by ItemDef Name, else ItemOID), then the
/// key columns ``keyColumns`` (a key column is left out when an item has its name). Records: one
/// per FormData; the ItemGroupData of a form instance are merged into it, except that each
/// distinct ItemGroupRepeatKey of a repeating group gives a record of its own (which also gets
/// the values of the instance's groups without a repeat key).
struct ODMTableBuilder {
    static let keyColumns = [
        "SubjectKey", "LocationOID", "StudyEventOID", "StudyEventRepeatKey", "FormRepeatKey", "ItemGroupRepeatKey",
    ]

    struct FormTable {
        var table: RawTable
        var itemColumn: [String: Int] = [:]
        var keyColumn: [Int?] = []
    }

    let file: String
    let findings: FindingSink
    var metadata = ODMMetadata()
    private(set) var tables: [String: FormTable] = [:]
    private(set) var unknownForms: [String: (line: Int, location: ODMLocation, count: Int)] = [:]
    private var instance: ODMFormInstance?

    init(file: String, findings: FindingSink) {
        self.file = file
        self.findings = findings
    }

    /// Starts a FormData; `removed` names its TransactionType when it is Remove or Delete.
    mutating func beginForm(_ location: ODMLocation, line: Int, removed: String?) {
        if let removed {
            reject(
                form: location.formOID, line: line,
                finding: .odmRemovedRecord(file: file, line: line, at: location, transaction: removed))
            return
        }
        guard metadata.forms[location.formOID] != nil else {
            unknownForms[location.formOID, default: (line, location, 0)].count += 1
            return
        }
        if tables[location.formOID] == nil { tables[location.formOID] = makeTable(location.formOID) }
        instance = ODMFormInstance(location: location, line: line, width: tables[location.formOID]!.table.header.count)
    }

    /// Starts an ItemGroupData of the current form instance.
    mutating func beginGroup(_ location: ODMLocation, line: Int, removed: String?) {
        guard instance != nil else { return }
        if let removed {
            reject(
                form: location.formOID, line: line,
                finding: .odmRemovedRecord(file: file, line: line, at: location, transaction: removed))
            instance?.skipGroup = true
            return
        }
        instance?.beginGroup(location.groupRepeatKey, line: line)
    }

    mutating func endGroup() { instance?.skipGroup = false }

    /// One ItemData value (nil: removed by its TransactionType, reported with `removedValue`).
    mutating func item(_ location: ODMLocation, value: String, line: Int, removed: String?) {
        guard instance?.skipGroup == false, let columns = tables[location.formOID]?.itemColumn else { return }
        guard let column = columns[location.itemOID] else {
            findings.report(.odmUnknownItem(file: file, line: line, at: location, value: value))
            return
        }
        if let removed {
            findings.report(.odmRemovedValue(file: file, line: line, at: location, transaction: removed, value: value))
            return
        }
        check(value, location: location, line: line)
        // Mutated in place (not through a copy), so its arrays are never copied.
        if let first = instance!.set(column, value, line: line) {
            findings.report(.odmRepeatedItem(file: file, line: line, at: location, value: value, firstLine: first))
        }
    }

    /// Ends the current FormData: its records go to the form's table.
    mutating func endForm() {
        guard let current = instance, let keyColumns = tables[current.location.formOID]?.keyColumn else { return }
        instance = nil
        let oid = current.location.formOID
        for record in current.records() {
            var values = record.values
            let keys = keyValues(current.location, groupRepeatKey: record.key)
            for (i, column) in keyColumns.enumerated() { if let column { values[column] = keys[i] } }
            // Appended in place in the dictionary: a copy of the table would copy all its records.
            tables[oid]!.table.append(RawRow(line: record.line, values: values))
        }
    }

    /// The tables, compacted, in form-name order; unknown forms reported.
    mutating func finish() -> [RawTable] {
        for (_, unknown) in unknownForms.sorted(by: { $0.key < $1.key }) {
            findings.report(.odmUnknownForm(file: file, line: unknown.line, at: unknown.location, instances: unknown.count))
        }
        return tables.values.map { form in
            var table = form.table
            table.compact()
            return table
        }.sorted { $0.form < $1.form }
    }

    private func keyValues(_ location: ODMLocation, groupRepeatKey: String) -> [String] {
        [
            location.subjectKey, location.site, location.eventOID, location.eventRepeatKey, location.formRepeatKey,
            groupRepeatKey,
        ]
    }

    private mutating func reject(form oid: String, line: Int, finding: Finding) {
        findings.report(finding)
        guard metadata.forms[oid] != nil else { return }
        if tables[oid] == nil { tables[oid] = makeTable(oid) }
        tables[oid]!.table.rejected.append(RejectedRecord(form: metadata.formName(oid), line: line, reason: finding.message))
    }

    private func makeTable(_ formOID: String) -> FormTable {
        var header: [String] = []
        var itemColumn: [String: Int] = [:]
        for oid in metadata.itemOIDs(ofForm: formOID) {
            var name = metadata.itemName(oid)
            if header.contains(name) { name = oid }
            itemColumn[oid] = header.count
            header.append(name)
        }
        var keyColumn: [Int?] = []
        for key in Self.keyColumns {
            keyColumn.append(header.contains(key) ? nil : header.count)
            if !header.contains(key) { header.append(key) }
        }
        let table = RawTable(form: metadata.formName(formOID), file: file, header: header)
        return FormTable(table: table, itemColumn: itemColumn, keyColumn: keyColumn)
    }

    private func check(_ value: String, location: ODMLocation, line: Int) {
        guard !value.isEmpty, let def = metadata.items[location.itemOID] else { return }
        if !ODMDataType.fits(value, def.dataType) {
            findings.report(.odmDataType(file: file, line: line, at: location, value: value, dataType: def.dataType))
        }
        if let length = def.length, value.count > length {
            findings.report(.odmLength(file: file, line: line, at: location, value: value, length: length))
        }
        if let oid = def.codeListOID, let list = metadata.codeLists[oid], !list.items.isEmpty, !list.contains(value) {
            findings.report(.odmNotInCodeList(file: file, line: line, at: location, value: value, codeList: oid))
        }
    }
}
