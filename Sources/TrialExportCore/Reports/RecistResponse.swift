import Foundation

/// A RECIST 1.1 response category, as coded in RSSTRESC (CDISC CT ONCRSR).
public enum RecistResponse: String, Sendable, CaseIterable, Hashable {
    case cr = "CR"
    case pr = "PR"
    case sd = "SD"
    case nonCRNonPD = "NON-CR/NON-PD"
    case pd = "PD"
    case ne = "NE"

    /// Reads an RSSTRESC value (case and surrounding spaces ignored); nil when it is no response code.
    public init?(code: String) {
        let text = code.trimmingSpaces.uppercased()
        guard let value = RecistResponse(rawValue: text) else { return nil }
        self = value
    }

    /// The order used for the best overall response: CR best, NE worst.
    public var rank: Int {
        switch self {
        case .cr: return 5
        case .pr: return 4
        case .sd: return 3
        case .nonCRNonPD: return 2
        case .pd: return 1
        case .ne: return 0
        }
    }

    /// True for CR and PR, the responses counted by the objective response rate.
    public var isObjectiveResponse: Bool { self == .cr || self == .pr }

    /// True for CR, PR, SD and NON-CR/NON-PD, the responses counted by the disease control rate.
    public var isDiseaseControl: Bool { isObjectiveResponse || self == .sd || self == .nonCRNonPD }
}
