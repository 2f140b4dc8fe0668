/// Best overall response with confirmation, over the assessments up to and including the first PD.
///
/// CR needs a later CR at least `confirmationDays` after; PR a later CR or PR as far apart (a CR
/// followed only by a PR counts as PR). SD, NON-CR/NON-PD and an unconfirmed CR or PR count as SD
/// (NON-CR/NON-PD without targets) only when the assessment is at least `minimumStableDiseaseDays`
/// after the reference date. The best qualifying assessment wins (earliest on ties); none gives NE.
struct BestResponseRule {
    var confirmationDays: Int
    var minimumStableDiseaseDays: Int

    /// One assessment's claim to the best response, or why it has none.
    struct Candidate {
        var response: RecistResponse?
        var visitNumber: Double
        /// The assessment's overall response.
        var claimed: RecistResponse
        var rationale: String
        /// Why a CR or PR of this assessment was not kept (unconfirmed), else nil.
        var downgrade: String?
    }

    /// The latest later assessment with the given response(s), by day number.
    private struct Later {
        var day: Int
        var assessment: RecistAssessment
    }

    func best(of assessments: [RecistAssessment], reference: String) -> RecistBestResponse {
        let end = assessments.firstIndex { $0.overallResponse == .pd }.map { $0 + 1 } ?? assessments.count
        let considered = Array(assessments[..<end])
        guard !considered.isEmpty else {
            return RecistBestResponse(response: .ne, visitNumber: nil, rationale: "no post-baseline assessment")
        }
        let referenceDay = ISO8601Value.date(of: reference)?.dayNumber
        var laterCR: Later?, laterResponse: Later?
        var candidates: [Candidate] = []
        for assessment in considered.reversed() {
            let day = Self.day(of: assessment)
            candidates.append(
                candidate(
                    assessment, day: day, laterCR: laterCR, laterResponse: laterResponse,
                    reference: (reference, referenceDay)))
            guard let day else { continue }
            if assessment.overallResponse == .cr, laterCR.map({ day > $0.day }) ?? true {
                laterCR = Later(day: day, assessment: assessment)
            }
            if assessment.overallResponse.isObjectiveResponse, laterResponse.map({ day > $0.day }) ?? true {
                laterResponse = Later(day: day, assessment: assessment)
            }
        }
        return Self.choose(candidates.reversed())
    }

    /// The best qualifying candidate (earliest on ties), else NE with the reasons nothing qualified.
    static func choose(_ candidates: [Candidate]) -> RecistBestResponse {
        var best: Candidate?
        for candidate in candidates {
            guard let response = candidate.response else { continue }
            if best.map({ response.rank > $0.response!.rank }) ?? true { best = candidate }
        }
        if let best, let response = best.response {
            // Name the unconfirmed CR/PR of other assessments: they are why the best is not better.
            let notes = candidates.filter { $0.visitNumber != best.visitNumber && $0.claimed.rank > response.rank }
                .compactMap(\.downgrade)
            let rationale = ([best.rationale] + notes).joined(separator: "; ")
            return RecistBestResponse(response: response, visitNumber: best.visitNumber, rationale: rationale)
        }
        let reasons = candidates.map(\.rationale).filter { !$0.isEmpty }
        return RecistBestResponse(
            response: .ne, visitNumber: nil,
            rationale: reasons.isEmpty ? "every assessment is NE" : reasons.joined(separator: "; "))
    }

    private func candidate(
        _ a: RecistAssessment, day: Int?, laterCR: Later?, laterResponse: Later?,
        reference: (text: String, day: Int?)
    ) -> Candidate {
        let at = "\(a.overallResponse.rawValue) at \(RecistText.visit(a.visit, number: a.visitNumber, date: a.date))"
        func kept(_ response: RecistResponse?, _ rationale: String) -> Candidate {
            Candidate(
                response: response, visitNumber: a.visitNumber, claimed: a.overallResponse, rationale: rationale, downgrade: nil)
        }
        switch a.overallResponse {
        case .cr:
            if let c = confirmation(day, by: laterCR) { return kept(.cr, "\(at) confirmed by \(c)") }
            if let c = confirmation(day, by: laterResponse) { return kept(.pr, "\(at) followed by \(c): PR") }
            return stable(a, day: day, reference: reference, prefix: "\(at) unconfirmed (no CR \(confirmationDays)+ days later)")
        case .pr:
            if let c = confirmation(day, by: laterResponse) { return kept(.pr, "\(at) confirmed by \(c)") }
            let prefix = "\(at) unconfirmed (no CR or PR \(confirmationDays)+ days later)"
            return stable(a, day: day, reference: reference, prefix: prefix)
        case .sd, .nonCRNonPD:
            return stable(a, day: day, reference: reference, prefix: nil)
        case .pd:
            return kept(.pd, at)
        case .ne:
            return kept(nil, "")
        }
    }

    /// `PR at WEEK 12 (2023-03-20), 42 days later` when the later assessment is far enough.
    private func confirmation(_ day: Int?, by later: Later?) -> String? {
        guard let day, let later, later.day - day >= confirmationDays else { return nil }
        let a = later.assessment, visit = RecistText.visit(a.visit, number: a.visitNumber, date: a.date)
        return "\(a.overallResponse.rawValue) at \(visit), \(later.day - day) days later"
    }

    /// SD (NON-CR/NON-PD without targets) when the assessment is late enough after the reference date.
    private func stable(_ a: RecistAssessment, day: Int?, reference: (text: String, day: Int?), prefix: String?) -> Candidate {
        let response: RecistResponse = a.targetResponse == nil && a.nonTargetResponse != nil ? .nonCRNonPD : .sd
        let lead = prefix.map { "\($0); " } ?? ""
        let at = "\(response.rawValue) at \(RecistText.visit(a.visit, number: a.visitNumber, date: a.date))"
        func make(_ qualifies: Bool, _ text: String) -> Candidate {
            Candidate(
                response: qualifies ? response : nil, visitNumber: a.visitNumber, claimed: a.overallResponse,
                rationale: lead + at + text, downgrade: prefix)
        }
        guard let referenceDay = reference.day else {
            let why = reference.text.isEmpty ? "no reference date" : "reference date \(reference.text) is partial"
            return make(false, " cannot be timed: \(why)")
        }
        guard let day else { return make(false, " cannot be timed: the assessment date is not complete") }
        let elapsed = day - referenceDay
        let timing = "\(elapsed) days after the reference date \(reference.text)"
        guard elapsed >= minimumStableDiseaseDays else { return make(false, " only \(timing) (< \(minimumStableDiseaseDays))") }
        return make(true, ", \(timing) (>= \(minimumStableDiseaseDays))")
    }

    private static func day(of assessment: RecistAssessment) -> Int? { ISO8601Value.date(of: assessment.date)?.dayNumber }
}
