/// The findings of ``CrossDomainChecks`` (CHK0011-CHK0029, CHK0036), with their severity and wording, in one place.
///
/// Each message quotes the value found and names the Pinnacle 21 (SD...) or CDISC CORE (CG...) rule when there is one.
extension Finding {
    static func crossDomain(
        _ severity: Severity, _ code: String, _ record: CrossDomainChecks.Record, variable: String,
        value: String, message: String, hint: String
    ) -> Finding {
        Finding(
            severity: severity, code: code, message: message, hint: hint, domain: record.domain,
            usubjid: record.usubjid.isEmpty ? nil : record.usubjid, seq: record.seq, variable: variable, value: value)
    }

    static func plural(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }

    static func duplicateSequence(_ record: CrossDomainChecks.Record, value: String) -> Finding {
        let variable = "\(record.domain)SEQ"
        return crossDomain(
            .error, "CHK0011", record, variable: variable, value: value,
            message: "\(variable) = \"\(value)\" is not unique within USUBJID \"\(record.usubjid)\" (P21 SD0005)",
            hint: "Derive \(variable) again after sorting \(record.domain) by its keys; look for duplicated records.")
    }

    static func subjectNotInDM(_ record: CrossDomainChecks.Record, records: Int) -> Finding {
        crossDomain(
            .error, "CHK0012", record, variable: "USUBJID", value: record.usubjid,
            message: "USUBJID \"\(record.usubjid)\" of \(plural(records, "\(record.domain) record")) is not in DM"
                + " (P21 SD0064; first record shown)",
            hint: "Check the subject identifier in the \(record.domain) form, or add the subject to the primary form.")
    }

    static func firstExposureMismatch(_ record: CrossDomainChecks.Record, value: String, earliest: String) -> Finding {
        crossDomain(
            .error, "CHK0013", record, variable: "RFXSTDTC", value: value,
            message: "RFXSTDTC = \"\(value)\" is not the subject's earliest EXSTDTC \"\(earliest)\" (CORE CG0148)",
            hint: "Derive RFXSTDTC from EX, or correct the exposure dates in the EDC.")
    }

    static func lastExposureMismatch(_ record: CrossDomainChecks.Record, value: String, latest: String) -> Finding {
        crossDomain(
            .error, "CHK0014", record, variable: "RFXENDTC", value: value,
            message: "RFXENDTC = \"\(value)\" is not the subject's latest EXENDTC (EXSTDTC when EXENDTC is null) \"\(latest)\"",
            hint: "Derive RFXENDTC from EX, or correct the exposure dates in the EDC.")
    }

    static func treatedWithoutExposure(_ record: CrossDomainChecks.Record, actualArm: String, firstExposure: String) -> Finding {
        let (variable, value) = actualArm.isEmpty ? ("RFXSTDTC", firstExposure) : ("ACTARMCD", actualArm)
        return crossDomain(
            .error, "CHK0015", record, variable: variable, value: value,
            message: "\(variable) = \"\(value)\" marks the subject as treated, but EX has no record of the subject"
                + " (P21 SD0070)",
            hint: "Enter the drug administration records, or correct ACTARMCD/RFXSTDTC if the subject was not dosed.")
    }

    static func exposureWithoutReferenceStart(_ record: CrossDomainChecks.Record, records: Int) -> Finding {
        crossDomain(
            .error, "CHK0016", record, variable: "RFXSTDTC", value: "",
            message: "RFXSTDTC is null but EX has \(plural(records, "record")) of the subject",
            hint: "Derive RFXSTDTC from the earliest EXSTDTC; check the exposure dates in the EDC.")
    }

    static func criterionWithoutSerious(_ record: CrossDomainChecks.Record, value: String, criteria: [String]) -> Finding {
        crossDomain(
            .error, "CHK0017", record, variable: "AESER", value: value,
            message: "AESER = \"\(value)\" although \(criteria.joined(separator: ", ")) = \"Y\" (P21 SD0009)",
            hint: "Set AESER to Y, or correct the seriousness criteria in the EDC (raise a data query).")
    }

    static func seriousWithoutCriterion(_ record: CrossDomainChecks.Record, criteria: [String]) -> Finding {
        crossDomain(
            .warning, "CHK0018", record, variable: "AESER", value: "Y",
            message: "AESER = \"Y\" but no seriousness criterion (\(criteria.joined(separator: ", "))) is Y",
            hint: "Map the seriousness criteria collected on the AE form, or query the site for the criterion met.")
    }

    static func fatalWithoutDeath(_ record: CrossDomainChecks.Record, value: String) -> Finding {
        crossDomain(
            .error, "CHK0019", record, variable: "AESDTH", value: value,
            message: "AEOUT = \"FATAL\" but AESDTH = \"\(value)\" (P21 SD0090)",
            hint: "Set AESDTH to Y for a fatal event, or correct the outcome in the EDC.")
    }

    static func deathWithoutDeathFlag(_ record: CrossDomainChecks.Record, flag: String) -> Finding {
        crossDomain(
            .error, "CHK0020", record, variable: "AESDTH", value: "Y",
            message: "AESDTH = \"Y\" but DM.DTHFL = \"\(flag)\" (P21 SD1255)",
            hint: "Record the death in the death form so that DTHFL and DTHDTC are set, or correct AESDTH.")
    }

    static func gradeFiveNotFatal(_ record: CrossDomainChecks.Record, grade: String, outcome: String) -> Finding {
        crossDomain(
            .warning, "CHK0021", record, variable: "AETOXGR", value: grade,
            message: "AETOXGR = \"\(grade)\" (death) but AEOUT = \"\(outcome)\"",
            hint: "A grade 5 event is fatal: set AEOUT to FATAL or correct the grade in the EDC.")
    }

    static func lesionNotInTU(_ record: CrossDomainChecks.Record, link: String, records: Int) -> Finding {
        crossDomain(
            .error, "CHK0022", record, variable: "TRLNKID", value: link,
            message: "TRLNKID = \"\(link)\" of \(plural(records, "TR record")) has no TU record with that TULNKID"
                + " for the subject (CORE CG0024; first record shown)",
            hint: "Identify the lesion on the tumour identification form, or correct the lesion id of the measurement.")
    }

    static func criterionNotInTI(_ record: CrossDomainChecks.Record, value: String, inStudyDefinition: Bool) -> Finding {
        crossDomain(
            .error, "CHK0023", record, variable: "IETESTCD", value: value,
            message: "IETESTCD = \"\(value)\" is not a criterion in TI",
            hint: inStudyDefinition
                ? "The study definition has the criterion but TI does not: build the trial design datasets again."
                : "Correct the criterion code in the IE form or CT map, or add the criterion to the study definition.")
    }

    static func epochNotInTA(_ record: CrossDomainChecks.Record, value: String, records: Int, inStudyDefinition: Bool) -> Finding
    {
        crossDomain(
            .error, "CHK0024", record, variable: "EPOCH", value: value,
            message: "EPOCH = \"\(value)\" of \(plural(records, "\(record.domain) record")) is not an EPOCH of TA"
                + " (P21 SD1077, CORE CG0009; first record shown)",
            hint: inStudyDefinition
                ? "The study definition has the epoch but TA does not: build the trial design datasets again."
                : "Derive EPOCH from the element epochs of the study definition, or add the epoch to its elements.")
    }

    static func negativeDose(_ record: CrossDomainChecks.Record, value: String) -> Finding {
        crossDomain(
            .error, "CHK0025", record, variable: "EXDOSE", value: value,
            message: "EXDOSE = \"\(value)\" is negative (P21 SD0014)",
            hint: "Correct the dose in the EDC (raise a data query).")
    }

    static func doseWithoutUnit(_ record: CrossDomainChecks.Record, value: String) -> Finding {
        crossDomain(
            .error, "CHK0026", record, variable: "EXDOSU", value: "",
            message: "EXDOSE = \"\(value)\" has no unit: EXDOSU is null (P21 SD0035)",
            hint: "Map EXDOSU in the EX spec, or enter the dose unit in the EDC.")
    }

    static func studyDayZero(_ record: CrossDomainChecks.Record, variable: String, value: String) -> Finding {
        crossDomain(
            .error, "CHK0027", record, variable: variable, value: value,
            message: "\(variable) = \"\(value)\": SDTM has no study day 0 (P21 SD0038)",
            hint: "Derive \(variable) as date - RFSTDTC + 1 on or after RFSTDTC, date - RFSTDTC before it.")
    }

    static func studyDayMismatch(
        _ record: CrossDomainChecks.Record, variable: String, value: String, expected: Int,
        dateVariable: String, date: String, reference: String
    ) -> Finding {
        crossDomain(
            .error, "CHK0028", record, variable: variable, value: value,
            message: "\(variable) = \"\(value)\" but \(dateVariable) \"\(date)\" against RFSTDTC \"\(reference)\""
                + " gives \(expected) (P21 SD1086)",
            hint: "Derive \(variable) again from \(dateVariable) and DM.RFSTDTC (no day 0).")
    }

    static func deathWithoutDisposition(_ record: CrossDomainChecks.Record) -> Finding {
        crossDomain(
            .warning, "CHK0029", record, variable: "DTHFL", value: "Y",
            message: "DTHFL = \"Y\" but DS has no record with DSDECOD = \"DEATH\" for the subject",
            hint: "Enter the death as the disposition event (end of study form), or correct the death flag.")
    }

    static func dateBeforeBirth(
        _ record: CrossDomainChecks.Record, variable: String, value: String, birth: String,
        dates: Int
    ) -> Finding {
        crossDomain(
            .error, "CHK0036", record, variable: variable, value: value,
            message: "\(variable) = \"\(value)\" is before the subject's birth date (DM.BRTHDTC = \"\(birth)\")"
                + (dates > 1 ? " (\(dates) dates of this subject in \(record.domain) are before it; the first is shown)" : ""),
            hint: "Correct the date or the birth date in the EDC (raise a data query).")
    }
}
