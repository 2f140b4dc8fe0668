import TrialExportCore

/// The description of a derivation in `define.xml`: the spec's algorithm, what it does and its parameters.
enum DefineMethodText {
    /// E.g. `study_day: study day of AESTDTC relative to RFSTDTC (date - RFSTDTC + 1 on or after it, date - RFSTDTC before).`
    static func describe(_ spec: VariableSpec, form: String) -> String {
        var parameters: [String] = []
        if let from = spec.from { parameters.append("field \(DefineOrigin.qualified(from, form: form))") }
        if let variable = spec.fromVariable { parameters.append("variable \(variable)") }
        if let variables = spec.variables { parameters.append("variables " + variables.joined(separator: ", ")) }
        if let value = spec.value { parameters.append("value \(value)") }
        if let sources = spec.sources {
            parameters.append("sources " + sources.map { "\($0.form).\($0.date)" }.joined(separator: ", "))
        }
        if let days = spec.days { parameters.append("\(days) days") }
        if let steps = spec.transform, !steps.isEmpty {
            parameters.append("transform " + steps.map(\.name).joined(separator: ", "))
        }
        let given = parameters.isEmpty ? "" : " (" + parameters.joined(separator: "; ") + ")"
        return "\(spec.algorithm.rawValue): \(text(spec.algorithm))\(given)."
    }

    private static func text(_ algorithm: Algorithm) -> String {
        switch algorithm {
        case .assignNoCT: "the raw value, trimmed"
        case .assignCT: "the raw value through the study CT map, checked against the CDISC codelist"
        case .hardcodeNoCT: "a fixed value"
        case .hardcodeCT: "a fixed value from the CDISC codelist"
        case .assignDatetime: "ISO 8601 date/time from the EDC date and time fields, partial dates kept"
        case .template: "a template over variables already derived"
        case .copy: "the value of another variable of the record"
        case .firstDatetime: "the earliest complete date/time over the subject's records in the sources"
        case .lastDatetime: "the latest date/time over the subject's records in the sources"
        case .ageYears: "completed years between the birth date and the reference date"
        case .studyDay: "study day relative to RFSTDTC: date - RFSTDTC + 1 on or after it, date - RFSTDTC before"
        case .armName: "the arm's name for ARMCD from the study definition"
        case .actualArmCode: "the arm matching the treatments the subject received"
        case .armNullReason: "why ARMCD or ACTARMCD is null (screen failure, not assigned, not treated)"
        case .siteCountry: "the country of the subject's site from the study definition"
        case .epoch: "the epoch of the date relative to DM.RFXSTDTC and DM.RFXENDTC"
        case .treatmentEmergent: "Y when the date is on or after DM.RFXSTDTC and at most the given days after DM.RFXENDTC, else N"
        case .treatmentAttribute: "an attribute of the study treatment from the study definition"
        case .sum: "the sum of the numeric field over the records of the group, null if any is missing"
        case .assignNumber: "a number from the raw field, in canonical form"
        case .criterionText: "the criterion's text for IETESTCD from the study definition"
        case .visit: "the visit name for the EDC folder from the visit schedule"
        case .visitNumber: "the visit number for the EDC folder from the visit schedule"
        case .multiSelect: "the value of the checked checkbox column; MULTIPLE or a list when several are checked"
        case .standardizedResult:
            "the original result in standard units (converted by the domain's unit conversions), numbers in canonical form"
        case .standardizedNumber: "the standardized result when it is a number"
        case .standardizedUnit: "the standard unit of the original result (converted by the domain's unit conversions)"
        case .baselineFlag:
            "Y on the subject's last record of the test with a result on or before the first dose date (DM.RFXSTDTC)"
        }
    }
}
