/// The RECIST 1.1 thresholds the derivation applies (DOMAIN.md section 3), named in one place.
public enum RecistThresholds {
    /// PR: the sum of diameters is down at least this fraction from baseline.
    public static let partialResponseDecrease = 0.30
    /// PD: the sum of diameters is up at least this fraction over the nadir ...
    public static let progressionRelativeIncrease = 0.20
    /// ... and at least this many millimetres over the nadir.
    public static let progressionAbsoluteIncreaseMM = 5.0
    /// CR: every target lymph node has a short axis below this many millimetres.
    public static let normalNodeShortAxisMM = 10.0
    /// CR and PR are confirmed by a later CR or PR at least this many days after.
    public static let confirmationDays = 28
    /// SD (or NON-CR/NON-PD) counts for the best response only this many days after the reference date.
    public static let minimumStableDiseaseDays = 42
    /// Tolerance for comparing sums and fractions that arrive as decimal text.
    static let tolerance = 1e-9
}
