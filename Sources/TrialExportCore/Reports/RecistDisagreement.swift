/// One place where the investigator's RS and the derivation from TU/TR differ.
public struct RecistDisagreement: Sendable, Equatable {
    /// What kind of difference it is, so that callers can grade or filter them.
    public enum Kind: String, Sendable, Equatable {
        /// Both have a value and the values differ.
        case differs
        /// RS has no value (or one that is no response code) where the derivation has one.
        case investigatorMissing
        /// RS has a value where TU/TR support no derived one.
        case derivedMissing
    }

    public var kind: Kind
    public var usubjid: String
    /// OVRLRESP (per assessment) or BESTRESP (per subject).
    public var testCode: String
    /// VISITNUM of the assessment; nil for BESTRESP.
    public var visitNumber: Double?
    public var visit: String
    /// RSSTRESC as recorded ("" when there is none).
    public var investigator: String
    /// The derived response code ("" when there is none).
    public var derived: String
    /// Why the derived value is what it is, e.g. "SoD 41 mm is -28.1% from baseline 57 mm: SD, not PR".
    public var reason: String
    /// RSSEQ of the investigator's record, when there is one (locates the finding's raw record).
    public var seq: Int?

    public init(
        kind: Kind, usubjid: String, testCode: String, visitNumber: Double?, visit: String,
        investigator: String, derived: String, reason: String, seq: Int? = nil
    ) {
        self.seq = seq
        self.kind = kind
        self.usubjid = usubjid
        self.testCode = testCode
        self.visitNumber = visitNumber
        self.visit = visit
        self.investigator = investigator
        self.derived = derived
        self.reason = reason
    }
}
