import TrialExportCore

extension DefineDocument {
    /// The document as Define-XML 2.1 text (UTF-8, deterministic: every date is the data cut-off).
    func render() -> String {
        var xml = XMLText()
        xml.add("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        xml.add("<?xml-stylesheet type=\"text/xsl\" href=\"define2-1.xsl\"?>")
        xml.open(
            "ODM",
            [
                ("xmlns", "http://www.cdisc.org/ns/odm/v1.3"), ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
                ("xmlns:def", "http://www.cdisc.org/ns/def/v2.1"), ("ODMVersion", "1.3.2"),
                ("FileOID", "\(DefineOID.study(study.studyId)).DEFINE"), ("FileType", "Snapshot"),
                ("CreationDateTime", "\(cutoff)T00:00:00"), ("Originator", "trialexport"), ("SourceSystem", "trialexport"),
                ("SourceSystemVersion", "1"), ("def:Context", "Submission"),
            ])
        xml.open("Study", [("OID", DefineOID.study(study.studyId))])
        xml.open("GlobalVariables")
        xml.element("StudyName", text: study.studyId)
        xml.element("StudyDescription", text: study.title)
        xml.element("ProtocolName", text: study.studyId)
        xml.close("GlobalVariables")
        xml.open(
            "MetaDataVersion",
            [
                ("OID", DefineOID.metaDataVersion(study.studyId)), ("Name", "\(study.studyId) SDTM tabulation datasets"),
                ("Description", "SDTMIG \(igVersion) datasets of \(study.studyId), data cut-off \(cutoff)"),
                ("def:DefineVersion", "2.1.0"),
            ])
        xml.open("def:Standards")
        xml.open(
            "def:Standard",
            [
                ("OID", "STD.SDTMIG"), ("Name", "SDTMIG"), ("Type", "IG"), ("Version", igVersion),
                ("Status", "Final"),
            ], empty: true)
        xml.open(
            "def:Standard",
            [
                ("OID", "STD.CT"), ("Name", "CDISC/NCI"), ("Type", "CT"), ("PublishingSet", "SDTM"),
                ("Version", ctVersion), ("Status", "Final"),
            ], empty: true)
        xml.close("def:Standards")
        renderValueLists(&xml)
        for group in groups { renderGroup(group, &xml) }
        for item in groups.flatMap(\.items) + valueLists.flatMap(\.items) { renderItem(item, &xml) }
        for list in codelists { renderCodelist(list, &xml) }
        renderMethods(&xml)
        renderComments(&xml)
        xml.close("MetaDataVersion")
        xml.close("Study")
        xml.close("ODM")
        return xml.text
    }

    private func renderValueLists(_ xml: inout XMLText) {
        for list in valueLists {
            xml.open("def:ValueListDef", [("OID", list.oid)])
            for (n, item) in list.items.enumerated() {
                xml.open(
                    "ItemRef",
                    [
                        ("ItemOID", item.oid), ("OrderNumber", "\(n + 1)"), ("Mandatory", "No"),
                        ("MethodOID", item.methodOID),
                    ])
                xml.open("def:WhereClauseRef", [("WhereClauseOID", item.whereClause?.oid)], empty: true)
                xml.close("ItemRef")
            }
            xml.close("def:ValueListDef")
        }
        for item in valueLists.flatMap(\.items) {
            guard let clause = item.whereClause else { continue }
            xml.open("def:WhereClauseDef", [("OID", clause.oid)])
            xml.open("RangeCheck", [("Comparator", "EQ"), ("SoftHard", "Soft"), ("def:ItemOID", clause.item)])
            xml.element("CheckValue", text: clause.value)
            xml.close("RangeCheck")
            xml.close("def:WhereClauseDef")
        }
    }

    private func renderGroup(_ group: Group, _ xml: inout XMLText) {
        let name = group.dataset.name
        let supplemental = name.hasPrefix("SUPP")
        let trialDesign = DefineOrigin.trialDesign.contains(name)
        xml.open(
            "ItemGroupDef",
            [
                ("OID", DefineOID.itemGroup(name)), ("Name", name), ("Domain", supplemental ? String(name.dropFirst(4)) : name),
                ("Repeating", name == "DM" ? "No" : "Yes"), ("IsReferenceData", trialDesign ? "Yes" : "No"),
                ("SASDatasetName", name), ("def:Structure", group.metadata?.structure ?? "One record per record"),
                ("Purpose", "Tabulation"), ("def:StandardOID", "STD.SDTMIG"),
                ("def:CommentOID", DefineComments.note(for: name, files: group.files) == nil ? nil : "COM.\(name)"),
                ("def:ArchiveLocationID", "LF.\(name)"),
            ])
        xml.description(group.dataset.label)
        for (n, item) in group.items.enumerated() {
            xml.open(
                "ItemRef",
                [
                    ("ItemOID", item.oid), ("OrderNumber", "\(n + 1)"), ("Mandatory", item.mandatory ? "Yes" : "No"),
                    ("KeySequence", item.keySequence.map(String.init)), ("MethodOID", item.methodOID),
                    ("Role", item.role),
                ], empty: true)
        }
        if let datasetClass = group.metadata?.datasetClass {
            xml.open("def:Class", [("Name", datasetClass.uppercased().replacingOccurrences(of: "-", with: " "))], empty: true)
        }
        xml.open("def:leaf", [("ID", "LF.\(name)"), ("xlink:href", "xpt/\(group.files[0])")])
        xml.element("def:title", text: "xpt/\(group.files[0])")
        xml.close("def:leaf")
        xml.close("ItemGroupDef")
    }

    private func renderItem(_ item: DefineItem, _ xml: inout XMLText) {
        xml.open(
            "ItemDef",
            [
                ("OID", item.oid), ("Name", item.name), ("DataType", item.dataType), ("Length", item.length.map(String.init)),
                ("SignificantDigits", item.significantDigits.map(String.init)), ("SASFieldName", item.name),
            ])
        xml.description(item.label)
        if let codelist = item.codelist { xml.open("CodeListRef", [("CodeListOID", codelist)], empty: true) }
        let detail = item.origin.detail ?? ""
        xml.open(
            "def:Origin",
            [("Type", item.origin.kind.rawValue), ("Source", item.origin.kind == .protocolDefined ? nil : item.origin.source)],
            empty: detail.isEmpty)
        if !detail.isEmpty {
            xml.description(detail)
            xml.close("def:Origin")
        }
        if let list = item.valueList { xml.open("def:ValueListRef", [("ValueListOID", list)], empty: true) }
        xml.close("ItemDef")
    }

    private func renderCodelist(_ list: DefineCodelist, _ xml: inout XMLText) {
        xml.open("CodeList", [("OID", list.oid), ("Name", list.name), ("DataType", "text"), ("def:StandardOID", "STD.CT")])
        for (n, item) in list.items.enumerated() {
            xml.open(
                "EnumeratedItem",
                [
                    ("CodedValue", item.value), ("OrderNumber", "\(n + 1)"),
                    ("def:ExtendedValue", item.nciCode == nil ? "Yes" : nil),
                ], empty: item.nciCode == nil)
            if let code = item.nciCode {
                xml.open("Alias", [("Context", "nci:ExtCodeID"), ("Name", code)], empty: true)
                xml.close("EnumeratedItem")
            }
        }
        xml.open("Alias", [("Context", "nci:ExtCodeID"), ("Name", list.code)], empty: true)
        xml.close("CodeList")
    }

    private func renderMethods(_ xml: inout XMLText) {
        for item in groups.flatMap(\.items) + valueLists.flatMap(\.items) {
            guard let oid = item.methodOID else { continue }
            xml.open("MethodDef", [("OID", oid), ("Name", "Algorithm to derive \(oid.dropFirst(3))"), ("Type", "Computation")])
            xml.description(item.origin.method ?? "Derived by trialexport.")
            xml.close("MethodDef")
        }
    }

    private func renderComments(_ xml: inout XMLText) {
        for group in groups {
            guard let note = DefineComments.note(for: group.dataset.name, files: group.files) else { continue }
            xml.open("def:CommentDef", [("OID", "COM.\(group.dataset.name)")])
            xml.description(note)
            xml.close("def:CommentDef")
        }
    }
}
