extension RecordBuilder {
    /// --STRESC, --STRESN or --STRESU of the record's `variables: [--ORRES, --ORRESU]` (see ``ResultStandardizer``).
    func standardized(_ variable: CompiledVariable) -> String {
        guard variable.references.count == 2 else { return "" }
        let result = ResultStandardizer.standardize(
            result: value(variable.references[0]), unit: value(variable.references[1]), conversions: unitConversions)
        switch variable.spec.algorithm {
        case .standardizedResult: return result.character
        case .standardizedNumber: return result.number
        default: return result.unit
        }
    }
}
