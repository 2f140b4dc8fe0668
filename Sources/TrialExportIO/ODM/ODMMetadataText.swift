/// The Study and MetaDataVersion of a generated ODM document, built from the forms' headers,
/// the visits met and a profile of each column's values (DataType; CodeList for coded text).
struct ODMMetadataText {
    /// A column's values so far: whether all are integers or numbers, and its distinct values
    /// while there are few (a CodeList is written for text columns with at most `maxCoded`).
    struct Profile {
        var integer = true
        var number = true
        var seen = false
        var distinct: [String] = []
        var many = false
    }

    static let maxCoded = 12
    /// Columns that identify a record rather than hold coded answers: never a CodeList.
    static let keyColumns: Set<String> = ["SiteNumber", "Subject", "FolderName", "RecordPosition"]
    let studyOID: String
    private var forms: [String] = []
    private var headers: [String: [String]] = [:]
    private var profiles: [String: [Profile]] = [:]
    private var events: [String] = []
    private var eventNames: [String: String] = [:]
    private var eventForms: [String: [String]] = [:]

    init(studyOID: String) { self.studyOID = studyOID }

    /// An OID from a prefix and a name: letters, digits, `.`, `-` and `_` kept, anything else `_`.
    static func oid(_ prefix: String, _ parts: String...) -> String {
        let text = parts.joined(separator: ".")
        let kept = text.unicodeScalars.map { s -> String in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || ".-_".unicodeScalars.contains(s))
                ? String(s) : "_"
        }
        return prefix + "." + kept.joined()
    }

    var eventOrder: [String] { events }
    var formList: [String] { forms }
    var eventFormList: [String: [String]] { eventForms }
    func eventName(_ oid: String) -> String { eventNames[oid] ?? oid }
    func columnProfile(_ form: String, _ column: Int) -> Profile { profiles[form]![column] }
    func header(of form: String) -> [String] { headers[form] ?? [] }
    func formOID(_ form: String) -> String { Self.oid("F", form.uppercased()) }
    func groupOID(_ form: String) -> String { Self.oid("IG", form.uppercased()) }
    func itemOID(_ form: String, _ column: Int) -> String { Self.oid("IT", form.uppercased(), headers[form]![column]) }

    mutating func addForm(_ form: String, header: [String]) {
        forms.append(form)
        headers[form] = header
        profiles[form] = Array(repeating: Profile(), count: header.count)
    }

    mutating func addEvent(_ oid: String, name: String, form: String) {
        if eventForms[oid] == nil {
            events.append(oid)
            eventNames[oid] = name.isEmpty ? "Subject" : name
        }
        if eventForms[oid]?.contains(form) != true { eventForms[oid, default: []].append(form) }
    }

    mutating func profile(_ form: String, column: Int, value: String) {
        var p = profiles[form]![column]
        p.seen = true
        if p.integer, Int(value) == nil { p.integer = false }
        if p.number, Double(value) == nil || value.contains(where: \.isLetter) { p.number = false }
        if !p.many, !p.distinct.contains(value) {
            p.distinct.append(value)
            if p.distinct.count > Self.maxCoded { (p.many, p.distinct) = (true, []) }
        }
        profiles[form]![column] = p
    }
}
