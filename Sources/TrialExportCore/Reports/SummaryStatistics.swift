/// Median, range and mean of a sample, as the per-arm summaries report them.
public enum SummaryStatistics {
    /// The middle value; the mean of the two middle values for an even count; nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The smallest and largest value; nil when empty.
    public static func range(_ values: [Double]) -> ClosedRange<Double>? {
        guard let low = values.min(), let high = values.max() else { return nil }
        return low...high
    }

    /// The arithmetic mean; nil when empty.
    public static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The median of integers (e.g. ages), which may fall halfway between two of them.
    public static func median(_ values: [Int]) -> Double? { median(values.map(Double.init)) }

    /// The range of integers; nil when empty.
    public static func range(_ values: [Int]) -> ClosedRange<Int>? {
        guard let low = values.min(), let high = values.max() else { return nil }
        return low...high
    }
}
