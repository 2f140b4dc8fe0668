/// Subjects enrolled over time, by arm: the cumulative count of subjects with a planned arm by the
/// month of their informed consent (DM.RFICDTC), for the workbook's enrollment chart.
public struct EnrollmentCurve: Sendable, Equatable {
    /// The arm codes, in the order given.
    public var arms: [String]
    /// Each month (`YYYY-MM`) from the first consent to the last, with the cumulative count per arm.
    public var months: [(month: String, counts: [Int])]

    public static func == (a: EnrollmentCurve, b: EnrollmentCurve) -> Bool {
        a.arms == b.arms && a.months.map(\.month) == b.months.map(\.month) && a.months.map(\.counts) == b.months.map(\.counts)
    }

    /// The curve of DM's subjects whose ARMCD is one of `arms`; subjects without a consent month
    /// (RFICDTC shorter than `YYYY-MM`) are not counted. Months with no consent are kept, so the
    /// time axis is even.
    public init(dm: Dataset, arms: [String]) {
        self.arms = arms
        self.months = []
        guard let armColumn = dm.index(of: "ARMCD"), let dateColumn = dm.index(of: "RFICDTC") else { return }
        let position = Dictionary(arms.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var perMonth: [String: [Int]] = [:]
        for row in dm.rows {
            let date = row[dateColumn]
            guard let arm = position[row[armColumn]], date.utf8.count >= 7, let month = Self.month(date) else { continue }
            perMonth[month, default: Array(repeating: 0, count: arms.count)][arm] += 1
        }
        guard let first = perMonth.keys.min(), let last = perMonth.keys.max() else { return }
        var running = Array(repeating: 0, count: arms.count)
        var month = first
        while month <= last {
            for (i, n) in (perMonth[month] ?? []).enumerated() { running[i] += n }
            months.append((month, running))
            month = Self.next(month)
        }
    }

    /// `YYYY-MM` of an ISO 8601 date, or nil.
    static func month(_ date: String) -> String? {
        let text = String(date.prefix(7))
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m),
            Int(parts[0]) != nil
        else { return nil }
        return text
    }

    /// The month after `YYYY-MM`.
    static func next(_ month: String) -> String {
        let parts = month.split(separator: "-")
        var year = Int(parts[0]) ?? 0
        var m = (Int(parts[1]) ?? 0) + 1
        if m > 12 { m = 1; year += 1 }
        return "\(year)-" + (m < 10 ? "0\(m)" : "\(m)")
    }
}
