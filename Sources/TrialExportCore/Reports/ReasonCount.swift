/// How many subjects share one reason (a DSDECOD, an ARMNRS, ...).
public struct ReasonCount: Sendable, Equatable {
    public var reason: String
    public var count: Int

    public init(reason: String, count: Int) {
        self.reason = reason
        self.count = count
    }

    /// Counts each reason once per occurrence; most frequent first, then alphabetically.
    static func tally(_ reasons: [String]) -> [ReasonCount] {
        var counts: [String: Int] = [:]
        for reason in reasons { counts[reason, default: 0] += 1 }
        return counts.map { ReasonCount(reason: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
    }
}

extension Array where Element == ReasonCount {
    /// The sum of the counts.
    public var total: Int { reduce(0) { $0 + $1.count } }
}
