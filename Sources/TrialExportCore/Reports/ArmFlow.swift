/// One arm's column of the CONSORT flow, counted from DM and DS.
///
/// Allocated = planned arm (ARMCD); received = actual arm equals the planned one; analysed =
/// allocated and treated (ACTARMCD not null: the safety and analysis set). The follow-up counts
/// (discontinued, completed, on treatment) are among the treated subjects.
public struct ArmFlow: Sendable, Equatable {
    public var code: String
    public var name: String
    public var allocated: Int
    public var receivedAllocated: Int
    /// Why allocated subjects did not receive the allocated intervention (their DS disposition).
    public var notReceived: [ReasonCount]
    /// Treated subjects with a STUDY TREATMENT disposition other than COMPLETED, by DSDECOD.
    public var discontinued: [ReasonCount]
    /// Treated subjects whose STUDY TREATMENT disposition is COMPLETED.
    public var completedTreatment: Int
    /// Treated subjects without a STUDY TREATMENT disposition at the cut-off.
    public var onTreatment: Int
    /// Allocated subjects with a DS record DSDECOD = LOST TO FOLLOW-UP.
    public var lostToFollowUp: Int
    /// Allocated subjects with DM.DTHFL = Y.
    public var died: Int
    public var analysed: Int
    /// Why allocated subjects are not analysed (ARMNRS, else "not treated").
    public var excludedFromAnalysis: [ReasonCount]

    /// Subjects who started treatment (the follow-up stage's denominator).
    public var treated: Int { discontinued.total + completedTreatment + onTreatment }

    /// Counts the flow of `subjects` (all allocated to arm `code`).
    static func count(
        code: String, name: String, subjects: [ReportSubject], disposition: [String: SubjectDisposition]
    ) -> ArmFlow {
        var notReceived: [String] = [], discontinued: [String] = [], excluded: [String] = []
        var completed = 0, onTreatment = 0
        for subject in subjects {
            let ds = disposition[subject.usubjid] ?? SubjectDisposition()
            if subject.actualArm != subject.arm {
                notReceived.append(
                    subject.isTreated ? "received \(subject.actualArm) instead" : ds.mainReason ?? "no reason recorded")
            }
            guard subject.isTreated else {
                excluded.append(subject.armNullReason.isEmpty ? "not treated" : subject.armNullReason)
                continue
            }
            switch ds.treatmentEnd {
            case nil: onTreatment += 1
            case SubjectDisposition.completed?: completed += 1
            case let reason?: discontinued.append(reason)
            }
        }
        return ArmFlow(
            code: code, name: name, allocated: subjects.count, receivedAllocated: subjects.count - notReceived.count,
            notReceived: ReasonCount.tally(notReceived), discontinued: ReasonCount.tally(discontinued),
            completedTreatment: completed, onTreatment: onTreatment,
            lostToFollowUp: subjects.filter { disposition[$0.usubjid]?.isLostToFollowUp ?? false }.count,
            died: subjects.filter(\.died).count, analysed: subjects.count - excluded.count,
            excludedFromAnalysis: ReasonCount.tally(excluded))
    }
}
