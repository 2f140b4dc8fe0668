/// A value entered wrong and corrected when its data query is resolved.
struct DataQuery {
    enum Kind: String { case adverseEventGrade, adverseEventEndDate, measurement, missingTime }

    var kind: Kind
    /// The position of the row in the subject's rendered rows, and of the cell in the row.
    var row: Int
    var column: Int
    /// What a cut shows from `raised` until the day before `resolved`.
    var wrong: String
    var raised: StudyDay
    var resolved: StudyDay

    /// True when a cut on `day` shows the wrong value.
    func isOpen(on day: StudyDay) -> Bool { raised <= day && day < resolved }
}
