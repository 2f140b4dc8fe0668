import Foundation

/// Locale-free formatting of counts, percentages and intervals for the reports.
public enum ReportText {
    /// `23.8%`, `35.0%`: always one decimal, rounded half away from zero.
    public static func percent(_ fraction: Double) -> String {
        let tenths = Int((abs(fraction) * 1000).rounded())
        return (fraction < 0 && tenths != 0 ? "-" : "") + "\(tenths / 10).\(tenths % 10)%"
    }

    /// `5 (23.8%)`; `0` when the total is 0.
    public static func count(_ count: Int, of total: Int) -> String {
        total > 0 ? "\(count) (\(percent(Double(count) / Double(total))))" : "\(count)"
    }

    /// `23.8% (8.2% to 47.2%)`, or `n/a` when the total is 0.
    public static func rate(_ p: Proportion) -> String {
        guard let estimate = p.estimate, let ci = p.interval else { return "n/a" }
        return "\(percent(estimate)) (\(percent(ci.lower)) to \(percent(ci.upper)))"
    }

    /// `5/21 = 23.8% (95% CI 8.2% to 47.2%)`.
    public static func rateWithCounts(_ p: Proportion) -> String {
        guard let estimate = p.estimate, let ci = p.interval else { return "\(p.count)/\(p.total) = n/a" }
        return "\(p.count)/\(p.total) = \(percent(estimate)) (95% CI \(percent(ci.lower)) to \(percent(ci.upper)))"
    }

    /// `56.5 (38 to 69)`, or `n/a` for an empty sample.
    public static func medianRange(_ values: [Int]) -> String {
        guard let median = SummaryStatistics.median(values), let range = SummaryStatistics.range(values) else { return "n/a" }
        return "\(decimal(median, places: 1)) (\(range.lowerBound) to \(range.upperBound))"
    }

    /// A number with at most `places` decimals, trailing zeros dropped: `56.5`, `12`.
    public static func decimal(_ value: Double, places: Int) -> String {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        var fraction = String(scaled % scale)
        while fraction.count < places { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(scaled / scale) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// Text safe in a Markdown table cell: `|` escaped, line breaks as spaces.
    public static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Text safe inside a quoted Mermaid label: `"` as `#quot;`, brackets and line breaks neutralised.
    public static func mermaid(_ text: String) -> String {
        text.replacingOccurrences(of: "\"", with: "#quot;").replacingOccurrences(of: "\n", with: " ")
    }

    /// `VISITNUM 4` style number: integers without decimals.
    static func number(_ value: Double) -> String { RecistText.number(value) }
}
