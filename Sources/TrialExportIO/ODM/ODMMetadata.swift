/// The study metadata of an ODM file (its MetaDataVersion): forms, item groups, items and code
/// lists, by OID. Several MetaDataVersions are merged; the first definition of an OID wins.
public struct ODMMetadata: Sendable {
    public struct FormDef: Sendable {
        public var name: String
        public var itemGroupOIDs: [String] = []
        /// The line of the FormDef in the file (0: not known).
        public var line = 0
        /// The form's name in a vendor's extension (REDCap's `redcap:FormName`), or "".
        public var vendorName = ""
        /// Made from the data, the file's metadata having no FormDef for the form
        /// (``defineFromData(_:items:line:)``).
        public var inferred = false
    }
    public struct ItemGroupDef: Sendable {
        public var name: String
        public var repeating: Bool
        public var itemOIDs: [String] = []
    }
    public struct ItemDef: Sendable {
        public var name: String
        /// ODM DataType: text, integer, float, date, time, datetime, string, boolean, partialDate, ...
        public var dataType: String
        public var length: Int?
        public var codeListOID: String?
    }
    /// A code list: each coded value with its decode (the first TranslatedText), in order.
    public struct CodeList: Sendable {
        public var name: String
        public var items: [(coded: String, decode: String)] = []
        public func decode(_ coded: String) -> String? { items.first { $0.coded == coded }?.decode }
        public func contains(_ coded: String) -> Bool { items.contains { $0.coded == coded } }
    }

    public var forms: [String: FormDef] = [:]
    public var formOrder: [String] = []
    public var itemGroups: [String: ItemGroupDef] = [:]
    public var items: [String: ItemDef] = [:]
    public var codeLists: [String: CodeList] = [:]
    /// REDCap's project setup, from its extensions (empty in other vendors' files).
    public var redcap = REDCapSetup()

    /// What a REDCap file says of its project beyond ODM: the field naming the record, each
    /// event's unique name, and which instruments (per event) and events repeat. With these, the
    /// file's records can be laid out as REDCap's flat CSV export lays them out
    /// (``ODMREDCapRecords``).
    public struct REDCapSetup: Sendable {
        public struct Instrument: Hashable, Sendable {
            public var event: String
            public var instrument: String
        }
        /// `redcap:RecordIdField` of the MetaDataVersion (`record_id`); "" in other files.
        public var recordIdField = ""
        /// `redcap:UniqueEventName` of each StudyEventDef, by OID (`Event.baseline_arm_1` ->
        /// `baseline_arm_1`).
        public var eventNames: [String: String] = [:]
        public var repeatingInstruments: Set<Instrument> = []
        public var repeatingEvents: Set<String> = []

        /// Whether the file is a REDCap project's.
        public var isREDCap: Bool { !recordIdField.isEmpty }
    }

    public init() {}

    /// The form name of a FormOID: the FormDef's Name, or the OID when it has no definition.
    public func formName(_ oid: String) -> String {
        let name = forms[oid]?.name ?? ""
        return name.isEmpty ? oid : name
    }

    /// The name of each form's table, by FormOID: the FormDef's Name (else its OID); the vendor's
    /// name or the OID when the specs name that and not the Name (`wanted`: the forms the specs
    /// name); the OID when an earlier FormDef took the name, so that no form's records are taken
    /// for another's.
    /// `shared` lists the forms so renamed: their OID, the Name and the FormOID that has it.
    public func tableNames(
        wanted: Set<String> = []
    ) -> (names: [String: String], shared: [(oid: String, name: String, holder: String)]) {
        var names: [String: String] = [:]
        var holders: [String: String] = [:]
        var shared: [(oid: String, name: String, holder: String)] = []
        for oid in formOrder where names[oid] == nil {
            let defined = forms[oid]?.name ?? ""
            let vendor = forms[oid]?.vendorName ?? ""
            var name = defined.isEmpty ? oid : defined
            if !wanted.contains(name) {
                if !vendor.isEmpty, wanted.contains(vendor) {
                    name = vendor
                } else if wanted.contains(oid) {
                    name = oid
                }
            }
            if let holder = holders[name] {
                shared.append((oid, name, holder))
                name = oid
            }
            names[oid] = name
            holders[name] = holders[name] ?? oid
        }
        return (names, shared)
    }

    /// Defines a form the file's metadata lacks from its data: its items (ItemOIDs in the order
    /// first met) in one group, without ItemDefs, so its columns are the ItemOIDs and its values
    /// are not checked. `line`: the line of its first FormData.
    public mutating func defineFromData(_ oid: String, items: [String], line: Int) {
        guard forms[oid] == nil else { return }
        let group = "\u{1}\(oid)"
        forms[oid] = FormDef(name: "", itemGroupOIDs: [group], line: line, inferred: true)
        formOrder.append(oid)
        itemGroups[group] = ItemGroupDef(name: "", repeating: false, itemOIDs: items)
    }

    /// REDCap's system fields, which its ODM export writes as ItemData of the record id field's
    /// group without ItemDef or ItemRef (`<ItemData ItemOID="redcap_data_access_group" Value="site_a"/>`)
    /// and its CSV export as columns: declared after the record id field, so that they are loaded
    /// (their values unchecked) rather than reported as unknown items and dropped.
    public static let redcapSystemFields = ["redcap_data_access_group", "redcap_survey_identifier"]

    /// A REDCap instrument's unique name (as `redcap_repeat_instrument` gives it): its FormDef's
    /// `redcap:FormName`, else the FormOID without REDCap's `Form.` prefix.
    public func redcapInstrument(_ oid: String) -> String {
        let vendor = forms[oid]?.vendorName ?? ""
        guard vendor.isEmpty else { return vendor }
        return oid.hasPrefix("Form.") ? String(oid.dropFirst(5)) : oid
    }

    /// Declares ``redcapSystemFields`` in a REDCap file's metadata (once; nothing in other files),
    /// and takes its survey timestamps as REDCap writes them (``acceptREDCapSurveyTimestamps()``).
    public mutating func addREDCapSystemFields() {
        let field = redcap.recordIdField
        guard !field.isEmpty else { return }
        acceptREDCapSurveyTimestamps()
        for oid in formOrder {
            for group in forms[oid]?.itemGroupOIDs ?? [] {
                guard var def = itemGroups[group], let at = def.itemOIDs.firstIndex(of: field) else { continue }
                let missing = Self.redcapSystemFields.filter { !def.itemOIDs.contains($0) }
                def.itemOIDs.insert(contentsOf: missing, at: at + 1)
                itemGroups[group] = def
                return
            }
        }
    }

    /// A survey's timestamp field (`<instrument>_timestamp`) is declared DataType `datetime` but
    /// holds `2026-01-05 14:30:12` or `[not completed]`, as REDCap's CSV export does: its values are
    /// loaded as given without a DataType check, so a survey project's file does not give a warning
    /// per survey (ODM0007) for values REDCap writes that way by design.
    private mutating func acceptREDCapSurveyTimestamps() {
        for oid in formOrder {
            let timestamp = redcapInstrument(oid) + "_timestamp"
            if items[timestamp]?.dataType == "datetime" { items[timestamp]?.dataType = "text" }
        }
    }

    /// The item OIDs of a form in definition order (groups in FormDef order, items in group order).
    public func itemOIDs(ofForm oid: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for group in forms[oid]?.itemGroupOIDs ?? [] {
            for item in itemGroups[group]?.itemOIDs ?? [] where seen.insert(item).inserted { out.append(item) }
        }
        return out
    }

    /// The column name of an item: its ItemDef Name, or the OID.
    public func itemName(_ oid: String) -> String {
        let name = items[oid]?.name ?? ""
        return name.isEmpty ? oid : name
    }
}
