/// The findings of ``ValueLengthChecks`` (CHK0030-CHK0035, CHK0037), with their severity and wording, in one place.
///
/// A long value is never quoted whole: the finding gives its length and its first 40 characters.
extension Finding {
    static func valueLength(
        _ severity: Severity, _ code: String, _ record: ValueLengthChecks.Record, variable: String,
        value: String, message: String, hint: String
    ) -> Finding {
        let parent = record.parent.isEmpty ? "" : " (record \(record.parent))"
        return Finding(
            severity: severity, code: code, message: message + parent, hint: hint, domain: record.domain,
            usubjid: record.usubjid, seq: record.seq, variable: variable, value: value)
    }

    /// The first 40 characters of `value`, marked with "..." when there is more.
    static func quotedStart(_ value: String) -> String {
        let start = value.prefix(ValueLengthChecks.quotedCharacters)
        return "\"\(start)\"" + (start.endIndex < value.endIndex ? "..." : "")
    }

    /// `name` with the suffix `number`, cut so that the result has at most 8 characters (`AETERM1`, `COMMENT1`).
    static func numberedName(_ name: String, _ number: Int) -> String {
        let suffix = String(number)
        return String(name.prefix(ValueLengthChecks.nameByteLimit - suffix.count)) + suffix
    }

    /// Variables whose overflow goes to numbered variables of the same dataset rather than to SUPP--.
    static let numberedInDataset: Set<String> = ["COVAL", "TSVAL"]

    static func valueTooLongForXPT(
        _ record: ValueLengthChecks.Record, variable: String, value: String,
        qualifier: String?
    ) -> Finding {
        let limit = ValueLengthChecks.valueByteLimit
        let hint =
            qualifier.map { qnam in
                "Split the text over several \(record.domain) records of at most \(limit) bytes each, with QNAM"
                    + " \(numberedName(qnam, 1)), \(numberedName(qnam, 2)), ... (SDTMIG 4.5.3.2), or shorten it in the EDC."
            } ?? "Keep the first \(limit) bytes in \(variable) and move the rest, \(limit) bytes at a time, to"
            + (numberedInDataset.contains(variable)
                ? " the variables \(numberedName(variable, 1)), \(numberedName(variable, 2)), ... of \(record.domain)"
                : " SUPP\(record.domain) records with QNAM \(numberedName(variable, 1)), \(numberedName(variable, 2)), ...")
            + " (SDTMIG 4.5.3.2), or shorten the text at its source."
        return valueLength(
            .warning, "CHK0030", record, variable: variable, value: String(value.prefix(ValueLengthChecks.quotedCharacters)),
            message: "\(variable) is \(value.utf8.count) bytes long (UTF-8), more than the \(limit) an SDTM"
                + " (SAS XPORT) character value holds: \(quotedStart(value))",
            hint: hint)
    }

    static func valueTooLongForCell(_ record: ValueLengthChecks.Record, variable: String, value: String) -> Finding {
        valueLength(
            .error, "CHK0031", record, variable: variable, value: String(value.prefix(ValueLengthChecks.quotedCharacters)),
            message: "\(variable) is \(value.utf16.count) characters long, more than an XLSX cell holds"
                + " (\(ValueLengthChecks.cellCharacterLimit)): \(quotedStart(value)); the workbook cell is left empty;"
                + " the CSV holds the whole value",
            hint: "Review the value in the CSV; shorten it in the EDC or split it over numbered SUPP\(record.domain)"
                + " qualifiers of at most \(ValueLengthChecks.valueByteLimit) bytes each (SDTMIG 4.5.3.2).")
    }

    /// " (N records; the first is shown)" when the same value occurs more than once.
    static func firstOf(_ records: Int) -> String {
        records > 1 ? " (\(records) records; the first is shown)" : ""
    }

    static func variableNameTooLong(domain: String, variable: String) -> Finding {
        Finding(
            severity: .error, code: "CHK0032",
            message: "variable name \(variable) is \(variable.utf8.count) characters long, more than the"
                + " \(ValueLengthChecks.nameByteLimit) SAS XPORT allows",
            hint: "Rename the variable in the \(domain) spec or the standard's metadata (at most 8 letters and digits).",
            domain: domain, variable: variable, value: variable)
    }

    static func variableLabelTooLong(domain: String, variable: String, label: String) -> Finding {
        Finding(
            severity: .error, code: "CHK0033",
            message: "the label of \(variable) is \(label.utf8.count) bytes long (UTF-8), more than the"
                + " \(ValueLengthChecks.labelByteLimit) SAS XPORT allows: \(quotedStart(label))",
            hint: "Shorten the label in the standard's metadata or the \(domain) spec.",
            domain: domain, variable: variable, value: String(label.prefix(ValueLengthChecks.quotedCharacters)))
    }

    static func qualifierNameTooLong(_ record: ValueLengthChecks.Record, value: String, records: Int) -> Finding {
        valueLength(
            .error, "CHK0034", record, variable: "QNAM", value: String(value.prefix(ValueLengthChecks.quotedCharacters)),
            message: "QNAM = \(quotedStart(value)) is \(value.utf8.count) characters long, more than the"
                + " \(ValueLengthChecks.nameByteLimit) a variable name may have\(firstOf(records))",
            hint: "Rename the supplemental qualifier in the spec of the parent domain (at most 8 letters and digits).")
    }

    static func qualifierLabelTooLong(_ record: ValueLengthChecks.Record, value: String, records: Int) -> Finding {
        valueLength(
            .error, "CHK0035", record, variable: "QLABEL", value: String(value.prefix(ValueLengthChecks.quotedCharacters)),
            message: "QLABEL = \(quotedStart(value)) is \(value.utf8.count) bytes long (UTF-8), more than the"
                + " \(ValueLengthChecks.labelByteLimit) a variable label may have\(firstOf(records))",
            hint: "Shorten the label of the supplemental qualifier in the spec of the parent domain.")
    }

    static func valueNotASCII(_ record: ValueLengthChecks.Record, variable: String, value: String) -> Finding {
        let first =
            value.unicodeScalars.first { !$0.isASCII }.map { scalar in
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return "\"\(Character(scalar))\" U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } ?? ""
        return valueLength(
            .error, "CHK0037", record, variable: variable,
            value: String(escapedForMessage(value).prefix(ValueLengthChecks.quotedCharacters)),
            message: "\(variable) holds a character that is not ASCII (first \(first)), which a SAS XPORT v5 value cannot"
                + " hold: \(quotedStart(escapedForMessage(value))); xpt/ keeps the value's UTF-8 bytes unchanged (SAS reads them"
                + " as other characters); CSV, XLSX and Dataset-JSON hold it as is",
            hint: "Replace the character with ASCII text at its source (EDC or spec), e.g. \"e\" for \"\u{E9}\", or confirm"
                + " with the reviewer how the submission carries it.")
    }

    /// `value` with control characters shown as escapes (`\u{0}`); other characters as they are.
    static func escapedForMessage(_ value: String) -> String {
        var text = ""
        for scalar in value.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                text += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
