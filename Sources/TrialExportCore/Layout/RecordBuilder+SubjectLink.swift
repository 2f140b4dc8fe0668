/// The finding for a record whose subject has no DM record (MAP0010).
extension RecordBuilder {
    /// Reports the current record's subject once per block when DM is mapped and lacks it.
    func reportUnlinkedSubject() {
        guard context.dm != nil, !subject.isEmpty, unlinkedSubjects.insert(subject).inserted else { return }
        let column = context.raw.subjectColumn(of: plan.table.form)
        findings.report(
            .subjectNotInDemographics(
                form: plan.table.form, file: plan.table.file, line: plan.table.line(row), column: column, subject: subject,
                domain: domain))
    }
}
