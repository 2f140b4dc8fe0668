/// What DS and IE say about one subject: criteria not met, disposition events, treatment end.
struct SubjectDisposition: Sendable, Equatable {
    /// IETESTCD of every criterion not met.
    var criteriaNotMet: [String] = []
    /// DSDECOD of every DISPOSITION EVENT, in DS order.
    var events: [String] = []
    /// DSDECOD of the first DISPOSITION EVENT with DSSCAT = STUDY TREATMENT; nil while on treatment.
    var treatmentEnd: String?
    /// True when some DS record has DSDECOD = RANDOMIZED.
    var randomizedMilestone = false

    /// DSDECOD meaning the subject declined (withdrew consent) before randomization.
    static let declined: Set<String> = ["WITHDRAWAL BY SUBJECT", "WITHDRAWAL OF CONSENT"]
    static let lostToFollowUp = "LOST TO FOLLOW-UP"
    static let completed = "COMPLETED"

    var isLostToFollowUp: Bool { events.contains(Self.lostToFollowUp) }

    /// The first disposition event that is not a screen failure, else the first one, else nil.
    var mainReason: String? { events.first { $0 != "SCREEN FAILURE" } ?? events.first }

    /// DS and IE grouped by USUBJID.
    static func all(in data: ReportDatasets, definitions: ReportDefinitions = ReportDefinitions()) -> [String: SubjectDisposition]
    {
        let treatment = definitions.treatmentDisposition.uppercased()
        var result: [String: SubjectDisposition] = [:]
        for row in data.select("IE", ["USUBJID", "IETESTCD"]) {
            result[row[0], default: SubjectDisposition()].criteriaNotMet.append(row[1])
        }
        for row in data.select("DS", ["USUBJID", "DSCAT", "DSSCAT", "DSDECOD"]) {
            let category = row[1].uppercased(), subcategory = row[2].uppercased(), decod = row[3].trimmingSpaces.uppercased()
            if decod == "RANDOMIZED" { result[row[0], default: SubjectDisposition()].randomizedMilestone = true }
            guard category == "DISPOSITION EVENT", !decod.isEmpty else { continue }
            result[row[0], default: SubjectDisposition()].events.append(decod)
            if subcategory == treatment, result[row[0]]?.treatmentEnd == nil {
                result[row[0]]?.treatmentEnd = decod
            }
        }
        return result
    }
}
