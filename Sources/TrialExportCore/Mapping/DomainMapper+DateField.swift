/// The data cut-off test of a block's own date (`dateField`), read with its declared format.
extension DomainMapper {
    /// True when the record's date is after the cut-off. A date that cannot be read keeps the
    /// record and is reported here, unless an `assign_datetime` of the block maps the same column
    /// (and reports it there).
    func recordDateIsAfterCutoff(_ row: Int, plan: BlockPlan) -> Bool {
        guard let cutoff = context.cutoff, let column = plan.dateColumn else { return false }
        let text = plan.table.value(row, column)
        switch DateReading.date(text, format: plan.dateFieldFormat.format) {
        case .success(let value): return value?.date.isAfter(cutoff) ?? false
        case .failure(let failure):
            guard !plan.dateFieldFormat.reportedElsewhere else { return false }
            let name = plan.table.header[column]
            findings.report(
                .invalidDate(
                    .init(file: plan.table.file, line: plan.table.line(row), column: name), domain: spec.domain,
                    usubjid: plan.subjectColumn.map { plan.table.cleanValue(row, $0) }, variable: "\(plan.table.form).\(name)",
                    value: text, failure: failure, format: plan.dateFieldFormat.format?.pattern,
                    effect: "the record is kept, as whether it is after the data cut-off cannot be told"))
            return false
        }
    }
}
