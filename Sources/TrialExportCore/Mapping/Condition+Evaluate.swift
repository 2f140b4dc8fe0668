import Foundation

extension Condition {
    /// Whether the condition holds for a record, reading raw fields and derived variables through `lookup`.
    func holds(_ lookup: (_ column: String?, _ variable: String?) -> String) -> Bool {
        if let all { return all.allSatisfy { $0.holds(lookup) } }
        if let any { return any.contains { $0.holds(lookup) } }
        let value = lookup(column, variable).trimmingSpaces
        if let equals, value.caseInsensitiveCompare(equals) != .orderedSame { return false }
        if let notEquals, value.caseInsensitiveCompare(notEquals) == .orderedSame { return false }
        if let options = self.in, !options.contains(where: { value.caseInsensitiveCompare($0) == .orderedSame }) { return false }
        if notNull == true, value.isEmpty { return false }
        if isNull == true, !value.isEmpty { return false }
        if let greaterThan {
            guard let number = Double(value), number > greaterThan else { return false }
        }
        return true
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
