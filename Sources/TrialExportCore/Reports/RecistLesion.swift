import Foundation

/// One lesion of one subject as TU identifies it (TULNKID, TUSTRESC, TULOC).
public struct RecistLesion: Sendable, Hashable {
    /// The lesion's role: TARGET, NON-TARGET or NEW.
    public enum Role: String, Sendable, Hashable {
        case target = "TARGET"
        case nonTarget = "NON-TARGET"
        case new = "NEW"

        /// Reads TUSTRESC or TRGRPID (case and surrounding spaces ignored).
        init?(code: String) {
            self.init(rawValue: code.trimmingSpaces.uppercased())
        }
    }

    public var id: String
    public var role: Role
    public var location: String {
        didSet { isLymphNode = Self.namesLymphNode(location) }
    }
    /// A lymph node: TULOC is LYMPH NODE or names one (e.g. CERVICAL LYMPH NODE); measured by its short axis.
    public private(set) var isLymphNode: Bool
    /// VISITNUM of the TU record (when a NEW lesion was first seen), nil when not given.
    public var visitNumber: Double?

    public init(id: String, role: Role, location: String, visitNumber: Double? = nil) {
        self.id = id
        self.role = role
        self.location = location
        self.visitNumber = visitNumber
        self.isLymphNode = Self.namesLymphNode(location)
    }

    static func namesLymphNode(_ location: String) -> Bool { location.uppercased().contains("LYMPH NODE") }
}
