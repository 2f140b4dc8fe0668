import TrialExportCore

/// The subject of an ODM record is its SubjectData's `SubjectKey`; a vendor's CSV export of the
/// same data names that identifier after its own fashion (Rave `Subject`, Viedoc `Subject Id`,
/// Castor `Participant Id`, ...). So that specs written for the CSV export map the ODM file, a
/// form the specs read by a subject column that is not one of its items reads the subject from the
/// `SubjectKey` column under that name, said once per form (ODM0017). An item of that name always
/// wins: a form's own subject item is never replaced.
enum ODMSubjectColumn {
    /// `tables` with the subject column of each form (`subjectColumns`, per form; else the specs')
    /// found, where the form lacks it, as its `SubjectKey`.
    static func bridge(
        _ tables: [RawTable], specs: [DomainSpec], subjectColumns: [String: String], file: String, findings: FindingSink
    ) -> [RawTable] {
        let needed = SpecRequirements.subjectColumns(of: specs, subjectColumns: subjectColumns)
        return tables.map { table in
            var table = table
            for column in (needed[table.form] ?? []).sorted() where table.columnIndex[column] == nil {
                guard let key = table.columnIndex["SubjectKey"] else { continue }
                table.addAlias(column, for: key)
                // Where and what the first record's subject is, so a SubjectKey that is not the
                // subject identifier the CSV export gives (an internal id) is seen at once.
                let first = table.rowCount > 0 ? (line: table.line(0), value: table.value(0, key)) : nil
                findings.report(
                    .odmSubjectColumn(file: file, line: first?.line, form: table.form, column: column, value: first?.value))
            }
            return table
        }
    }
}
