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

    /// One form's table while it is read: records are kept as codes of each column's distinct
    /// values (``ODMValueInterner``), and moved into `table` every ``flushRecords`` records.
    struct FormTable {
        let formOID: String
        /// The records moved so far, and the rejected records.
        var table: RawTable
        var items: ODMItemIndex
        var keyColumn: [Int?] = []
        /// The check of each item column's values (its ItemDef), by column.
        var checks: [ODMValueCheck?] = []
        var columns: [ODMValueInterner]
        /// The records not yet moved: a code per column, record after record, and their lines.
        var pending: [UInt32] = []
        var lines: [Int] = []

        /// Pending records are moved into `table` in batches of this many (memory stays bounded
        /// by the batch and each batch's distinct values).
        var flushRecords = 1 << 16

        var width: Int { columns.count }

        /// A value's code in its column, and its verdict (0: not checked yet; 1 for "", which is
        /// never checked).
        mutating func code(_ value: UnsafeBufferPointer<UInt8>, column: Int) -> (code: UInt32, verdict: UInt8) {
            let code = columns[column].code(value)
            return (code, columns[column].verdicts[Int(code)])
        }

        mutating func append(_ codes: [UInt32], line: Int) {
            codes.withUnsafeBufferPointer { append($0, line: line) }
        }

        mutating func append(_ codes: UnsafeBufferPointer<UInt32>, line: Int) {
            pending.append(contentsOf: codes)
            lines.append(line)
            if lines.count >= flushRecords { flush() }
        }

        /// The last value of each key column (SubjectKey, LocationOID, ...) and its code: the
        /// FormData of one subject and event follow each other, so a key is mostly the last one.
        var lastKeys: [String?] = Array(repeating: nil, count: 6)
        var lastKeyCodes: [UInt32] = Array(repeating: 0, count: 6)

        /// The code of a key column's value (`slot`: its place in ``ODMTableBuilder/keyColumns``).
        mutating func keyCode(_ value: String, slot: Int, column: Int) -> UInt32 {
            if let last = lastKeys[slot], last == value { return lastKeyCodes[slot] }
            let code = columns[column].code(value)
            lastKeys[slot] = value
            lastKeyCodes[slot] = code
            return code
        }

        /// Appends the records of the same form read from a later part of the file: its moved
        /// records (after this table's pending ones), then its pending ones, whose codes are
        /// translated through this table's interners (each distinct value looked up once).
        mutating func absorb(_ later: FormTable) {
            if later.table.rowCount > 0 {
                flush()
                table.append(contentsOf: later.table)
            } else {
                table.rejected += later.table.rejected
            }
            guard !later.lines.isEmpty else { return }
            let translations = columns.indices.map { column in
                later.columns[column].values.map { columns[column].code($0) }
            }
            // Grown as an append grows (geometrically, not to the exact count each time), then
            // translated column by column in place.
            let width = self.width
            let start = pending.count
            let count = later.pending.count
            pending.append(contentsOf: repeatElement(0, count: count))
            pending.withUnsafeMutableBufferPointer { out in
                later.pending.withUnsafeBufferPointer { codes in
                    for column in 0..<width {
                        translations[column].withUnsafeBufferPointer { translation in
                            var at = column
                            while at < count {
                                out[start + at] = translation[Int(codes[at])]
                                at += width
                            }
                        }
                    }
                }
            }
            lines += later.lines
            if lines.count >= flushRecords { flush() }
        }

        /// Moves the pending records into `table`.
        mutating func flush() {
            guard !lines.isEmpty else { return }
            let width = self.width
            let rows = lines.count
            let encoded = columns.indices.map { column in
                (values: columns[column].values, codes: (0..<rows).map { pending[$0 * width + column] })
            }
            let part = RawTable(form: table.form, file: table.file, header: table.header, lines: lines, encoded: encoded)
            table.append(contentsOf: part)
            columns = Array(repeating: ODMValueInterner(), count: width)
            lastKeys = Array(repeating: nil, count: lastKeys.count)
            pending = []
            lines = []
        }
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
    /// The forms met without a FormDef, in the order first met: their first line and ItemOIDs in
    /// the order first met (the columns a second read gives them, see ``ODMLoader``).
    private(set) var undefinedForms: [(oid: String, line: Int, items: [String])] = []
    private var undefinedIndex: [String: (form: Int, items: Set<String>)] = [:]
    /// The undefined form whose FormData is open.
    private var undefinedForm: Int?
    /// The open FormData's records (reused from one FormData to the next).
    private var instance = ODMFormInstance()
    /// Whether an ItemData is kept: a form instance is open and its current group not skipped
    /// (kept apart from `instance`, so the hot path reads a flag, not an optional record).
    private var takesItems = false

    /// The forms the specs name, and the table name of each FormOID, made once the metadata is read.
    let wantedForms: Set<String>
    private var tableNames: (names: [String: String], shared: [(oid: String, name: String, holder: String)])?

    init(file: String, findings: FindingSink, wantedForms: Set<String> = []) {
        self.file = file
        self.findings = findings
        self.wantedForms = wantedForms
    }

    /// The name of a form's table (``ODMMetadata/tableNames(wanted:)``).
    private mutating func tableName(_ oid: String) -> String {
        namedTables().names[oid] ?? metadata.formName(oid)
    }

    /// ``ODMMetadata/tableNames(wanted:)``, worked out once the metadata is read.
    private mutating func namedTables() -> (names: [String: String], shared: [(oid: String, name: String, holder: String)]) {
        if let tableNames { return tableNames }
        let named = metadata.tableNames(wanted: wantedForms)
        tableNames = named
        return named
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
            undefinedForm = undefined(location.formOID, line: line)
            return
        }
        let index = table(location.formOID)
        current = index
        instance.begin(location: location, line: line, width: tables[index].width)
        inForm = true
        takesItems = true
    }

    /// Starts an ItemGroupData of the current form instance.
    mutating func beginGroup(_ location: ODMLocation, line: Int, removed: String?) {
        guard instance.isOpen else { return }
        if let removed {
            reject(
                form: location.formOID, line: line,
                finding: .odmRemovedRecord(file: file, line: line, at: location, transaction: removed))
            instance.skipGroup = true
            takesItems = false
            return
        }
        instance.beginGroup(location.groupRepeatKey, line: line)
    }

    mutating func endGroup() {
        instance.skipGroup = false
        takesItems = instance.isOpen
    }

    /// One ItemData value, its ItemOID and value given as written; `removed` names its
    /// TransactionType when it is Remove or Delete (the value is then reported, not kept).
    /// `location` gives where the reader is, asked for only for a finding (no copy otherwise).
    mutating func item(
        _ oid: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>, line: Int, removed: String?,
        at location: () -> ODMLocation
    ) {
        guard takesItems, let index = current else {
            if let form = undefinedForm { meet(String(decoding: oid, as: UTF8.self), inUndefined: form) }
            return
        }
        func here() -> ODMLocation {
            var here = location()
            here.itemOID = String(decoding: oid, as: UTF8.self)
            return here
        }
        func text() -> String { String(decoding: value, as: UTF8.self) }
        guard let column = tables[index].items.column(oid) else {
            findings.report(.odmUnknownItem(file: file, line: line, at: here(), value: text()))
            return
        }
        if let removed {
            findings.report(.odmRemovedValue(file: file, line: line, at: here(), transaction: removed, value: text()))
            return
        }
        let (code, verdict) = tables[index].code(value, column: column)
        if verdict != 1, let check = tables[index].checks[column] {
            // Each distinct value is checked once; one that does not fit is reported at each cell.
            let found = check.findings(text(), file: file, line: line, at: here)
            for finding in found { findings.report(finding) }
            tables[index].columns[column].verdicts[Int(code)] = found.isEmpty ? 1 : 2
        }
        // Mutated in place (not through a copy), so its arrays are never copied.
        if let first = instance.set(column, code, line: line) {
            findings.report(.odmRepeatedItem(file: file, line: line, at: here(), value: text(), firstLine: first))
        }
    }

    /// An ItemData value whose ItemOID and value are Strings (a value given as text).
    mutating func item(_ oid: String, value: String, line: Int, removed: String?, at location: () -> ODMLocation) {
        var oid = oid
        var value = value
        oid.withUTF8 { oid in value.withUTF8 { item(oid, value: $0, line: line, removed: removed, at: location) } }
    }

    /// Ends the current FormData: its records go to the form's table.
    mutating func endForm() {
        undefinedForm = nil
        guard instance.isOpen, let index = self.current else { return }
        instance.close()
        inForm = false
        takesItems = false
        self.current = nil
        // Taken out while its records are read, so that the tables can change meanwhile; put back
        // for the next FormData, with its storage.
        var instance = self.instance
        self.instance = ODMFormInstance()
        let location = instance.location
        let keyColumns = tables[index].keyColumn
        instance.forEachRecord { key, line, codes in
            for (slot, column) in keyColumns.enumerated() {
                guard let column else { continue }
                let value: String
                switch slot {
                case 0: value = location.subjectKey
                case 1: value = location.site
                case 2: value = location.eventOID
                case 3: value = location.eventRepeatKey
                case 4: value = location.formRepeatKey
                default: value = key
                }
                codes[column] = tables[index].keyCode(value, slot: slot, column: column)
            }
            tables[index].append(UnsafeBufferPointer(codes), line: line)
        }
        self.instance = instance
    }

    /// Whether a FormData is open (kept as a flag, like `takesItems`).
    private(set) var inForm = false

    /// Appends the tables and unknown forms of a builder that read a later part of the file.
    mutating func absorb(_ later: ODMTableBuilder) {
        for form in later.tables { tables[table(form.formOID)].absorb(form) }
        for (oid, unknown) in later.unknownForms {
            unknownForms[oid, default: (unknown.line, unknown.location, 0)].count += unknown.count
        }
        for form in later.undefinedForms {
            let index = undefined(form.oid, line: form.line)
            for item in form.items { meet(item, inUndefined: index) }
        }
    }

    /// The position of an undefined form in ``undefinedForms``, added when first met.
    private mutating func undefined(_ oid: String, line: Int) -> Int {
        if let known = undefinedIndex[oid] { return known.form }
        undefinedForms.append((oid, line, []))
        undefinedIndex[oid] = (undefinedForms.count - 1, [])
        return undefinedForms.count - 1
    }

    /// An ItemOID met in an undefined form, kept in the order first met.
    private mutating func meet(_ item: String, inUndefined form: Int) {
        let oid = undefinedForms[form].oid
        guard undefinedIndex[oid]?.items.insert(item).inserted == true else { return }
        undefinedForms[form].items.append(item)
    }

    /// The tables, compacted, in form-name order; unknown forms and forms named by their OID for
    /// a shared Name reported. An item's column is found by its ItemOID too.
    mutating func finish() -> [RawTable] {
        for (_, unknown) in unknownForms.sorted(by: { $0.key < $1.key }) {
            findings.report(.odmUnknownForm(file: file, line: unknown.line, at: unknown.location, instances: unknown.count))
        }
        for form in tables where metadata.forms[form.formOID]?.inferred == true {
            findings.report(
                .odmInferredForm(
                    file: file, line: metadata.forms[form.formOID]?.line ?? 0, formOID: form.formOID,
                    items: metadata.itemOIDs(ofForm: form.formOID).count))
        }
        let present = Set(tables.map(\.formOID))
        for shared in namedTables().shared where present.contains(shared.oid) {
            findings.report(
                .odmSharedFormName(
                    file: file, line: metadata.forms[shared.oid]?.line ?? 0, formOID: shared.oid, name: shared.name,
                    holder: shared.holder))
        }
        // A form the metadata defines that has no records yet (no AE in an early export) is an
        // empty table with its columns, as a CSV export gives a form's file with its header only.
        for oid in metadata.formOrder where metadata.forms[oid]?.inferred != true && tableIndex[oid] == nil {
            _ = table(oid)
        }
        let metadata = self.metadata
        return tables.map { form in
            var form = form
            form.flush()
            form.table.compact()
            for (column, oid) in metadata.itemOIDs(ofForm: form.formOID).enumerated() {
                form.table.addAlias(oid, for: column)
                // An ItemOID made of the FormOID and a name (Medidata Rave's `AE.AETERM`): the name too.
                if oid.hasPrefix(form.formOID + "."), oid.count > form.formOID.count + 1 {
                    form.table.addAlias(String(oid.dropFirst(form.formOID.count + 1)), for: column)
                }
            }
            return form.table
        }.sorted { $0.form < $1.form }
    }

    private mutating func reject(form oid: String, line: Int, finding: Finding) {
        findings.report(finding)
        guard metadata.forms[oid] != nil else { return }
        tables[table(oid)].table.rejected.append(
            RejectedRecord(form: tableName(oid), line: line, reason: finding.message))
    }

    /// The position of a form's table, made when the form is first met.
    private mutating func table(_ formOID: String) -> Int {
        if let index = tableIndex[formOID] { return index }
        tables.append(makeTable(formOID))
        tableIndex[formOID] = tables.count - 1
        return tables.count - 1
    }

    private mutating func makeTable(_ formOID: String) -> FormTable {
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
        let table = RawTable(form: tableName(formOID), file: file, header: header)
        return FormTable(
            formOID: formOID, table: table, items: ODMItemIndex(oids), keyColumn: keyColumn, checks: checks,
            columns: Array(repeating: ODMValueInterner(), count: header.count))
    }
}
