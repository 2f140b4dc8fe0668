import Foundation

/// Compares the investigator's RS (OVRLRESP per VISITNUM, BESTRESP per subject) with the derivation.
public enum RecistComparison {
    /// Investigator values of one subject: OVRLRESP by VISITNUM (with VISIT) and BESTRESP.
    struct Recorded {
        var overall: [Double: (value: String, visit: String, seq: Int?)] = [:]
        var best: String?
        /// RSSEQ of the BESTRESP record.
        var bestSeq: Int?
    }

    /// Every disagreement, ordered by USUBJID, then VISITNUM, BESTRESP last within a subject.
    ///
    /// Only RS rows of `evaluator` are read (rows without RSEVAL always are); the first row wins
    /// when one subject and assessment has several.
    public static func disagreements(
        rs: Dataset, derived: RecistDerivationResult,
        evaluator: String? = "INVESTIGATOR"
    ) -> [RecistDisagreement] {
        let recorded = collect(rs, evaluator: evaluator)
        let results = Dictionary(derived.subjects.map { ($0.usubjid, $0) }, uniquingKeysWith: { first, _ in first })
        let subjects = Set(recorded.keys).union(results.keys).sorted()
        return subjects.flatMap { subject in
            compare(subject: subject, recorded: recorded[subject] ?? Recorded(), result: results[subject])
        }
    }

    static func collect(_ rs: Dataset, evaluator: String?) -> [String: Recorded] {
        let subject = rs.index(of: "USUBJID"), test = rs.index(of: "RSTESTCD"), value = rs.index(of: "RSSTRESC")
        let visitNumber = rs.index(of: "VISITNUM"), visit = rs.index(of: "VISIT"), eval = rs.index(of: "RSEVAL")
        let seq = rs.index(of: "RSSEQ")
        guard let subject, let test, let value else { return [:] }
        var recorded: [String: Recorded] = [:]
        for row in rs.rows {
            if let wanted = evaluator, let eval {
                let text = row[eval].trimmingSpaces.uppercased()
                if !text.isEmpty && text != wanted.uppercased() { continue }
            }
            switch row[test].uppercased() {
            case "OVRLRESP":
                guard let number = visitNumber.flatMap({ Double(row[$0]) }) else { continue }
                if recorded[row[subject]]?.overall[number] == nil {
                    recorded[row[subject], default: Recorded()].overall[number] =
                        (row[value], visit.map { row[$0] } ?? "", seq.flatMap { Int(row[$0]) })
                }
            case "BESTRESP":
                if recorded[row[subject]]?.best == nil {
                    recorded[row[subject], default: Recorded()].best = row[value]
                    recorded[row[subject], default: Recorded()].bestSeq = seq.flatMap { Int(row[$0]) }
                }
            default:
                continue
            }
        }
        return recorded
    }

    static func compare(subject: String, recorded: Recorded, result: RecistSubjectResult?) -> [RecistDisagreement] {
        let assessments = Dictionary((result?.assessments ?? []).map { ($0.visitNumber, $0) }, uniquingKeysWith: { a, _ in a })
        var found: [RecistDisagreement] = []
        for number in Set(recorded.overall.keys).union(assessments.keys).sorted() {
            let investigator = recorded.overall[number]
            let visit = assessments[number]?.visit ?? investigator?.visit ?? ""
            let derived = assessments[number].map { ($0.overallResponse, $0.rationale) }
            let missing = derived == nil ? missingReason(number, visit: visit, result: result) : ""
            if let d = disagreement(
                subject: subject, test: "OVRLRESP", visitNumber: number, visit: visit,
                investigator: investigator?.value, seq: investigator?.seq, derived: derived, missingReason: missing)
            {
                found.append(d)
            }
        }
        let best = result.map { ($0.best.response, $0.best.rationale) }
        if let d = disagreement(
            subject: subject, test: "BESTRESP", visitNumber: nil, visit: "", investigator: recorded.best,
            seq: recorded.bestSeq, derived: best, missingReason: "no TU/TR records for the subject")
        {
            found.append(d)
        }
        return found
    }

    /// Nil when both agree or neither has a value.
    static func disagreement(
        subject: String, test: String, visitNumber: Double?, visit: String, investigator: String?, seq: Int? = nil,
        derived: (RecistResponse, String)?, missingReason: String
    ) -> RecistDisagreement? {
        let recordedText = investigator?.trimmingSpaces ?? ""
        let recorded = RecistResponse(code: recordedText)
        func make(_ kind: RecistDisagreement.Kind, _ reason: String) -> RecistDisagreement {
            RecistDisagreement(
                kind: kind, usubjid: subject, testCode: test, visitNumber: visitNumber, visit: visit,
                investigator: recordedText, derived: derived?.0.rawValue ?? "", reason: reason, seq: seq)
        }
        switch (recorded, derived) {
        case (nil, nil):
            return recordedText.isEmpty
                ? nil : make(.derivedMissing, "\(missingReason); \(test) \"\(recordedText)\" is no RECIST response code")
        case (let r?, nil):
            return make(.derivedMissing, "\(missingReason): nothing derived, not \(r.rawValue)")
        case (nil, let (value, why)?):
            let what =
                recordedText.isEmpty
                ? "no investigator \(test)" : "investigator \(test) \"\(recordedText)\" is no RECIST response code"
            return make(.investigatorMissing, "\(what); derived \(value.rawValue): \(why)")
        case (let r?, let (value, why)?):
            return r == value ? nil : make(.differs, "\(why): \(value.rawValue), not \(r.rawValue)")
        }
    }

    private static func missingReason(_ number: Double, visit: String, result: RecistSubjectResult?) -> String {
        let name = visit.isEmpty ? "VISITNUM \(RecistText.number(number))" : visit
        guard let result, let baseline = result.baselineVisitNumber else { return "no TU/TR records for the subject" }
        if number == baseline { return "\(name) is the baseline assessment" }
        if number < baseline { return "\(name) is before the baseline assessment" }
        return "no TR results at \(name)"
    }
}
