/// When a randomized subject's treatment starts and stops, and why.
struct CoursePlan {
    var firstDose: StudyDay
    /// The first day without study drug (end of treatment); past the cut-off when still on treatment.
    var stop: StudyDay
    /// EOTREAS, nil while on treatment at the cut-off.
    var reason: String?
    /// The day of death when the subject dies of an adverse event on treatment.
    var fatalAdverseEventDay: StudyDay?
    /// The last day adverse events are collected.
    var collectionEnd: StudyDay
}

/// A change to one drug's dosing caused by an adverse event.
struct DoseModification {
    enum Kind { case reduce, interrupt, delay }
    var treatment: String
    var kind: Kind
    /// The day the change takes effect.
    var day: StudyDay
    /// The last day of an interruption.
    var until: StudyDay
}
