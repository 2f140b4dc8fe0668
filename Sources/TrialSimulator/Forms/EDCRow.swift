/// One rendered EDC row of a subject, with the day it is entered and how it looked before it was complete.
struct EDCRow {
    /// How a row looked before all its information was known.
    enum Evolution {
        /// An adverse event: ongoing before `end` (nil: never ended); a fatal one is grade 4 until death.
        case adverseEvent(end: StudyDay?, fatal: Bool, serious: Bool)
        /// A dosing interval: no end date or time before `end`.
        case dosing(end: StudyDay)
        /// The best overall response: recomputed from the assessments of the cut.
        case bestResponse
    }

    var form: EDCForm
    /// The whole row, `SiteNumber` and `Subject` first, as the full history shows it.
    var values: [String]
    /// The day the row is first entered: nothing of it shows in a cut before that day.
    var entered: StudyDay
    var evolution: Evolution?
}
