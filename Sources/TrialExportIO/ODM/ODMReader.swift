import Foundation
import TrialExportCore

/// The SAX delegate that walks an ODM document: the MetaDataVersion into ``ODMMetadata``, the
/// ClinicalData into an ``ODMTableBuilder``. Audit records, signatures, annotations and binary
/// items are skipped (counted); anything it does not know is ignored (vendor extensions).
final class ODMReader: ODMSAXHandler {
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
    private static let skippedElements: Set<String> = ["AuditRecord", "Signature", "Annotation"]

    init(path: String, display: String, findings: FindingSink) {
        self.path = path
        builder = ODMTableBuilder(file: display, findings: findings)
    }

    /// Text is kept only inside an ItemData value or a decode's TranslatedText.
    var wantsText: Bool { skipUntilDepth == nil && (textItem != nil || inDecode) }

    func start(_ name: String, _ a: ODMAttributes, line: Int) {
        depth += 1
        if depth > ODMLimits.maxDepth { return stop(.tooDeep(path: path, line: line, depth: depth)) }
        if depth == 1, name != "ODM" { return stop(.notODM(path: path, root: name)) }
        if skipUntilDepth != nil {
            if Self.skippedElements.contains(name) { count(name, line: line) }
            return
        }
        if Self.skippedElements.contains(name) || name == "ItemDataBase64Binary" {
            if name == "ItemDataBase64Binary" {
                var here = location
                here.itemOID = a["ItemOID"] ?? ""
                textItem = nil
                builder.findings.report(.odmBinaryItem(file: builder.file, line: line, at: here, bytes: 0))
            }
            count(name, line: line)
            skipUntilDepth = depth
            return
        }
        if metadataElement(name, a) { return }
        clinicalElement(name, a, line: line)
    }

    func end(_ name: String) {
        defer { depth -= 1 }
        if let until = skipUntilDepth {
            if depth == until { skipUntilDepth = nil }
            return
        }
        switch name {
        case "ODM": rootClosed = true
        case "FormDef": formDef = nil
        case "ItemGroupDef": groupDef = nil
        case "ItemDef": itemDef = nil
        case "CodeList": codeList = nil
        case "CodeListItem", "EnumeratedItem": codedValue = nil
        case "TranslatedText" where inDecode:
            if let codeList, let codedValue { builder.metadata.codeLists[codeList]?.items.append((codedValue, text)) }
            inDecode = false
        case "SubjectData": (location, subjectRemoved) = (ODMLocation(), nil)
        case "StudyEventData": (location.eventOID, location.eventRepeatKey, eventRemoved) = ("", "", nil)
        case "FormData":
            builder.endForm()
            (location.formOID, location.formRepeatKey) = ("", "")
        case "ItemGroupData":
            builder.endGroup()
            (location.groupOID, location.groupRepeatKey) = ("", "")
        default:
            if let item = textItem, name.hasPrefix("ItemData") {
                location.itemOID = item.oid
                builder.item(location, value: text, line: item.line, removed: item.removed)
                textItem = nil
            }
        }
    }

    func text(_ string: String, line: Int) {
        guard wantsText else { return }
        text += string
        if text.utf8.count > ODMLimits.maxValueBytes {
            stop(.valueTooLarge(path: path, line: line, bytes: text.utf8.count))
        }
    }

    private func stop(_ error: ODMError) {
        if failure == nil { failure = error }
    }

    private func count(_ name: String, line: Int) {
        skipped[name, default: (0, line)].count += 1
    }

    /// Reads a MetaDataVersion element; true when `name` was one.
    private func metadataElement(_ name: String, _ a: ODMAttributes) -> Bool {
        switch name {
        case "FormDef":
            formDef = a["OID"] ?? ""
            if builder.metadata.forms[formDef!] == nil {
                builder.metadata.forms[formDef!] = .init(name: a["Name"] ?? "")
                builder.metadata.formOrder.append(formDef!)
            }
        case "ItemGroupRef" where formDef != nil:
            builder.metadata.forms[formDef!]?.itemGroupOIDs.append(a["ItemGroupOID"] ?? "")
        case "ItemGroupDef":
            groupDef = a["OID"] ?? ""
            if builder.metadata.itemGroups[groupDef!] == nil {
                builder.metadata.itemGroups[groupDef!] = .init(name: a["Name"] ?? "", repeating: a["Repeating"] == "Yes")
            }
        case "ItemRef" where groupDef != nil:
            builder.metadata.itemGroups[groupDef!]?.itemOIDs.append(a["ItemOID"] ?? "")
        case "ItemDef":
            itemDef = a["OID"] ?? ""
            if builder.metadata.items[itemDef!] == nil {
                builder.metadata.items[itemDef!] = .init(
                    name: a["Name"] ?? "", dataType: a["DataType"] ?? "text", length: a["Length"].flatMap { Int($0) })
            }
        case "CodeListRef" where itemDef != nil:
            builder.metadata.items[itemDef!]?.codeListOID = a["CodeListOID"]
        case "CodeList":
            codeList = a["OID"] ?? ""
            if builder.metadata.codeLists[codeList!] == nil {
                builder.metadata.codeLists[codeList!] = .init(name: a["Name"] ?? "")
            }
        case "CodeListItem":
            codedValue = a["CodedValue"]
        case "EnumeratedItem":
            if let codeList, let coded = a["CodedValue"] { builder.metadata.codeLists[codeList]?.items.append((coded, coded)) }
        case "TranslatedText" where codedValue != nil && codeList != nil:
            if builder.metadata.codeLists[codeList!]?.items.last?.coded != codedValue {
                inDecode = true
                text = ""
            }
        default: return false
        }
        return true
    }

    /// Reads a ClinicalData element.
    private func clinicalElement(_ name: String, _ a: ODMAttributes, line: Int) {
        let removed = a["TransactionType"].flatMap { $0 == "Remove" || $0 == "Delete" ? $0 : nil }
        switch name {
        case "SubjectData":
            location = ODMLocation()
            location.subjectKey = a["SubjectKey"] ?? ""
            subjectRemoved = removed
        case "SiteRef": location.site = a["LocationOID"] ?? ""
        case "StudyEventData":
            location.eventOID = a["StudyEventOID"] ?? ""
            location.eventRepeatKey = a["StudyEventRepeatKey"] ?? ""
            eventRemoved = removed
        case "FormData":
            location.formOID = a["FormOID"] ?? ""
            location.formRepeatKey = a["FormRepeatKey"] ?? ""
            builder.beginForm(location, line: line, removed: removed ?? eventRemoved ?? subjectRemoved)
        case "ItemGroupData":
            location.groupOID = a["ItemGroupOID"] ?? ""
            location.groupRepeatKey = a["ItemGroupRepeatKey"] ?? ""
            builder.beginGroup(location, line: line, removed: removed)
        case "ItemData":
            location.itemOID = a["ItemOID"] ?? ""
            builder.item(location, value: a["Value"] ?? "", line: line, removed: removed)
        default:
            if name.hasPrefix("ItemData") {
                textItem = (a["ItemOID"] ?? "", line, removed)
                text = ""
            }
        }
    }
}
