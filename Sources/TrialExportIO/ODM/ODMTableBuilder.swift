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
        let formOID: String
        var table: RawTable
        var items: ODMItemIndex
        var keyColumn: [Int?] = []
        /// The check of each item column's values (its ItemDef), by column.
        var checks: [ODMValueCheck?] = []
    }

    let file: String
    var findings: FindingSink
    var metadata = ODMMetadata()
    /// The forms' tables, in the order first met, and their positions by FormOID.
    private(set) var tables: [FormTable] = []
    private var tableIndex: [String: Int] = [:]
    /// The table of the current form instance.
    private var current: Int?
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
        let index = table(location.formOID)
        current = index
        tables[index].items.rewind()
        instance = ODMFormInstance(location: location, line: line, width: tables[index].table.header.count)
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

    /// One ItemData value, its ItemOID given as written; `removed` names its TransactionType when
    /// it is Remove or Delete (the value is then reported, not kept).
    /// `location` gives where the reader is, asked for only for a finding (no copy otherwise).
    mutating func item(
        _ oid: UnsafeBufferPointer<UInt8>, value: String, line: Int, removed: String?, at location: () -> ODMLocation
    ) {
        guard instance?.skipGroup == false, let index = current else { return }
        func here() -> ODMLocation {
            var here = location()
            here.itemOID = String(decoding: oid, as: UTF8.self)
            return here
        }
        guard let column = tables[index].items.column(oid) else {
            findings.report(.odmUnknownItem(file: file, line: line, at: here(), value: value))
            return
        }
        if let removed {
            findings.report(.odmRemovedValue(file: file, line: line, at: here(), transaction: removed, value: value))
            return
        }
        if !value.isEmpty, let check = tables[index].checks[column] {
            for finding in check.findings(value, file: file, line: line, at: here) { findings.report(finding) }
        }
        // Mutated in place (not through a copy), so its arrays are never copied.
        if let first = instance!.set(column, value, line: line) {
            findings.report(.odmRepeatedItem(file: file, line: line, at: here(), value: value, firstLine: first))
        }
    }

    /// An ItemData value whose ItemOID is a String (a value given as text).
    mutating func item(_ oid: String, value: String, line: Int, removed: String?, at location: () -> ODMLocation) {
        var oid = oid
        oid.withUTF8 { item($0, value: value, line: line, removed: removed, at: location) }
    }

    /// Ends the current FormData: its records go to the form's table.
    mutating func endForm() {
        guard let current = instance, let index = self.current else { return }
        instance = nil
        self.current = nil
        let keyColumns = tables[index].keyColumn
        for record in current.records() {
            var values = record.values
            let keys = keyValues(current.location, groupRepeatKey: record.key)
            for (i, column) in keyColumns.enumerated() { if let column { values[column] = keys[i] } }
            // Appended in place in the dictionary: a copy of the table would copy all its records.
            tables[index].table.append(RawRow(line: record.line, values: values))
        }
    }

    /// Whether a FormData is open.
    var inForm: Bool { instance != nil }

    /// Appends the tables and unknown forms of a builder that read a later part of the file.
    mutating func absorb(_ later: ODMTableBuilder) {
        for form in later.tables { tables[table(form.formOID)].table.append(contentsOf: form.table) }
        for (oid, unknown) in later.unknownForms {
            unknownForms[oid, default: (unknown.line, unknown.location, 0)].count += unknown.count
        }
    }

    /// The tables, compacted, in form-name order; unknown forms reported.
    mutating func finish() -> [RawTable] {
        for (_, unknown) in unknownForms.sorted(by: { $0.key < $1.key }) {
            findings.report(.odmUnknownForm(file: file, line: unknown.line, at: unknown.location, instances: unknown.count))
        }
        return tables.map { form in
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
        tables[table(oid)].table.rejected.append(
            RejectedRecord(form: metadata.formName(oid), line: line, reason: finding.message))
    }

    /// The position of a form's table, made when the form is first met.
    private mutating func table(_ formOID: String) -> Int {
        if let index = tableIndex[formOID] { return index }
        tables.append(makeTable(formOID))
        tableIndex[formOID] = tables.count - 1
        return tables.count - 1
    }

    private func makeTable(_ formOID: String) -> FormTable {
        var header: [String] = []
        var checks: [ODMValueCheck?] = []
        let oids = metadata.itemOIDs(ofForm: formOID)
        for oid in oids {
            var name = metadata.itemName(oid)
            if header.contains(name) { name = oid }
            header.append(name)
            checks.append(metadata.items[oid].map { ODMValueCheck($0, metadata: metadata) })
        }
        var keyColumn: [Int?] = []
        for key in Self.keyColumns {
            keyColumn.append(header.contains(key) ? nil : header.count)
            if !header.contains(key) { header.append(key) }
        }
        let table = RawTable(form: metadata.formName(formOID), file: file, header: header)
        return FormTable(formOID: formOID, table: table, items: ODMItemIndex(oids), keyColumn: keyColumn, checks: checks)
    }
}
