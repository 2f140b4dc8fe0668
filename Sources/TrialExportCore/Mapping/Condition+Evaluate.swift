import Foundation

extension Condition {
    /// Whether the condition holds for a record, reading raw fields and derived variables through `lookup`.
    func holds(_ lookup: (_ column: String?, _ variable: String?) -> String) -> Bool {
        if let all { return all.allSatisfy { $0.holds(lookup) } }
        if let any { return any.contains { $0.holds(lookup) } }
        return test(lookup(column, variable).trimmingSpaces)
    }

    /// Whether a leaf condition's comparisons hold for `value` (already trimmed).
    func test(_ value: String) -> Bool {
        if let equals, !Self.sameIgnoringCase(value, equals) { return false }
        if let notEquals, Self.sameIgnoringCase(value, notEquals) { return false }
        if let options = self.in, !options.contains(where: { Self.sameIgnoringCase(value, $0) }) { return false }
        if notNull == true, value.isEmpty { return false }
        if isNull == true, !value.isEmpty { return false }
        if let greaterThan {
            guard let number = Double(value), number > greaterThan else { return false }
        }
        return true
    }

    /// Case-insensitive equality: byte by byte for ASCII texts, through Foundation otherwise.
    static func sameIgnoringCase(_ a: String, _ b: String) -> Bool {
        var x = a, y = b
        let ascii = x.withUTF8 { xs in
            y.withUTF8 { ys -> Bool? in
                guard xs.count == ys.count else {
                    return xs.allSatisfy { $0 < 0x80 } && ys.allSatisfy { $0 < 0x80 } ? false : nil
                }
                for i in 0..<xs.count {
                    let p = xs[i], q = ys[i]
                    if p >= 0x80 || q >= 0x80 { return nil }
                    if p != q, p | 0x20 != q | 0x20 || !(0x61...0x7A).contains(p | 0x20) { return false }
                }
                return true
            }
        }
        return ascii ?? (a.caseInsensitiveCompare(b) == .orderedSame)
    }

    /// A short text for reconciliation reports, e.g. `IEYN = Yes`.
    public var summary: String {
        if let all { return all.map(\.summary).joined(separator: " and ") }
        if let any { return "(" + any.map(\.summary).joined(separator: " or ") + ")" }
        let subject = column ?? variable ?? "?"
        if let equals { return "\(subject) = \(equals)" }
        if let notEquals { return "\(subject) != \(notEquals)" }
        if let options = self.in { return "\(subject) in [\(options.joined(separator: ", "))]" }
        if notNull == true { return "\(subject) is not null" }
        if isNull == true { return "\(subject) is null" }
        if let greaterThan { return "\(subject) > \(greaterThan)" }
        return "always"
    }
}
