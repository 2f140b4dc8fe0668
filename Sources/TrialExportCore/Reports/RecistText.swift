/// Number texts for rationales: deterministic, locale-free, at most one decimal.
enum RecistText {
    /// `41`, `40.5`, `-3.2` (one decimal, rounded half away from zero, ".0" dropped).
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// `41 mm`.
    static func mm(_ value: Double) -> String { "\(number(value)) mm" }

    /// A signed number: `+4`, `-28.1`, `0`.
    static func signed(_ value: Double) -> String {
        let text = number(value)
        return text.hasPrefix("-") || text == "0" ? text : "+" + text
    }

    /// A signed percentage of `fraction`: `-28.1%`.
    static func percent(_ fraction: Double) -> String { signed(fraction * 100) + "%" }

    /// `WEEK 6 (2023-03-01)`, or the visit number when the visit has no name.
    static func visit(_ name: String, number: Double, date: String) -> String {
        let label = name.isEmpty ? "VISITNUM \(RecistText.number(number))" : name
        return date.isEmpty ? label : "\(label) (\(date))"
    }
}
