/// Findings about the data cut-off the export was made with (USE family: how the tool was used).
extension Finding {
    static func dataEndsBeforeCutoff(
        domain: String, variable: String, value: String, days: Int, cutoff: CutoffCoverage.Cutoff
    ) -> Finding {
        Finding(
            severity: .warning, code: "USE0001",
            message: "the latest date in the data is \(value) (\(domain).\(variable)), \(days) days before the data "
                + "cut-off \(cutoff.date) (\(cutoff.source))",
            hint: "Check that the raw folder holds the current EDC export, and give the cut-off of this transfer "
                + "with --cutoff YYYY-MM-DD.",
            domain: domain, variable: variable, value: value)
    }

    static func recordsAfterCutoff(file: String, count: Int, cutoff: CutoffCoverage.Cutoff) -> Finding {
        Finding(
            severity: .warning, code: "USE0002",
            message: "\(count) record\(count == 1 ? "" : "s") dated after the data cut-off \(cutoff.date) "
                + "(\(cutoff.source)) left out of the export (counted in reconciliation.csv)",
            hint: "Intended for a cut made from later raw data; otherwise give the cut-off of this transfer "
                + "with --cutoff YYYY-MM-DD.",
            file: file)
    }
}
