/// Findings about raw files read through a form layout (RAW0007-RAW0008) and subjects not linked
/// to DM (MAP0010), with their severity and wording, in one place.
extension Finding {
    public static func undefinedBytes(file: String, line: Int, column: String, bytes: String, value: String) -> Finding {
        Finding(
            severity: .warning, code: "RAW0007",
            message: "the bytes \(bytes) are not characters in windows-1252; each was kept as the control character of"
                + " the same number (the value is \"\(value.escapingInvisibles)\")",
            hint: "The file is probably not windows-1252: declare its real encoding in forms.yaml (utf-8, latin1), or"
                + " correct the value in the EDC and re-export.",
            file: file, line: line, column: column, value: value.escapingInvisibles)
    }

    public static func columnMatchedLoosely(file: String, column: String, header: String) -> Finding {
        Finding(
            severity: .note, code: "RAW0008",
            message: "the spec's column \"\(column)\" is read from the header \"\(header.escapingInvisibles)\" (equal"
                + " ignoring case and spaces)",
            hint: "Nothing to do; to silence this note, write the column in the spec exactly as in the header.",
            file: file, line: nil, column: header)
    }

    public static func subjectNotInDemographics(
        form: String, file: String, line: Int, column: String, subject: String, domain: String
    ) -> Finding {
        Finding(
            severity: .error, code: "MAP0010",
            message: "subject \"\(subject.escapingInvisibles)\" of form \(form) has no DM record, so the \(domain) records of"
                + " this subject have no study days, EPOCH or DM values (reported once per subject and form)",
            hint: "Check the subject identifier against the DM form (a typo, or a subject missing from DM); if DM's"
                + " form uses another subject column, declare each form's subjectColumn in forms.yaml.",
            file: file, line: line, column: column, value: subject.escapingInvisibles)
    }
}
