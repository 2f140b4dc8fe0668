/// Why a raw date or time could not be read; each becomes a finding (see `Finding.invalidDate`).
public enum DateReadFailure: Error, Equatable, Sendable {
    /// The text has no shape read without a declaration (undeclared format).
    case unrecognised
    /// The shape is right but the date does not exist (e.g. 30 FEB 2023).
    case impossible
    /// A known day with an unknown month, or a known month with an unknown year.
    case unknownOuterPart
    /// Day and month both numbers (`03/04/2023`, `30.09.2023`, `9/30/23`) with no declared format:
    /// the order is never guessed, even when one reading is impossible.
    case ambiguous
    /// A time with no shape read without a declaration, or no real time (25:00).
    case badTime
    /// The value does not fit the format declared for it.
    case notInFormat
    /// A two-digit year with no declared century window (`30-SEP-23`).
    case twoDigitYear
    /// A time without separator (`1430`) with no declared `timeFormat: HHmm`.
    case compactTime

    /// True for failures of the time part (the date, if any, is kept).
    public var isTime: Bool { self == .badTime || self == .compactTime }
}
