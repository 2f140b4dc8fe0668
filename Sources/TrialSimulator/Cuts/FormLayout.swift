/// Column positions of the EDC forms for one run (the `ae` relationship columns vary by profile).
struct FormLayout {
    let headers: [EDCForm: [String]]

    init(relationshipColumns: [String]) {
        var headers: [EDCForm: [String]] = [:]
        for form in EDCForm.allCases { headers[form] = form.header(relationshipColumns: relationshipColumns) }
        self.headers = headers
    }

    /// The position of `column` in `form`'s rows.
    func index(_ form: EDCForm, _ column: String) -> Int {
        guard let i = headers[form]?.firstIndex(of: column) else {
            preconditionFailure("\(form.rawValue) has no column \(column)")
        }
        return i
    }

    /// The columns naming a record within its subject and form, e.g. `RecordPosition` for log forms.
    static func keyColumns(_ form: EDCForm) -> [String] {
        switch form {
        case .ic, .elig, .dm, .ecog, .rs: return ["FolderName"]
        case .ienm, .ex, .ae: return ["RecordPosition"]
        case .tl: return ["LESID"]
        case .tm: return ["FolderName", "LESID"]
        case .rand, .bor, .eot, .eos, .death: return []
        }
    }

    /// The key of a row of `form` as column -> value.
    func key(_ form: EDCForm, _ values: [String]) -> [String: String] {
        var key: [String: String] = [:]
        for column in FormLayout.keyColumns(form) { key[column] = values[index(form, column)] }
        return key
    }
}
