/// A table with one column per arm: row labels (reasons indented one level) and cells as text.
public struct ReportTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var label: String
        /// 0 for a heading line, 1 for a reason or category under the line above.
        public var level: Int
        public var cells: [String]

        public init(label: String, level: Int = 0, cells: [String]) {
            self.label = label
            self.level = level
            self.cells = cells
        }
    }

    /// The first column's heading, then one heading per arm.
    public var columns: [String]
    public var rows: [Row]

    public init(columns: [String], rows: [Row]) {
        self.columns = columns
        self.rows = rows
    }
}

extension TrialReport {
    /// The CONSORT flow after randomization, one column per arm (reasons as the union over arms).
    public var flowTable: ReportTable { Self.flowTable(consort.arms) }

    /// One arm's column of the flow: the lines and reasons of that arm only.
    static func flowRows(of flow: ArmFlow) -> [ReportTable.Row] { flowTable([flow]).rows }

    static func flowTable(_ flows: [ArmFlow]) -> ReportTable {
        var rows: [ReportTable.Row] = []
        func line(_ label: String, _ value: (ArmFlow) -> Int) {
            rows.append(ReportTable.Row(label: label, cells: flows.map { String(value($0)) }))
        }
        func reasons(_ list: (ArmFlow) -> [ReasonCount]) {
            for reason in Self.union(flows.map(list)) {
                rows.append(
                    ReportTable.Row(
                        label: reason, level: 1,
                        cells: flows.map { flow in
                            String(list(flow).first { $0.reason == reason }?.count ?? 0)
                        }))
            }
        }
        line("Allocated") { $0.allocated }
        line("Received allocated intervention") { $0.receivedAllocated }
        line("Did not receive allocated intervention") { $0.notReceived.total }
        reasons(\.notReceived)
        line("Discontinued intervention") { $0.discontinued.total }
        reasons(\.discontinued)
        line("Completed treatment") { $0.completedTreatment }
        line("Still on treatment at the cut-off") { $0.onTreatment }
        line("Lost to follow-up") { $0.lostToFollowUp }
        line("Died") { $0.died }
        line("Analysed") { $0.analysed }
        line("Excluded from analysis") { $0.excludedFromAnalysis.total }
        reasons(\.excludedFromAnalysis)
        return ReportTable(columns: ["Stage"] + flows.map(\.code), rows: rows)
    }

    /// Reasons of every arm, most frequent overall first, then alphabetically.
    static func union(_ lists: [[ReasonCount]]) -> [String] {
        ReasonCount.tally(lists.flatMap { $0.flatMap { Array(repeating: $0.reason, count: $0.count) } }).map(\.reason)
    }
}
