/// Where in the ClinicalData of an ODM file a value sits, for findings and rejected records.
struct ODMLocation: Sendable {
    var subjectKey = ""
    var site = ""
    var eventOID = ""
    var eventRepeatKey = ""
    var formOID = ""
    var formRepeatKey = ""
    var groupOID = ""
    var groupRepeatKey = ""
    var itemOID = ""

    /// `SubjectKey 01-001, StudyEventOID SE.C1[2], FormOID F.AE[1], ItemGroupOID IG.AE, ItemOID IT.AE.AETERM`,
    /// each part only when known, a repeat key in brackets.
    var description: String {
        func keyed(_ oid: String, _ key: String) -> String { key.isEmpty ? oid : "\(oid)[\(key)]" }
        var parts: [String] = []
        if !subjectKey.isEmpty { parts.append("SubjectKey \(subjectKey)") }
        if !eventOID.isEmpty { parts.append("StudyEventOID \(keyed(eventOID, eventRepeatKey))") }
        if !formOID.isEmpty { parts.append("FormOID \(keyed(formOID, formRepeatKey))") }
        if !groupOID.isEmpty { parts.append("ItemGroupOID \(keyed(groupOID, groupRepeatKey))") }
        if !itemOID.isEmpty { parts.append("ItemOID \(itemOID)") }
        return parts.joined(separator: ", ")
    }
}
