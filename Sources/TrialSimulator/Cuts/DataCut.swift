import TrialExportCore

/// A weekly data cut: the EDC data as it stood on `asOf`, optionally compared with the cut on `since`.
public struct DataCut: Equatable, Sendable {
    /// `YYYY-MM-DD`, on or before the study's data cut-off.
    public var asOf: String
    /// The earlier cut for the change log, `YYYY-MM-DD`; nil: seven days before `asOf`.
    public var since: String?

    public init(asOf: String, since: String? = nil) {
        self.asOf = asOf
        self.since = since
    }

    /// The cut's days, checked against the simulated history (which ends on the study's data cut-off).
    func days(cutoff: StudyDay) throws -> (asOf: StudyDay, since: StudyDay) {
        let asOfDay = try DataCut.day(asOf, option: "--as-of")
        guard asOfDay <= cutoff else {
            throw TrialExportError.usage(
                "--as-of \(asOf) is after the study's data cut-off \(cutoff.iso): the simulated history ends there")
        }
        let sinceDay = try since.map { try DataCut.day($0, option: "--since") } ?? asOfDay - 7
        guard sinceDay < asOfDay else { throw TrialExportError.usage("--since \(sinceDay.iso) must be before --as-of \(asOf)") }
        return (asOfDay, sinceDay)
    }

    private static func day(_ text: String, option: String) throws -> StudyDay {
        guard text.count == 10, let day = StudyDay(iso: text) else {
            throw TrialExportError.usage("\(option) \"\(text)\" is not a date YYYY-MM-DD")
        }
        return day
    }
}

extension StudyDay {
    /// ISO 8601 `2023-01-05`.
    var iso: String {
        let c = components
        return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)"
    }
}
