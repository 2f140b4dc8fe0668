extension RecordBuilder {
    /// The standardization of the record's `variables: [--ORRES, --ORRESU]` (see ``ResultStandardizer``);
    /// nil without the two variables.
    func standardized(_ variable: CompiledVariable) -> StandardizedResult? {
        guard variable.references.count == 2 else { return nil }
        return ResultStandardizer.standardize(
            result: value(variable.references[0]), unit: value(variable.references[1]), conversions: unitConversions)
    }
}
