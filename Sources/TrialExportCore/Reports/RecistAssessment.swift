/// The derived RECIST 1.1 responses of one subject at one post-baseline assessment.
public struct RecistAssessment: Sendable, Equatable {
    public var usubjid: String
    public var visitNumber: Double
    public var visit: String
    /// The earliest TR/TU date of the assessment (ISO 8601, "" when none).
    public var date: String
    /// Sum of target diameters (nodes by short axis); nil when a target was not measured.
    public var sumOfDiameters: Double?
    /// Baseline sum and nadir (smallest complete sum before this assessment, baseline included).
    public var baselineSum: Double?
    public var nadir: Double?
    /// Target response (CR/PR/SD/PD/NE); nil when the subject has no target lesions.
    public var targetResponse: RecistResponse?
    /// Non-target response (CR/NON-CR/NON-PD/PD/NE); nil when the subject has no non-target lesions.
    public var nonTargetResponse: RecistResponse?
    /// NEW lesions seen at this assessment (TULNKID), in id order; any means PD.
    public var newLesions: [String]
    public var overallResponse: RecistResponse
    /// Why the overall response is what it is, e.g. "SoD 41 mm is -28.1% from baseline 57 mm".
    public var rationale: String

    /// NEWLIND as RS codes it: Y or N.
    public var newLesionIndicator: String { newLesions.isEmpty ? "N" : "Y" }

    public init(
        usubjid: String, visitNumber: Double, visit: String, date: String, sumOfDiameters: Double?,
        baselineSum: Double?, nadir: Double?, targetResponse: RecistResponse?,
        nonTargetResponse: RecistResponse?, newLesions: [String], overallResponse: RecistResponse,
        rationale: String
    ) {
        self.usubjid = usubjid
        self.visitNumber = visitNumber
        self.visit = visit
        self.date = date
        self.sumOfDiameters = sumOfDiameters
        self.baselineSum = baselineSum
        self.nadir = nadir
        self.targetResponse = targetResponse
        self.nonTargetResponse = nonTargetResponse
        self.newLesions = newLesions
        self.overallResponse = overallResponse
        self.rationale = rationale
    }
}

/// The best overall response of one subject, with the assessment it rests on and why.
public struct RecistBestResponse: Sendable, Equatable {
    public var response: RecistResponse
    /// VISITNUM of the deciding assessment; nil when no assessment qualifies.
    public var visitNumber: Double?
    public var rationale: String

    public init(response: RecistResponse, visitNumber: Double?, rationale: String) {
        self.response = response
        self.visitNumber = visitNumber
        self.rationale = rationale
    }
}

/// Everything derived for one subject: baseline, each later assessment, and the best overall response.
public struct RecistSubjectResult: Sendable, Equatable {
    public var usubjid: String
    /// The baseline assessment: the lowest VISITNUM with TR results.
    public var baselineVisitNumber: Double?
    public var baselineSum: Double?
    public var assessments: [RecistAssessment]
    public var best: RecistBestResponse

    public init(
        usubjid: String, baselineVisitNumber: Double?, baselineSum: Double?,
        assessments: [RecistAssessment], best: RecistBestResponse
    ) {
        self.usubjid = usubjid
        self.baselineVisitNumber = baselineVisitNumber
        self.baselineSum = baselineSum
        self.assessments = assessments
        self.best = best
    }
}

/// A TU/TR record the derivation could not use, for the caller to report as a finding.
public struct RecistIssue: Sendable, Equatable {
    public var usubjid: String
    public var message: String

    public init(usubjid: String, message: String) {
        self.usubjid = usubjid
        self.message = message
    }
}

/// The output of `RecistDerivation.derive`: one result per subject (ordered by USUBJID) and the issues met.
public struct RecistDerivationResult: Sendable, Equatable {
    public var subjects: [RecistSubjectResult]
    public var issues: [RecistIssue]

    public init(subjects: [RecistSubjectResult], issues: [RecistIssue]) {
        self.subjects = subjects
        self.issues = issues
    }

    /// The result of one subject, nil when TU/TR hold nothing for it (binary search: subjects are sorted).
    public func subject(_ usubjid: String) -> RecistSubjectResult? {
        var low = 0, high = subjects.count
        while low < high {
            let middle = (low + high) / 2
            if subjects[middle].usubjid < usubjid { low = middle + 1 } else { high = middle }
        }
        return low < subjects.count && subjects[low].usubjid == usubjid ? subjects[low] : nil
    }
}
