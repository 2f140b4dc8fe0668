/// Findings about dates the mapping left null or could not use (MAP0008, MAP0009), in one place.
extension Finding {
    static func dateAfterCutoff(
        _ loc: RawLocation?, domain: String, usubjid: String?, variable: String, value: String,
        cutoff: String
    ) -> Finding {
        raw(
            .note, "MAP0008", loc, domain: domain, usubjid: usubjid, variable: variable, value: value,
            message: "\(variable): \"\(value)\" is after the data cut-off \(cutoff), so it was not known at the cut-off;"
                + " the value is left null",
            hint: "Nothing to do when the cut-off is right (e.g. the end of an event ongoing at the cut-off);"
                + " otherwise correct the date in the EDC or export with the right --cutoff.")
    }

    /// A birth date after the cut-off (left null) or after the reference date (kept); AGE is not
    /// derived from it but is the collected age.
    static func birthDateAfter(
        _ loc: RawLocation?, usubjid: String?, value: String, reference: String,
        referenceDate: String, nulled: Bool
    ) -> Finding {
        raw(
            .error, "MAP0009", loc, domain: "DM", usubjid: usubjid, variable: "BRTHDTC", value: value,
            message: "BRTHDTC: birth date \"\(value)\" is after \(reference) (\(referenceDate))"
                + (nulled ? "; BRTHDTC is left null" : "")
                + "; AGE is not derived from it: it is the collected age (null when none was collected)",
            hint: "Correct the birth date in the EDC (raise a data query).")
    }
}
