import Foundation
import TrialExportCore

/// Writes EDC forms, given as CSV-like rows, as one CDISC ODM 1.3.2 document: for `generate --format odm`.
///
/// Rows are streamed to a temporary file as ClinicalData (one SubjectData per run of rows of one
/// subject, a StudyEventData per visit folder, one FormData with one ItemGroupData per row, an
/// ItemData per non-empty field, values escaped so line breaks survive as `&#10;`), while each
/// column's values are profiled; `end` then writes the header and the MetaDataVersion (FormDef,
/// ItemGroupDef and ItemDef named as the forms and columns, DataTypes and CodeLists from the
/// profile) and appends the ClinicalData. Loading the result gives the same tables as the CSV forms.
public final class ODMFormWriter {
    public struct Names: Sendable {
        public var subject = "Subject"
        public var site = "SiteNumber"
        public var folder = "FolderName"
        public init() {}
    }

    private let path: String
    private let clinicalPath: String
    private let clinical: BufferedFileOutput
    private let study: String
    private let created: String
    private let names: Names
    private var metadata: ODMMetadataText
    private var subject: String?
    private var event: (oid: String, key: Int)?
    private var eventCounts: [String: Int] = [:]
    private var formCounts: [String: Int] = [:]
    public private(set) var rows = 0

    /// `created`: the document's CreationDateTime (fixed, so the same data gives the same bytes).
    public init(path: String, studyOID: String, created: String, names: Names = Names()) throws {
        self.path = path
        clinicalPath = path + ".clinical.tmp"
        clinical = try BufferedFileOutput(path: clinicalPath)
        study = studyOID
        self.created = created
        self.names = names
        metadata = ODMMetadataText(studyOID: studyOID)
    }

    public func begin(form: String, header: [String]) throws {
        metadata.addForm(form, header: header)
    }

    public func write(form: String, row: [String]) throws {
        let header = metadata.header(of: form)
        func field(_ name: String) -> String? { header.firstIndex(of: name).map { $0 < row.count ? row[$0] : "" } }
        let key = field(names.subject) ?? ""
        if key != subject {
            try closeSubject()
            subject = key
            (eventCounts, formCounts) = ([:], [:])
            try emit("<SubjectData SubjectKey=\"\(XMLText.escaped(key))\">")
            if let site = field(names.site) { try emit("<SiteRef LocationOID=\"\(XMLText.escaped(site))\"/>") }
        }
        let eventOID = ODMMetadataText.oid("SE", field(names.folder).flatMap { $0.isEmpty ? nil : $0 } ?? "SUBJECT")
        if eventOID != event?.oid {
            if event != nil { try emit("</StudyEventData>") }
            eventCounts[eventOID, default: 0] += 1
            event = (eventOID, eventCounts[eventOID]!)
            try emit("<StudyEventData StudyEventOID=\"\(eventOID)\" StudyEventRepeatKey=\"\(event!.key)\">")
        }
        metadata.addEvent(eventOID, name: field(names.folder) ?? "", form: form)
        formCounts[form, default: 0] += 1
        var text = "<FormData FormOID=\"\(metadata.formOID(form))\" FormRepeatKey=\"\(formCounts[form]!)\">"
        text += "<ItemGroupData ItemGroupOID=\"\(metadata.groupOID(form))\" ItemGroupRepeatKey=\"1\">"
        for (i, value) in row.enumerated() where i < header.count && !value.isEmpty {
            metadata.profile(form, column: i, value: value)
            text += "<ItemData ItemOID=\"\(metadata.itemOID(form, i))\" Value=\"\(XMLText.escaped(value))\"/>"
        }
        try emit(text + "</ItemGroupData></FormData>")
        rows += 1
    }

    public func end() throws {
        try closeSubject()
        try emit("</ClinicalData>")
        try emit("</ODM>")
        try clinical.close()
        let out = try BufferedFileOutput(path: path)
        try out.append(contentsOf: Array(metadata.document(created: created).utf8))
        try out.append(contentsOf: Array("<ClinicalData StudyOID=\"\(study)\" MetaDataVersionOID=\"MDV.1\">\n".utf8))
        guard let input = FileHandle(forReadingAtPath: clinicalPath) else {
            throw TrialExportError.writeFailed(path: clinicalPath, detail: "cannot read back")
        }
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { try out.append(contentsOf: chunk) }
        try input.close()
        try out.close()
        try? FileManager.default.removeItem(atPath: clinicalPath)
    }

    private func closeSubject() throws {
        guard subject != nil else { return }
        if event != nil { try emit("</StudyEventData>") }
        try emit("</SubjectData>")
        (subject, event) = (nil, nil)
    }

    private func emit(_ text: String) throws {
        try clinical.append(contentsOf: Array((text + "\n").utf8))
    }
}
