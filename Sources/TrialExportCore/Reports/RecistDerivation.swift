/// Derives RECIST 1.1 responses from TU and TR, independently of the investigator's RS.
///
/// Per subject: the baseline is the lowest VISITNUM with TR results; every later assessment gets a
/// target response from the sum of diameters (nodes by short axis), a non-target response from
/// TUMSTATE, a new-lesion indicator and the overall response of the RECIST table. The best overall
/// response follows with confirmation (see `BestResponseRule`). Rows are grouped by subject in one
/// pass; the work per subject is linear in its records.
public struct RecistDerivation: Sendable {
    /// Only TU/TR rows of this --EVAL are read (rows without --EVAL always are); nil reads all rows.
    public var evaluator: String?
    public var confirmationDays: Int
    public var minimumStableDiseaseDays: Int

    public init(
        evaluator: String? = "INVESTIGATOR",
        confirmationDays: Int = RecistThresholds.confirmationDays,
        minimumStableDiseaseDays: Int = RecistThresholds.minimumStableDiseaseDays
    ) {
        self.evaluator = evaluator
        self.confirmationDays = confirmationDays
        self.minimumStableDiseaseDays = minimumStableDiseaseDays
    }

    /// Derives every subject of TU/TR; `referenceDates` maps USUBJID to the first dose date (RFSTDTC).
    public func derive(tu: Dataset, tr: Dataset, referenceDates: [String: String]) -> RecistDerivationResult {
        var grouper = RecistRecordGrouper(evaluator: evaluator)
        grouper.addLesions(from: tu)
        grouper.addResults(from: tr)
        let subjects = grouper.subjects.keys.sorted().map { subject in
            derive(subject: subject, records: grouper.subjects[subject]!, reference: referenceDates[subject] ?? "")
        }
        return RecistDerivationResult(subjects: subjects, issues: grouper.issues)
    }

    func derive(subject: String, records: RecistSubjectRecords, reference: String) -> RecistSubjectResult {
        let visits = records.orderedVisits
        guard let baselineIndex = visits.firstIndex(where: \.hasTumorResults) else {
            let best = RecistBestResponse(response: .ne, visitNumber: nil, rationale: "no TR results for the subject")
            return RecistSubjectResult(usubjid: subject, baselineVisitNumber: nil, baselineSum: nil, assessments: [], best: best)
        }
        let lesions = LesionsByRole(records)
        let baselineSum = TargetEvaluation.completeSum(of: lesions.targets, at: visits[baselineIndex])
        var nadir = baselineSum
        var assessments: [RecistAssessment] = []
        for visit in visits[(baselineIndex + 1)...] {
            let assessment = assess(visit, subject: subject, lesions: lesions, baselineSum: baselineSum, nadir: nadir)
            if let sum = assessment.sumOfDiameters, nadir.map({ sum < $0 }) ?? true { nadir = sum }
            assessments.append(assessment)
        }
        let rule = BestResponseRule(confirmationDays: confirmationDays, minimumStableDiseaseDays: minimumStableDiseaseDays)
        return RecistSubjectResult(
            usubjid: subject, baselineVisitNumber: visits[baselineIndex].visitNumber,
            baselineSum: baselineSum, assessments: assessments,
            best: rule.best(of: assessments, reference: reference))
    }

    /// A subject's lesions split by role, each in id order.
    struct LesionsByRole {
        var targets, nonTargets, new: [RecistLesion]

        init(_ records: RecistSubjectRecords) {
            (targets, nonTargets, new) = (records.lesions(.target), records.lesions(.nonTarget), records.lesions(.new))
        }
    }

    private func assess(
        _ visit: RecistVisitRecords, subject: String, lesions: LesionsByRole,
        baselineSum: Double?, nadir: Double?
    ) -> RecistAssessment {
        let target =
            lesions.targets.isEmpty
            ? nil : TargetEvaluation(targets: lesions.targets, visit: visit, baselineSum: baselineSum, nadir: nadir)
        let nonTarget = lesions.nonTargets.isEmpty ? nil : NonTargetEvaluation(nonTargets: lesions.nonTargets, visit: visit)
        let newLesions = NonTargetEvaluation.newLesions(lesions.new, visit: visit)
        let overall = Self.overallResponse(
            target: target?.response, nonTarget: nonTarget?.response, newLesions: !newLesions.isEmpty)
        return RecistAssessment(
            usubjid: subject, visitNumber: visit.visitNumber, visit: visit.visit, date: visit.date,
            sumOfDiameters: target?.sum, baselineSum: baselineSum, nadir: nadir,
            targetResponse: target?.response, nonTargetResponse: nonTarget?.response, newLesions: newLesions,
            overallResponse: overall,
            rationale: Self.rationale(target: target, nonTarget: nonTarget, newLesions: newLesions))
    }

    /// The RECIST 1.1 overall response table; nil target or non-target means the subject has none.
    public static func overallResponse(target: RecistResponse?, nonTarget: RecistResponse?, newLesions: Bool) -> RecistResponse {
        if newLesions || target == .pd || nonTarget == .pd { return .pd }
        switch target {
        case .cr?: return nonTarget == nil || nonTarget == .cr ? .cr : .pr
        case .pr?: return .pr
        case .sd?: return .sd
        case .ne?, .nonCRNonPD?: return .ne
        case .pd?: return .pd
        case nil: return nonTarget ?? .ne
        }
    }

    /// Joins the parts that decide the overall response: targets, non-targets when they matter, new lesions.
    static func rationale(target: TargetEvaluation?, nonTarget: NonTargetEvaluation?, newLesions: [String]) -> String {
        var parts: [String] = []
        if let target { parts.append(target.rationale) }
        if let nonTarget, target == nil || target?.response == .cr || [.pd, .ne].contains(nonTarget.response) {
            parts.append(nonTarget.rationale)
        }
        if !newLesions.isEmpty {
            parts.append((newLesions.count == 1 ? "new lesion " : "new lesions ") + newLesions.joined(separator: ", "))
        }
        return parts.isEmpty ? "no target or non-target lesions in TU" : parts.joined(separator: "; ")
    }
}
