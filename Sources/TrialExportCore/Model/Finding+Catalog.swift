/// Every finding the tool makes, with its code, severity and wording, in one place.
///
/// Codes: RAW = loading, MAP = mapping raw values, CHK = checks of the SDTM output.
extension Finding {
    /// Where a raw value came from.
    public struct RawLocation: Hashable, Sendable {
        public var file: String
        public var line: Int
        public var column: String

        public init(file: String, line: Int, column: String) {
            self.file = file
            self.line = line
            self.column = column
        }
    }

    static func raw(
        _ severity: Severity, _ code: String, _ loc: RawLocation?, domain: String, usubjid: String?,
        variable: String, value: String, message: String, hint: String
    ) -> Finding {
        Finding(
            severity: severity, code: code, message: message, hint: hint, file: loc?.file, line: loc?.line,
            column: loc?.column, domain: domain, usubjid: usubjid, variable: variable, value: value)
    }

    public static func raggedRow(file: String, line: Int, fields: Int, expected: Int) -> Finding {
        Finding(
            severity: .error, code: "RAW0001",
            message: "record has \(fields) fields, the header has \(expected)",
            hint: "Check the record for an unquoted comma or a missing field and re-export the form; the record was not loaded.",
            file: file, line: line)
    }

    public static func duplicateSubjectRecord(form: String, file: String, line: Int, subject: String, firstLine: Int) -> Finding {
        Finding(
            severity: .error, code: "RAW0002",
            message:
                "subject \"\(subject)\" has more than one record in form \(form) (first on line \(firstLine)); only the first is used",
            hint: "The form allows one record per subject: delete or merge the duplicate in the EDC.",
            file: file, line: line, usubjid: subject, value: subject)
    }

    static func notInCTMap(
        _ loc: RawLocation?, domain: String, usubjid: String?, variable: String, value: String,
        list: String, extensible: Bool, terms: [String], mapFile: String
    ) -> Finding {
        let examples = terms.prefix(8).joined(separator: ", ") + (terms.count > 8 ? ", ..." : "")
        return raw(
            extensible ? .warning : .error, "MAP0001", loc, domain: domain, usubjid: usubjid, variable: variable,
            value: value,
            message: "\(variable): collected value \"\(value)\" is not in the CT map list \(list)"
                + (extensible ? " (extensible codelist: kept as collected)" : ""),
            hint: "Add `\(value): <submission value>` under \(list) in \(mapFile)"
                + (terms.isEmpty ? "." : " (CDISC terms: \(examples))."))
    }

    /// A collected value that is a CDISC term only once upper-cased (MAP0011): the term is used,
    /// reported once per variable and value (the first record) since every record with it maps alike.
    static func ctMatchedByCase(
        _ loc: RawLocation?, domain: String, usubjid: String?, variable: String, value: String, term: String,
        list: String, mapFile: String
    ) -> Finding {
        raw(
            .note, "MAP0011", loc, domain: domain, usubjid: usubjid, variable: variable, value: value,
            message: "\(variable): collected value \"\(value)\" is the CDISC term \(term) of \(list) in other letter case;"
                + " \(term) was used here and in every record of \(variable) collected as \"\(value)\"",
            hint: "Nothing to do if \(term) is meant; to state it, add `\"\(value)\": \(term)` under \(list) in \(mapFile).")
    }

    static func notANumber(_ loc: RawLocation?, domain: String, usubjid: String?, variable: String, value: String) -> Finding {
        raw(
            .error, "MAP0006", loc, domain: domain, usubjid: usubjid, variable: variable, value: value,
            message: "\(variable): \"\(value)\" is not a number; the value is left null",
            hint: "Correct the value in the EDC (raise a data query).")
    }

    static func unknownVisit(_ loc: RawLocation?, domain: String, usubjid: String?, value: String) -> Finding {
        raw(
            .error, "MAP0007", loc, domain: domain, usubjid: usubjid, variable: "VISITNUM", value: value,
            message: "folder \"\(value)\" matches no visit of the visit schedule; VISIT and VISITNUM are left null",
            hint: "Add a pattern for it to visits.yaml of the study.")
    }

    static func unknownArm(domain: String, usubjid: String, variable: String, value: String, studyFile: String) -> Finding {
        Finding(
            severity: .error, code: "MAP0004", message: "\(variable): arm code \"\(value)\" is not an arm of the study",
            hint: "Check the ARMCD list of the CT map against the arms in \(studyFile).",
            domain: domain, usubjid: usubjid, variable: variable, value: value)
    }

    static func unplannedTreatment(domain: String, usubjid: String, planned: String, received: [String]) -> Finding {
        Finding(
            severity: .warning, code: "MAP0005",
            message:
                "treatments received (\(received.joined(separator: ", "))) match no arm; planned arm \(planned) kept as actual arm",
            hint: "Review the subject's drug administration records; set ACTARMCD to UNPLAN with ACTARMUD if confirmed.",
            domain: domain, usubjid: usubjid, variable: "ACTARMCD", value: planned)
    }

    public static func requiredNull(domain: String, usubjid: String?, seq: Int?, variable: String) -> Finding {
        Finding(
            severity: .error, code: "CHK0001", message: "\(variable) is required (Core Req) but null",
            hint: "Map a value for \(variable) in the \(domain) spec or correct the raw data.",
            domain: domain, usubjid: usubjid, seq: seq, variable: variable, value: "")
    }

    public static func notInCodelist(
        domain: String, usubjid: String?, seq: Int?, variable: String, value: String,
        codelist: Codelist
    ) -> Finding {
        Finding(
            severity: codelist.extensible ? .warning : .error, code: codelist.extensible ? "CHK0003" : "CHK0002",
            message: "\(variable) = \"\(value)\" is not a term of codelist \(codelist.name) (\(codelist.code), "
                + (codelist.extensible ? "extensible)" : "non-extensible)"),
            hint: "Map the value to a CDISC submission value in the study CT map.",
            domain: domain, usubjid: usubjid, seq: seq, variable: variable, value: value)
    }

    public static func invalidISO8601(domain: String, usubjid: String?, seq: Int?, variable: String, value: String) -> Finding {
        Finding(
            severity: .error, code: "CHK0004", message: "\(variable) = \"\(value)\" is not valid ISO 8601",
            hint: "Use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss].",
            domain: domain, usubjid: usubjid, seq: seq, variable: variable, value: value)
    }

    public static func duplicateKey(domain: String, usubjid: String?, variable: String, value: String) -> Finding {
        Finding(
            severity: .error, code: "CHK0005", message: "\(variable) = \"\(value)\" occurs more than once in \(domain)",
            hint:
                "Each subject must appear once in DM: the File and Line columns give every raw record of the subject; remove or correct the duplicate.",
            domain: domain, usubjid: usubjid, variable: variable, value: value)
    }

    public static func startAfterEnd(
        domain: String, usubjid: String?, seq: Int?, start: String, end: String,
        startValue: String, endValue: String
    ) -> Finding {
        Finding(
            severity: .error, code: "CHK0006", message: "\(start) (\(startValue)) is after \(end) (\(endValue))",
            hint: "Correct the dates in the EDC (raise a data query).",
            domain: domain, usubjid: usubjid, seq: seq, variable: start, value: startValue)
    }

    public static func ageOutOfRange(usubjid: String?, age: String, minimum: Int, maximum: Int?, randomized: Bool) -> Finding {
        Finding(
            severity: randomized ? .warning : .note, code: "CHK0007",
            message: "AGE \(age) is outside the protocol's range " + (maximum.map { "\(minimum)-\($0)" } ?? "\(minimum) or more")
                + (randomized ? " for a randomized subject" : ""),
            hint: "Check the birth date and consent date; confirm eligibility with the site.",
            domain: "DM", usubjid: usubjid, variable: "AGE", value: age)
    }
}
