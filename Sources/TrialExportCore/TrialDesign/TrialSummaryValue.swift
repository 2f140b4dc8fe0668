/// One trial summary parameter value before it becomes a TS row.
struct TrialSummaryValue: Equatable {
    /// TSPARMCD.
    var parameter: String
    /// TSVAL; empty when unknown (TSVALNF = UNK).
    var value: String
    /// The CDISC codelist of the value, when coded: TSVALCD is its NCI code.
    var codelist: String?
    /// TSVCDREF for a value coded outside CDISC CT (e.g. `ClinicalTrials.gov`).
    var reference: String?
    /// TSVALCD for a value coded outside CDISC CT.
    var code: String?
    /// TSVALNF when `value` is empty; nil means `UNK`.
    var nullFlavor: String?

    static func text(_ parameter: String, _ value: String) -> TrialSummaryValue {
        TrialSummaryValue(parameter: parameter, value: value)
    }

    static func iso8601(_ parameter: String, _ value: String) -> TrialSummaryValue {
        TrialSummaryValue(parameter: parameter, value: value, reference: "ISO 8601")
    }

    static func cdisc(_ parameter: String, _ value: String, codelist: String) -> TrialSummaryValue {
        TrialSummaryValue(parameter: parameter, value: value, codelist: codelist)
    }
}
