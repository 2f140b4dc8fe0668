/// A two-sided confidence interval for a proportion, both ends between 0 and 1.
public struct ConfidenceInterval: Sendable, Equatable {
    public var lower: Double
    public var upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}

/// The exact (Clopper-Pearson) confidence interval for x successes of n, from beta quantiles.
public enum ClopperPearson {
    /// The interval for `successes` of `trials` at `confidence` (0.95 = 95%); nil unless 0 <= x <= n and n > 0.
    ///
    /// Lower = Beta(α/2; x, n - x + 1) quantile (0 when x = 0); upper = Beta(1 - α/2; x + 1, n - x)
    /// quantile (1 when x = n).
    public static func interval(successes: Int, trials: Int, confidence: Double = 0.95) -> ConfidenceInterval? {
        guard trials > 0, (0...trials).contains(successes), confidence > 0, confidence < 1 else { return nil }
        let alpha = 1 - confidence
        let x = Double(successes), n = Double(trials)
        let lower = successes == 0 ? 0 : BetaDistribution.quantile(alpha / 2, a: x, b: n - x + 1)
        let upper = successes == trials ? 1 : BetaDistribution.quantile(1 - alpha / 2, a: x + 1, b: n - x)
        return ConfidenceInterval(lower: lower, upper: upper)
    }
}

/// A count out of a total with its estimate and exact 95% interval, as ORR and DCR are reported.
public struct Proportion: Sendable, Equatable {
    public var count: Int
    public var total: Int
    public var confidence: Double

    public init(count: Int, total: Int, confidence: Double = 0.95) {
        self.count = count
        self.total = total
        self.confidence = confidence
    }

    /// count / total; nil when the total is 0.
    public var estimate: Double? { total > 0 ? Double(count) / Double(total) : nil }

    /// The Clopper-Pearson interval; nil when the total is 0.
    public var interval: ConfidenceInterval? {
        ClopperPearson.interval(successes: count, trials: total, confidence: confidence)
    }
}
