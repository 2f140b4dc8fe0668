/// The study-level CONSORT flow: screening, exclusions with reasons, randomization and each arm.
public struct ConsortSummary: Sendable, Equatable {
    /// Subjects in DM (screen failures included).
    public var assessed: Int
    /// Not randomized with at least one IE record (a criterion not met).
    public var notMeetingCriteria: Int
    /// Not randomized, no IE record, disposition WITHDRAWAL BY SUBJECT (declined to participate).
    public var declined: Int
    /// Other subjects not randomized, by their first disposition event (DSDECOD).
    public var otherExclusions: [ReasonCount]
    /// Subjects with a planned arm (ARMCD).
    public var randomized: Int
    /// Subjects with a DS record DSDECOD = RANDOMIZED (to reconcile with `randomized`).
    public var randomizedInDS: Int
    /// One column per arm: the study's arms in study order, then unknown ARMCD values sorted.
    public var arms: [ArmFlow]

    public var excluded: Int { notMeetingCriteria + declined + otherExclusions.total }

    /// Counts the flow of every DM subject.
    static func count(
        subjects: [ReportSubject], disposition: [String: SubjectDisposition], arms: [(code: String, name: String)]
    ) -> ConsortSummary {
        var notMeeting = 0, declined = 0, other: [String] = []
        for subject in subjects where !subject.isRandomized {
            let ds = disposition[subject.usubjid] ?? SubjectDisposition()
            if !ds.criteriaNotMet.isEmpty {
                notMeeting += 1
            } else if ds.events.contains(where: SubjectDisposition.declined.contains) {
                declined += 1
            } else {
                other.append(ds.mainReason ?? "no reason recorded")
            }
        }
        let byArm = Dictionary(grouping: subjects.filter(\.isRandomized), by: \.arm)
        let flows = arms.map { arm in
            ArmFlow.count(code: arm.code, name: arm.name, subjects: byArm[arm.code] ?? [], disposition: disposition)
        }
        return ConsortSummary(
            assessed: subjects.count, notMeetingCriteria: notMeeting, declined: declined,
            otherExclusions: ReasonCount.tally(other), randomized: byArm.values.reduce(0) { $0 + $1.count },
            randomizedInDS: subjects.filter { disposition[$0.usubjid]?.randomizedMilestone ?? false }.count, arms: flows)
    }
}
