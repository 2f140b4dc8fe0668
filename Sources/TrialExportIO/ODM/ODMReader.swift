import Foundation
import TrialExportCore

/// The SAX delegate that walks an ODM document: the MetaDataVersion into ``ODMMetadata``, the
/// ClinicalData into an ``ODMTableBuilder``. Audit records, signatures, annotations and binary
/// items are skipped (counted); anything it does not know is ignored (vendor extensions).
final class ODMReader {
    private(set) var builder: ODMTableBuilder
    private(set) var failure: ODMError?
    private(set) var rootClosed = false
    private(set) var skipped: [String: (count: Int, line: Int)] = [:]
    private let path: String
    private var depth = 0
    private var skipUntilDepth: Int?
    private var location = ODMLocation()
    private var text = ""
    private var textItem: (oid: String, line: Int, removed: String?)?
    private var formDef: String?
    private var groupDef: String?
    private var itemDef: String?
    private var codeList: String?
    private var codedValue: String?
    private var inDecode = false
    /// TransactionType Remove/Delete of the enclosing SubjectData or StudyEventData.
    private var subjectRemoved: String?
    private var eventRemoved: String?

    /// Whether the ClinicalData (a child of the root) is open.
    private var inClinicalData = false
    /// The namespace declarations of the root and of the ClinicalData, as written in start tags.
    private(set) var rootNamespaces = ""
    private(set) var clinicalDataNamespaces = ""

    /// `wantedForms`: the forms the specs name (a FormDef Name or a FormOID; see
    /// ``ODMMetadata/tableNames(wanted:)``).
    init(
        path: String, display: String, findings: FindingSink, metadata: ODMMetadata? = nil, wantedForms: Set<String> = []
    ) {
        self.path = path
        builder = ODMTableBuilder(file: display, findings: findings, wantedForms: wantedForms)
        if let metadata { builder.metadata = metadata }
    }

    /// Whether the reader stands between two SubjectData of the ClinicalData, holding nothing
    /// open: where a file may be cut into parts read apart (``ODMSegmentedRead``).
    var betweenSubjects: Bool {
        depth == 2 && inClinicalData && skipUntilDepth == nil && textItem == nil && failure == nil
            && !builder.inForm && formDef == nil && codeList == nil && !inDecode
    }

    /// Takes in what the reader of a later part of the file found: its tables (appended), its
    /// counts of skipped elements and whether it closed the root.
    func absorb(_ later: ODMReader) {
        builder.absorb(later.builder)
        for (name, seen) in later.skipped.sorted(by: { $0.value.line < $1.value.line }) {
            skipped[name, default: (0, seen.line)].count += seen.count
        }
        rootClosed = later.rootClosed
        lineBreakValues += later.lineBreakValues
        sawCarriageReturn = sawCarriageReturn || later.sawCarriageReturn
    }

    /// Findings go to `findings` from now on.
    func report(to findings: FindingSink) { builder.findings = findings }

    /// Text is kept only inside an ItemData value or a decode's TranslatedText.
    var wantsText: Bool { skipUntilDepth == nil ? (textItem != nil || inDecode) : binary != nil }
    /// Whether the bytes read hold a carriage return (set by who reads the file, once read).
    var sawCarriageReturn = false
    /// A note (ODM0018) for each element-text value holding a line break: reported, once the
    /// whole file is read, only if the file holds a carriage return (``sawCarriageReturn``).
    private(set) var lineBreakValues: [Finding] = []
    /// The binary item being skipped: where it is, and its characters so far.
    private var binary: (line: Int, at: ODMLocation, characters: Int)?

    /// An element starts; `name` gives its name as written (asked for only in a message).
    func start(
        _ element: ODMElement, _ a: ODMAttributes, line: Int, name: () -> String, namespaces: () -> String = { "" },
        literalValue: (UnsafeBufferPointer<UInt8>) -> [UInt8]? = { _ in nil }
    ) {
        depth += 1
        if depth > ODMLimits.maxDepth { return stop(.tooDeep(path: path, line: line, depth: depth)) }
        if depth == 1, element != .odm { return stop(.notODM(path: path, root: name())) }
        if skipUntilDepth != nil {
            if element.isSkipped { count(name(), line: line) }
            return
        }
        switch element {
        case .auditRecord, .signature, .annotation, .itemDataBase64Binary:
            if element == .itemDataBase64Binary {
                var here = location
                here.itemOID = a[.itemOID] ?? ""
                textItem = nil
                binary = (line, here, 0)
            }
            count(name(), line: line)
            skipUntilDepth = depth
        case .formDef, .itemGroupRef, .itemGroupDef, .itemRef, .itemDef, .codeListRef, .codeList, .codeListItem,
            .enumeratedItem, .translatedText, .metaDataVersion, .studyEventDef, .vendorRepeatingInstrument,
            .vendorRepeatingEvent:
            metadataElement(element, a, line: line)
        case .itemData:
            // A line break or tab written as such inside Value, which XML reads as a space, is
            // kept as written (as the EDC's CSV export of the same data holds it), and said. Only
            // a Value holding a space can have been so changed, so only then is the tag read again.
            let written = a.bytes(.value)
            guard let read = written, read.contains(0x20), builder.inForm, let literal = literalValue(read) else {
                clinicalElement(element, a, line: line, value: written)
                break
            }
            literal.withUnsafeBufferPointer { clinicalElement(element, a, line: line, value: $0) }
            var here = location
            here.itemOID = a[.itemOID] ?? ""
            builder.findings.report(
                .odmNormalizedValue(
                    file: builder.file, line: line, at: here, value: String(decoding: literal, as: UTF8.self),
                    read: String(decoding: read, as: UTF8.self)))
        case .subjectData, .siteRef, .studyEventData, .formData, .itemGroupData, .typedItemData:
            clinicalElement(element, a, line: line)
        case .odm: rootNamespaces = namespaces()
        case .clinicalData where depth == 2:
            inClinicalData = true
            builder.metadata.addREDCapSystemFields()
            clinicalDataNamespaces = namespaces()
        case .clinicalData, .other: break
        }
    }

    func end(_ element: ODMElement) {
        defer { depth -= 1 }
        if let until = skipUntilDepth {
            if depth == until {
                skipUntilDepth = nil
                if let item = binary {
                    builder.findings.report(
                        .odmBinaryItem(file: builder.file, line: item.line, at: item.at, bytes: item.characters))
                    binary = nil
                }
            }
            return
        }
        switch element {
        case .odm: rootClosed = true
        case .clinicalData where depth == 2: inClinicalData = false
        case .formDef: formDef = nil
        case .itemGroupDef: groupDef = nil
        case .itemDef: itemDef = nil
        case .codeList: codeList = nil
        case .codeListItem, .enumeratedItem: codedValue = nil
        case .translatedText where inDecode:
            if let codeList, let codedValue { builder.metadata.codeLists[codeList]?.items.append((codedValue, text)) }
            inDecode = false
        case .subjectData: (location, subjectRemoved) = (ODMLocation(), nil)
        case .studyEventData: (location.eventOID, location.eventRepeatKey, eventRemoved) = ("", "", nil)
        case .formData:
            builder.endForm()
            (location.formOID, location.formRepeatKey) = ("", "")
        case .itemGroupData:
            builder.endGroup()
            (location.groupOID, location.groupRepeatKey) = ("", "")
        case .typedItemData:
            if let item = textItem {
                if text.utf8.contains(0x0A) {
                    var here = location
                    here.itemOID = item.oid
                    lineBreakValues.append(.odmLineEndsRead(file: builder.file, line: item.line, at: here, value: text))
                }
                builder.item(item.oid, value: text, line: item.line, removed: item.removed) { location }
                textItem = nil
            }
        default: break
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) {
        guard wantsText else { return }
        if binary != nil {
            binary?.characters += bytes.count
            return
        }
        text += String(decoding: bytes, as: UTF8.self)
        if text.utf8.count > ODMLimits.maxValueBytes {
            stop(.valueTooLarge(path: path, line: line, bytes: text.utf8.count))
        }
    }

    private func stop(_ error: ODMError) {
        if failure == nil { failure = error }
        failed = true
    }

    /// Whether the reader stopped on an error (``failure``), checked after every callback.
    private(set) var failed = false

    private func count(_ name: String, line: Int) {
        skipped[name, default: (0, line)].count += 1
    }

    /// Whether a MetaDataVersion element was read.
    private(set) var sawMetadata = false

    /// Reads an element of a MetaDataVersion.
    private func metadataElement(_ element: ODMElement, _ a: ODMAttributes, line: Int) {
        sawMetadata = true
        switch element {
        case .formDef:
            let oid = a[.oid] ?? ""
            formDef = oid
            if builder.metadata.forms[oid] == nil {
                builder.metadata.forms[oid] = .init(
                    name: a[.name] ?? "", line: line,
                    vendorName: a.vendorBytes(.formName).map { String(decoding: $0, as: UTF8.self) } ?? "")
                builder.metadata.formOrder.append(oid)
            }
        case .itemGroupRef:
            guard let formDef else { return }
            builder.metadata.forms[formDef]?.itemGroupOIDs.append(a[.itemGroupOID] ?? "")
        case .itemGroupDef:
            let oid = a[.oid] ?? ""
            groupDef = oid
            if builder.metadata.itemGroups[oid] == nil {
                builder.metadata.itemGroups[oid] = .init(name: a[.name] ?? "", repeating: a[.repeating] == "Yes")
            }
        case .itemRef:
            guard let groupDef else { return }
            builder.metadata.itemGroups[groupDef]?.itemOIDs.append(a[.itemOID] ?? "")
        case .itemDef:
            let oid = a[.oid] ?? ""
            itemDef = oid
            if builder.metadata.items[oid] == nil {
                builder.metadata.items[oid] = .init(
                    name: a[.name] ?? "", dataType: a[.dataType] ?? "text", length: a[.length].flatMap { Int($0) })
            }
        case .codeListRef:
            guard let itemDef else { return }
            builder.metadata.items[itemDef]?.codeListOID = a[.codeListOID]
        case .codeList:
            let oid = a[.oid] ?? ""
            codeList = oid
            if builder.metadata.codeLists[oid] == nil {
                builder.metadata.codeLists[oid] = .init(name: a[.name] ?? "")
            }
        case .codeListItem:
            codedValue = a[.codedValue]
        case .enumeratedItem:
            if let codeList, let coded = a[.codedValue] { builder.metadata.codeLists[codeList]?.items.append((coded, coded)) }
        case .metaDataVersion:
            if let field = a.vendorBytes(.recordIdField), builder.metadata.redcap.recordIdField.isEmpty {
                builder.metadata.redcap.recordIdField = String(decoding: field, as: UTF8.self)
            }
        case .studyEventDef:
            if let oid = a[.oid], let name = a.vendorBytes(.uniqueEventName) {
                builder.metadata.redcap.eventNames[oid] = String(decoding: name, as: UTF8.self)
            }
        case .vendorRepeatingInstrument:
            let event = a.vendorBytes(.uniqueEventName).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if let form = a.vendorBytes(.repeatInstrument) {
                builder.metadata.redcap.repeatingInstruments.insert(
                    .init(event: event, instrument: String(decoding: form, as: UTF8.self)))
            }
        case .vendorRepeatingEvent:
            if let event = a.vendorBytes(.uniqueEventName) {
                builder.metadata.redcap.repeatingEvents.insert(String(decoding: event, as: UTF8.self))
            }
        case .translatedText:
            guard let codedValue, let codeList else { return }
            if builder.metadata.codeLists[codeList]?.items.last?.coded != codedValue {
                inDecode = true
                text = ""
            }
        default: break
        }
    }

    /// Reads an element of a ClinicalData.
    /// `value`: the ItemData's value when it is not the Value attribute as libxml2 read it.
    private func clinicalElement(
        _ element: ODMElement, _ a: ODMAttributes, line: Int, value: UnsafeBufferPointer<UInt8>? = nil
    ) {
        let removed = Self.removal(a.bytes(.transactionType))
        switch element {
        case .subjectData:
            location = ODMLocation()
            location.subjectKey = a[.subjectKey] ?? ""
            subjectRemoved = removed
        case .siteRef: location.site = a[.locationOID] ?? ""
        case .studyEventData:
            location.eventOID = a[.studyEventOID] ?? ""
            location.eventRepeatKey = a[.studyEventRepeatKey] ?? ""
            eventRemoved = removed
        case .formData:
            location.formOID = a[.formOID] ?? ""
            location.formRepeatKey = a[.formRepeatKey] ?? ""
            builder.beginForm(location, line: line, removed: removed ?? eventRemoved ?? subjectRemoved)
        case .itemGroupData:
            location.groupOID = a[.itemGroupOID] ?? ""
            location.groupRepeatKey = a[.itemGroupRepeatKey] ?? ""
            builder.beginGroup(location, line: line, removed: removed)
        case .itemData:
            let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            let value = value ?? a.bytes(.value) ?? empty
            builder.item(a.bytes(.itemOID) ?? empty, value: value, line: line, removed: removed) {
                location
            }
        case .typedItemData:
            textItem = (a[.itemOID] ?? "", line, removed)
            text = ""
        default: break
        }
    }

    /// "Remove" or "Delete" when a TransactionType says so (nil for Insert, Update, Upsert or none).
    private static func removal(_ bytes: UnsafeBufferPointer<UInt8>?) -> String? {
        guard let bytes, bytes.count == 6 else { return nil }
        let value = String(decoding: bytes, as: UTF8.self)
        return value == "Remove" || value == "Delete" ? value : nil
    }
}
