import Testing

@testable import TrialExportCore

/// The one reference rule: a form prefix only when it names a form (any case); `form.` quotes the rest.
struct FieldRefTests {
    static let forms = FormNames(["ae", "dm", "Vital_Signs"])

    @Test(arguments: [
        ("AETERM", "ae", "AETERM"),
        ("ae.AETERM", "ae", "AETERM"),
        ("AE.AETERM", "ae", "AETERM"),
        ("dm.SEX", "dm", "SEX"),
        ("IT.AETERM", "ae", "IT.AETERM"),
        ("Wt. (kg)", "ae", "Wt. (kg)"),
        ("ae.IT.AETERM", "ae", "IT.AETERM"),
        ("dm.ae.x", "dm", "ae.x"),
        ("vital_signs.Wt. (kg)", "Vital_Signs", "Wt. (kg)"),
        ("Vital_Signs.Höhe", "Vital_Signs", "Höhe"),
        ("Subject Id", "ae", "Subject Id"),
    ])
    func references(text: String, form: String, column: String) {
        let ref = FieldRef(text, defaultForm: "ae", forms: Self.forms)
        #expect(ref.form == form && ref.column == column)
    }

    @Test func exactFormNameWinsOverACaseTwin() {
        let forms = FormNames(["AE", "ae"])
        #expect(forms.canonical("AE") == "AE" && forms.canonical("ae") == "ae" && forms.canonical("Ae") == "AE")
    }

    @Test func templateFieldsAreTheRawReferences() {
        var variable = VariableSpec(variable: "USUBJID", algorithm: .template)
        variable.value = "{STUDYID}-{Vital_signs.Site Code}/{DM.SUBJID}{ae.IT.X}"
        #expect(SpecRequirements.templateFields(variable, forms: Self.forms) == ["Vital_signs.Site Code", "ae.IT.X"])
    }

    @Test func requirementsUseTheFormsSubjectColumn() {
        let spec = DomainSpec(
            domain: "AE", subjectColumn: "Subject",
            records: [RecordSpec(form: "ae", variables: [VariableSpec(variable: "AETERM", algorithm: .assignNoCT)])])
        let columns = SpecRequirements.columns(of: [spec], subjectColumns: ["ae": "Subject Id"])
        #expect(columns["ae"]?.keys.sorted() == ["Subject Id"])
    }
}
