extension ODMMetadataText {
    /// The document up to the ClinicalData: XML declaration, ODM root, Study with GlobalVariables
    /// and the MetaDataVersion `MDV.1`.
    func document(created: String) -> String {
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<ODM xmlns=\"http://www.cdisc.org/ns/odm/v1.3\" FileType=\"Snapshot\" FileOID=\"\(studyOID).EDC\""
                + " CreationDateTime=\"\(created)\" ODMVersion=\"1.3.2\" Originator=\"trialexport generate\">",
            "<Study OID=\"\(studyOID)\">",
            "<GlobalVariables><StudyName>\(XMLText.escaped(studyOID))</StudyName>"
                + "<StudyDescription>Dummy EDC data (not real patients)</StudyDescription>"
                + "<ProtocolName>\(XMLText.escaped(studyOID))</ProtocolName></GlobalVariables>",
            "<MetaDataVersion OID=\"MDV.1\" Name=\"EDC forms\">",
            "<Protocol>" + eventOrder.map { "<StudyEventRef StudyEventOID=\"\($0)\" Mandatory=\"No\"/>" }.joined()
                + "</Protocol>",
        ]
        for oid in eventOrder {
            let refs = (eventFormList[oid] ?? []).map { "<FormRef FormOID=\"\(formOID($0))\" Mandatory=\"No\"/>" }.joined()
            lines.append(
                "<StudyEventDef OID=\"\(oid)\" Name=\"\(XMLText.escaped(eventName(oid)))\" Repeating=\"Yes\" Type=\"Common\">\(refs)</StudyEventDef>"
            )
        }
        for form in formList {
            lines.append(
                "<FormDef OID=\"\(formOID(form))\" Name=\"\(XMLText.escaped(form))\" Repeating=\"Yes\">"
                    + "<ItemGroupRef ItemGroupOID=\"\(groupOID(form))\" Mandatory=\"Yes\"/></FormDef>")
        }
        for form in formList {
            let refs = header(of: form).indices.map { "<ItemRef ItemOID=\"\(itemOID(form, $0))\" Mandatory=\"No\"/>" }.joined()
            lines.append(
                "<ItemGroupDef OID=\"\(groupOID(form))\" Name=\"\(XMLText.escaped(form))\" Repeating=\"No\">\(refs)</ItemGroupDef>"
            )
        }
        var codeLists: [String] = []
        for form in formList {
            for (i, name) in header(of: form).enumerated() {
                let p = columnProfile(form, i)
                let type = p.seen && p.integer ? "integer" : p.seen && p.number ? "float" : "text"
                var def = "<ItemDef OID=\"\(itemOID(form, i))\" Name=\"\(XMLText.escaped(name))\" DataType=\"\(type)\">"
                if type == "text", p.seen, !p.many, !Self.keyColumns.contains(name) {
                    let list = Self.oid("CL", form.uppercased(), name)
                    def += "<CodeListRef CodeListOID=\"\(list)\"/>"
                    codeLists.append(codeList(list, name: "\(form).\(name)", values: p.distinct.sorted()))
                }
                lines.append(def + "</ItemDef>")
            }
        }
        lines += codeLists
        lines += ["</MetaDataVersion>", "</Study>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func codeList(_ oid: String, name: String, values: [String]) -> String {
        "<CodeList OID=\"\(oid)\" Name=\"\(XMLText.escaped(name))\" DataType=\"text\">"
            + values.map { value in
                let v = XMLText.escaped(value)
                return
                    "<CodeListItem CodedValue=\"\(v)\"><Decode><TranslatedText xml:lang=\"en\">\(v)</TranslatedText></Decode></CodeListItem>"
            }.joined() + "</CodeList>"
    }
}
