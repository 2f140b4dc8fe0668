/// Findings of the reports: REC = RECIST derivation compared with the investigator's RS.
extension Finding {
    /// REC0001: the investigator's RS response differs from the one derived from TU/TR.
    public static func recistDisagreement(_ d: RecistDisagreement) -> Finding {
        let visit =
            d.visitNumber == nil
            ? "best overall response" : (d.visit.isEmpty ? "VISITNUM \(RecistText.number(d.visitNumber!))" : d.visit)
        let investigator = d.investigator.isEmpty ? "none" : d.investigator
        let derived = d.derived.isEmpty ? "none" : d.derived
        return Finding(
            severity: .warning, code: "REC0001",
            message: "\(d.testCode) at \(visit): investigator \(investigator), derived from TU/TR \(derived) (\(d.reason))",
            hint:
                "Review the tumour measurements (TU/TR) and the investigator's response (RS) with the site; raise a query if they disagree.",
            domain: "RS", usubjid: d.usubjid, seq: d.seq, variable: d.testCode, value: investigator)
    }

    /// REC0002: a TU/TR record the RECIST derivation could not use.
    public static func recistRecordUnusable(_ issue: RecistIssue) -> Finding {
        Finding(
            severity: .note, code: "REC0002", message: issue.message,
            hint: "Correct the TU/TR record in the EDC so that the response can be derived.",
            domain: "TR", usubjid: issue.usubjid)
    }
}
