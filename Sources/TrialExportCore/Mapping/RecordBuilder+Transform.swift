/// Where a variable's `transform:` applies: to the raw value of `from` before an algorithm that
/// reads one, to the algorithm's result otherwise.
extension RecordBuilder {
    /// Algorithms whose `transform:` applies to the raw value of `from`, before the algorithm.
    static let transformsRawInput: Set<Algorithm> = [.assignNoCT, .assignCT, .assignNumber, .visit, .visitNumber]

    /// The raw value of `from` after the variable's transform; nil when the form is not joined.
    func input(_ variable: CompiledVariable) -> String? {
        variable.from.flatMap { input(variable, $0) }
    }

    /// The raw value of `field` after the variable's transform (a failing step: reported, "").
    func input(_ variable: CompiledVariable, _ field: RawField) -> String? {
        guard let collected = raw(field) else { return nil }
        guard let transform = variable.transform else { return collected }
        return applying(transform, to: collected, variable: variable, at: location(field))
    }

    /// The algorithm's result after the transform, for algorithms that do not read `from` raw.
    func transformedResult(_ variable: CompiledVariable, _ value: String) -> String {
        guard let transform = variable.transform, !Self.transformsRawInput.contains(variable.spec.algorithm) else {
            return value
        }
        return applying(transform, to: value, variable: variable, at: variable.from.flatMap(location))
    }

    private func applying(_ transform: Transform, to value: String, variable: CompiledVariable, at loc: Finding.RawLocation?)
        -> String
    {
        switch transform.apply(value) {
        case .success(let text): return text
        case .failure(let failure):
            findings.report(
                .transformFailed(
                    loc, record: (plan.table.file, plan.table.line(row)), domain: domain, usubjid: usubjidForFindings,
                    variable: variable.spec.variable, failure: failure))
            return ""
        }
    }
}
