/// The ODM elements the reader acts on, classified once per distinct name (libxml2 hands each
/// name over as one interned pointer, so a name is compared as a pointer after its first sight).
enum ODMElement: UInt8 {
    case odm, formDef, itemGroupRef, itemGroupDef, itemRef, itemDef, codeListRef, codeList, codeListItem
    case enumeratedItem, translatedText, metaDataVersion, studyEventDef
    /// REDCap's project setup in GlobalVariables (`redcap:RepeatingInstrument`,
    /// `redcap:RepeatingEvent`): which instruments and events repeat, as its flat CSV export shows.
    case vendorRepeatingInstrument, vendorRepeatingEvent
    case clinicalData, subjectData, siteRef, studyEventData, formData, itemGroupData, itemData
    /// ItemDataString, ItemDataInteger...: a value given as the element's text.
    case typedItemData
    case itemDataBase64Binary
    case auditRecord, signature, annotation
    /// Anything else: ODM elements the reader does not need, and a vendor's (prefixed) elements.
    case other

    /// The element with this unprefixed local name (a prefixed name is a vendor's: ``other``).
    init(localName name: String) {
        switch name {
        case "ODM": self = .odm
        case "FormDef": self = .formDef
        case "ItemGroupRef": self = .itemGroupRef
        case "ItemGroupDef": self = .itemGroupDef
        case "ItemRef": self = .itemRef
        case "ItemDef": self = .itemDef
        case "CodeListRef": self = .codeListRef
        case "CodeList": self = .codeList
        case "CodeListItem": self = .codeListItem
        case "EnumeratedItem": self = .enumeratedItem
        case "TranslatedText": self = .translatedText
        case "MetaDataVersion": self = .metaDataVersion
        case "StudyEventDef": self = .studyEventDef
        case "ClinicalData": self = .clinicalData
        case "SubjectData": self = .subjectData
        case "SiteRef": self = .siteRef
        case "StudyEventData": self = .studyEventData
        case "FormData": self = .formData
        case "ItemGroupData": self = .itemGroupData
        case "ItemData": self = .itemData
        case "ItemDataBase64Binary": self = .itemDataBase64Binary
        case "AuditRecord": self = .auditRecord
        case "Signature": self = .signature
        case "Annotation": self = .annotation
        default: self = name.hasPrefix("ItemData") ? .typedItemData : .other
        }
    }

    /// The vendor's (prefixed) element with this local name that the reader reads, else ``other``.
    init(vendorLocalName name: String) {
        switch name {
        case "RepeatingInstrument": self = .vendorRepeatingInstrument
        case "RepeatingEvent": self = .vendorRepeatingEvent
        default: self = .other
        }
    }

    /// Audit records, signatures and annotations: skipped with all they hold, and counted.
    var isSkipped: Bool { self == .auditRecord || self == .signature || self == .annotation }
}

/// The ODM attributes the reader reads, by their local name.
enum ODMAttribute: Int, CaseIterable {
    case oid, name, itemGroupOID, repeating, itemOID, dataType, length, codeListOID, codedValue
    case subjectKey, locationOID, studyEventOID, studyEventRepeatKey, formOID, formRepeatKey, itemGroupRepeatKey
    case value, transactionType
    /// Vendors' attributes, read with ``ODMAttributes/vendorBytes(_:)`` only. REDCap's:
    /// `redcap:FormName` (an instrument's unique name), `redcap:UniqueEventName` (an event's),
    /// `redcap:RepeatInstrument` (a repeating instrument's), `redcap:RecordIdField` (the field
    /// naming the record).
    case formName, uniqueEventName, repeatInstrument, recordIdField

    var localName: String {
        switch self {
        case .oid: "OID"
        case .name: "Name"
        case .itemGroupOID: "ItemGroupOID"
        case .repeating: "Repeating"
        case .itemOID: "ItemOID"
        case .dataType: "DataType"
        case .length: "Length"
        case .codeListOID: "CodeListOID"
        case .codedValue: "CodedValue"
        case .subjectKey: "SubjectKey"
        case .locationOID: "LocationOID"
        case .studyEventOID: "StudyEventOID"
        case .studyEventRepeatKey: "StudyEventRepeatKey"
        case .formOID: "FormOID"
        case .formRepeatKey: "FormRepeatKey"
        case .itemGroupRepeatKey: "ItemGroupRepeatKey"
        case .value: "Value"
        case .transactionType: "TransactionType"
        case .formName: "FormName"
        case .uniqueEventName: "UniqueEventName"
        case .repeatInstrument: "RepeatInstrument"
        case .recordIdField: "RecordIdField"
        }
    }
}
