/// Adverse events of the analysed subjects of one arm, subjects counted once per line.
///
/// "Any AE" counts every AE record; the other lines count treatment-emergent AEs only (SUPPAE
/// AETRTEM = Y): grade >= 3 (AETOXGR; or severe, AESEV = SEVERE, by the study's definitions), serious (AESER = Y), leading to discontinuation (AEACN =
/// DRUG WITHDRAWN), fatal (AEOUT = FATAL or AESDTH = Y).
public struct SafetySummary: Sendable, Equatable {
    public var subjects: Int
    public var anyAE: Int
    public var treatmentEmergent: Int
    public var gradeThreeOrMore: Int
    public var serious: Int
    public var leadingToDiscontinuation: Int
    public var fatal: Int
    /// The most frequent preferred terms (AEDECOD) among TEAEs, by subjects, ties by grade >= 3 then term.
    public var frequentTerms: [TermCount]

    /// Subjects with a preferred term at any grade and at grade 3 or more.
    public struct TermCount: Sendable, Equatable {
        public var term: String
        public var anyGrade: Int
        public var gradeThreeOrMore: Int
    }

    private struct Event {
        var subject, term: String
        var emergent, severe, serious, withdrawn, fatal: Bool
    }

    static func summarise(
        _ subjects: [ReportSubject], data: ReportDatasets, topTerms: Int, definitions: ReportDefinitions = ReportDefinitions()
    ) -> SafetySummary {
        let wanted = Set(subjects.map(\.usubjid))
        let flags = data.qualifier(definitions.treatmentEmergent, of: "AE")
        let variables = ["USUBJID", "AESEQ", "AEDECOD", "AETERM", "AETOXGR", "AESER", "AEACN", "AEOUT", "AESDTH", "AESEV"]
        let bySeverity = definitions.severe == .severity
        let events = data.select("AE", variables).filter { wanted.contains($0[0]) }.map { v in
            Event(
                subject: v[0], term: v[2].trimmingSpaces.isEmpty ? v[3].trimmingSpaces : v[2].trimmingSpaces,
                emergent: flags[v[0]]?[v[1].trimmingSpaces]?.uppercased() == "Y",
                severe: bySeverity ? v[9].trimmingSpaces.uppercased() == "SEVERE" : (Int(v[4].trimmingSpaces) ?? 0) >= 3,
                serious: v[5].uppercased() == "Y",
                withdrawn: v[6].uppercased() == "DRUG WITHDRAWN",
                fatal: v[7].uppercased() == "FATAL" || v[8].uppercased() == "Y")
        }
        let emergent = events.filter(\.emergent)
        func subjectsWith(_ keep: (Event) -> Bool) -> Int { Set(emergent.filter(keep).map(\.subject)).count }
        return SafetySummary(
            subjects: subjects.count, anyAE: Set(events.map(\.subject)).count,
            treatmentEmergent: Set(emergent.map(\.subject)).count, gradeThreeOrMore: subjectsWith(\.severe),
            serious: subjectsWith(\.serious), leadingToDiscontinuation: subjectsWith(\.withdrawn),
            fatal: subjectsWith(\.fatal), frequentTerms: Array(termCounts(emergent).prefix(topTerms)))
    }

    private static func termCounts(_ events: [Event]) -> [TermCount] {
        Dictionary(grouping: events, by: \.term).map { term, rows in
            TermCount(
                term: term, anyGrade: Set(rows.map(\.subject)).count,
                gradeThreeOrMore: Set(rows.filter(\.severe).map(\.subject)).count)
        }.sorted { a, b in
            if a.anyGrade != b.anyGrade { return a.anyGrade > b.anyGrade }
            if a.gradeThreeOrMore != b.gradeThreeOrMore { return a.gradeThreeOrMore > b.gradeThreeOrMore }
            return a.term < b.term
        }
    }
}
