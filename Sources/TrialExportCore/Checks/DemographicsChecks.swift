/// DM-specific consistency checks: age range, reference dates vs treatment, death flag, arms.
public struct DemographicsChecks {
    let study: StudyDefinition
    let findings: FindingSink

    public init(study: StudyDefinition, findings: FindingSink) {
        self.study = study
        self.findings = findings
    }

    public func run(_ dm: Dataset) {
        let arms = Set(study.arms.map(\.code))
        for r in dm.rows.indices {
            let subject = dm.value("USUBJID", row: r)
            checkAge(dm, row: r, subject: subject)
            checkReferenceDates(dm, row: r, subject: subject)
            if dm.value("DTHFL", row: r) == "Y", dm.value("DTHDTC", row: r).isEmpty {
                report(
                    "CHK0009", subject, "DTHDTC", "", "DTHFL is Y but DTHDTC is null",
                    "Enter the date of death in the death form.")
            }
            for variable in ["ARMCD", "ACTARMCD"] {
                let code = dm.value(variable, row: r)
                if !code.isEmpty, !arms.contains(code) {
                    report(
                        "CHK0010", subject, variable, code, "\(variable) \"\(code)\" is not an arm in TA",
                        "Correct the ARMCD list of the CT map or the arms of the study definition.")
                }
            }
        }
    }

    private func checkAge(_ dm: Dataset, row: Int, subject: String) {
        let text = dm.value("AGE", row: row)
        guard let age = Int(text) else { return }
        if age < 0 || !study.acceptsAge(age) {
            findings.report(
                .ageOutOfRange(
                    usubjid: subject, age: text, minimum: study.population.minimumAge, maximum: study.population.maximumAge,
                    randomized: !dm.value("ARMCD", row: row).isEmpty))
        }
    }

    private func report(_ code: String, _ subject: String, _ variable: String, _ value: String, _ message: String, _ hint: String)
    {
        findings.report(
            Finding(
                severity: .error, code: code, message: message, hint: hint, domain: "DM", usubjid: subject,
                variable: variable, value: value))
    }
}

extension DemographicsChecks {
    /// CHK0008: the reference dates (RFSTDTC, RFENDTC: first and last dose here) and the exposure
    /// dates (RFXSTDTC, RFXENDTC) for every treated subject (ACTARMCD set), each null otherwise
    /// (CDISC CORE-000192 and -000758: null when ARMNRS says the subject was not treated).
    func checkReferenceDates(_ dm: Dataset, row r: Int, subject: String) {
        let treated = !dm.value("ACTARMCD", row: r).isEmpty
        let expectations = [
            ("RFSTDTC", treated, "ACTARMCD"), ("RFENDTC", treated, "ACTARMCD"),
            ("RFXSTDTC", treated, "ACTARMCD"), ("RFXENDTC", treated, "ACTARMCD"),
        ]
        for (variable, expected, basis) in expectations where dm.index(of: variable) != nil {
            let value = dm.value(variable, row: r)
            guard expected == value.isEmpty else { continue }
            report(
                "CHK0008", subject, variable, value,
                "\(variable) must be populated if and only if \(basis) is (\(basis) \(expected ? "set" : "null"))",
                expected
                    ? "Check the subject's \(basis == "ARMCD" ? "randomization and disposition" : "drug administration") records."
                    : "A subject without \(basis) has no \(variable): check the arm and the dates.")
        }
    }
}
