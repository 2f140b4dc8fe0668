/// One screened subject of the generic generator: identity, arm and the visits attended.
struct GenericSubject {
    var index: Int
    var subject: String
    var site: String
    var consent: StudyDay
    var birth: StudyDay
    var age: Int
    /// ARMCD; nil for a screen failure.
    var arm: String?
    var randomizationNumber: String?
    /// Visits attended, in order, with their dates (a screen failure: screening only).
    var visits: [(name: String, date: StudyDay)]
    /// Day 1: randomization and first dose (nil for a screen failure).
    var firstDose: StudyDay?
    /// The last visit: end of study, early end, or screening of a screen failure.
    var endOfStudy: StudyDay
    var disposition: String

    var screening: StudyDay { visits[0].date }

    /// The last dose: the day before an early end-of-study visit, else the last visit before the
    /// end-of-study visit (nil for a screen failure).
    var lastDose: StudyDay? {
        guard firstDose != nil, visits.count >= 2 else { return nil }
        return stoppedEarly ? endOfStudy - 1 : visits[visits.count - 2].date
    }

    /// True when the subject left before the planned end of study.
    var stoppedEarly = false

    /// The date of a visit the subject attended.
    func date(of visit: String) -> StudyDay? { visits.first { $0.name == visit }?.date }
}
