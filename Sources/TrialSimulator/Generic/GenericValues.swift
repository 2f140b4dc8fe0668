import Foundation

/// Drawing and writing values of the generic generator.
enum GenericValues {
    /// A normal draw around `rule.mean + offset`, kept within the rule's bounds (not rounded).
    static func number(_ rule: GenericProfile.NumberRule, rng: inout RandomSource, offset: Double) -> Double {
        var value = rng.normal(mean: rule.mean + offset, sd: rule.sd)
        if let low = rule.min { value = Swift.max(value, low) }
        if let high = rule.max { value = Swift.min(value, high) }
        return value
    }

    /// The number with exactly `decimals` decimals (`.` as separator, whatever the locale).
    static func text(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(Swift.max(0, decimals))f", value)
    }

    /// `[min, max]` as a range (one number: that number).
    static func range(_ pair: [Int]) -> ClosedRange<Int> {
        let low = pair.first ?? 0
        let high = pair.count > 1 ? pair[1] : low
        return Swift.min(low, high)...Swift.max(low, high)
    }

    static func weighted(_ options: [GenericProfile.Weighted], _ rng: inout RandomSource) -> String {
        options[rng.index(weights: options.map(\.weight))].value
    }

    static func zeroPadded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }

    /// A date in the export's format; `unknownDay` writes the day as `UN`.
    static func date(_ day: StudyDay, format: String, unknownDay: Bool) -> String {
        let c = day.components
        let d = unknownDay ? "UN" : zeroPadded(c.day, 2)
        let m = zeroPadded(c.month, 2)
        switch format {
        case "DD/MM/YYYY": return "\(d)/\(m)/\(c.year)"
        case "YYYY-MM-DD": return unknownDay ? "\(c.year)-\(m)" : "\(c.year)-\(m)-\(d)"
        case "DD MMM YYYY": return "\(d) \(StudyDay.monthNames[c.month - 1]) \(c.year)"
        default: return "\(m)/\(d)/\(c.year)"
        }
    }

    static let dateFormats: Set<String> = ["MM/DD/YYYY", "DD/MM/YYYY", "YYYY-MM-DD", "DD MMM YYYY"]
}
