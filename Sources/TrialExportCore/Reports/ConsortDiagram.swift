/// The CONSORT flow diagram laid out on a page: boxes of text and the arrows between them, in
/// pixels, ready to draw (``ConsortDiagram/init(_:)``; the SVG writer draws it).
///
/// Enrollment runs down the middle: "Assessed" above "Randomized", the exclusions in a box to the
/// right, reached by a branch off the line between them, so nothing flows through them. Below,
/// one column per arm holds its Allocation, Follow-up and Analysis boxes; every box of a stage has
/// the height of the tallest. The stage names stand in a column on the left.
public struct ConsortDiagram: Sendable, Equatable {
    public struct Box: Sendable, Equatable {
        public var x: Int, y: Int, width: Int, height: Int
        /// Lines of text; the first is the box's heading.
        public var lines: [String]
        /// A stage name in the left column rather than a box of the flow.
        public var isStage = false

        var midX: Int { x + width / 2 }
        var bottom: Int { y + height }
    }

    /// A straight line from one point to another; `arrow` ends it with an arrow head.
    public struct Connector: Sendable, Equatable {
        public var x1: Int, y1: Int, x2: Int, y2: Int
        public var arrow: Bool
    }

    public private(set) var boxes: [Box] = []
    public private(set) var connectors: [Connector] = []
    public private(set) var width = 0
    public private(set) var height = 0

    static let boxWidth = 230, gap = 24, stageWidth = 96, margin = 16, padding = 8
    static let lineHeight = 15
    /// Characters per line of a box: the SVG writer's 11 px sans-serif averages about 6.2 px a character.
    static let charactersPerLine = (boxWidth - 2 * padding) * 10 / 62

    public init(_ consort: ConsortSummary) {
        let columns = max(consort.arms.count, 1)
        let flowLeft = Self.margin + Self.stageWidth + Self.gap
        let flowWidth = columns * Self.boxWidth + (columns - 1) * Self.gap
        let center = flowLeft + flowWidth / 2
        var y = Self.margin
        let enrollmentTop = y
        let assessed = box(["Assessed for eligibility " + Self.count(consort.assessed)], centerX: center, y: y)
        y = assessed.bottom + Self.gap
        let excluded = box(Self.exclusionLines(consort), x: center + Self.gap, y: y)
        let branchY = y + Self.lineHeight
        connectors.append(Connector(x1: center, y1: branchY, x2: excluded.x, y2: branchY, arrow: true))
        y = max(excluded.bottom, branchY + Self.lineHeight) + Self.gap
        let randomized = box(["Randomized " + Self.count(consort.randomized)], centerX: center, y: y)
        connectors.append(Connector(x1: center, y1: assessed.bottom, x2: center, y2: randomized.y, arrow: true))
        stage("Enrollment", top: enrollmentTop, bottom: randomized.bottom)
        y = randomized.bottom + 2 * Self.gap
        let busY = randomized.bottom + Self.gap
        let stages: [(String, (ArmFlow) -> [String])] = [
            ("Allocation", Self.allocationLines), ("Follow-up", Self.followUpLines), ("Analysis", Self.analysisLines),
        ]
        var previous: [Box] = []
        for (name, lines) in stages {
            let texts = consort.arms.map { Self.wrapped(lines($0)) }
            let rowHeight = texts.map(Self.height).max() ?? Self.height([""])
            var row: [Box] = []
            for (i, text) in texts.enumerated() {
                let x = flowLeft + i * (Self.boxWidth + Self.gap)
                row.append(box(text, x: x, y: y, height: rowHeight, wrap: false))
                if let above = previous.indices.contains(i) ? previous[i] : nil {
                    connectors.append(Connector(x1: above.midX, y1: above.bottom, x2: above.midX, y2: y, arrow: true))
                } else {
                    connectors.append(Connector(x1: row[i].midX, y1: busY, x2: row[i].midX, y2: y, arrow: true))
                }
            }
            if previous.isEmpty, let first = row.first, let last = row.last {
                connectors.append(Connector(x1: center, y1: randomized.bottom, x2: center, y2: busY, arrow: false))
                connectors.append(Connector(x1: first.midX, y1: busY, x2: last.midX, y2: busY, arrow: false))
            }
            stage(name, top: y, bottom: y + rowHeight)
            previous = row
            y += rowHeight + 2 * Self.gap
        }
        width = (boxes.map { $0.x + $0.width }.max() ?? 0) + Self.margin
        height = (boxes.map(\.bottom).max() ?? 0) + Self.margin
    }

    // MARK: Layout

    @discardableResult
    private mutating func box(_ lines: [String], centerX: Int, y: Int) -> Box {
        box(lines, x: centerX - Self.boxWidth / 2, y: y)
    }

    @discardableResult
    private mutating func box(_ lines: [String], x: Int, y: Int, height: Int? = nil, wrap: Bool = true) -> Box {
        let text = wrap ? Self.wrapped(lines) : lines
        let box = Box(x: x, y: y, width: Self.boxWidth, height: height ?? Self.height(text), lines: text)
        boxes.append(box)
        return box
    }

    private mutating func stage(_ name: String, top: Int, bottom: Int) {
        boxes.append(Box(x: Self.margin, y: top, width: Self.stageWidth, height: bottom - top, lines: [name], isStage: true))
    }

    static func height(_ lines: [String]) -> Int { lines.count * lineHeight + 2 * padding }

    /// Lines broken at spaces to fit a box, keeping a line's indent and indenting its
    /// continuations; a count such as `(n = 13)` never leaves its words.
    static func wrapped(_ lines: [String]) -> [String] {
        lines.flatMap { line -> [String] in
            let indent = String(line.prefix { $0 == " " })
            var out: [String] = [], current = indent
            for word in line.dropFirst(indent.count).split(separator: " ") {
                let candidate = current.count == indent.count ? current + word : current + " " + word
                if candidate.count > charactersPerLine, current.count > indent.count {
                    out.append(current)
                    current = indent + "   " + word
                } else {
                    current = candidate
                }
            }
            out.append(current)
            return out
        }
    }

    // MARK: Text

    /// `(n = 13)` with no-break spaces, so it is never wrapped from its number.
    static func count(_ n: Int) -> String { "(n\u{00A0}=\u{00A0}\(n))" }

    /// A CDISC term (`PROGRESSIVE DISEASE`) in the diagram's sentence case (`Progressive disease`).
    static func sentence(_ term: String) -> String {
        guard term == term.uppercased(), let first = term.first else { return term }
        return String(first) + term.dropFirst().lowercased()
    }

    static func reasons(_ list: [ReasonCount]) -> [String] {
        list.map { "   \(sentence($0.reason)) " + count($0.count) }
    }

    static func exclusionLines(_ c: ConsortSummary) -> [String] {
        [
            "Excluded " + count(c.excluded), "• Not meeting eligibility criteria " + count(c.notMeetingCriteria),
            "• Declined to participate " + count(c.declined),
        ]
            + c.otherExclusions.map { "• \(sentence($0.reason)) " + count($0.count) }
    }

    static func allocationLines(_ a: ArmFlow) -> [String] {
        [
            "Allocated to \(a.name) (\(a.code)) " + count(a.allocated),
            "• Received allocated intervention " + count(a.receivedAllocated),
            "• Did not receive allocated intervention " + count(a.notReceived.total),
        ] + reasons(a.notReceived)
    }

    static func followUpLines(_ a: ArmFlow) -> [String] {
        ["Discontinued intervention " + count(a.discontinued.total)] + reasons(a.discontinued)
            + [
                "Completed treatment " + count(a.completedTreatment), "On treatment at the cut-off " + count(a.onTreatment),
                "Lost to follow-up " + count(a.lostToFollowUp), "Died " + count(a.died),
            ]
    }

    static func analysisLines(_ a: ArmFlow) -> [String] {
        ["Analysed " + count(a.analysed), "• Excluded from analysis " + count(a.excludedFromAnalysis.total)]
            + reasons(a.excludedFromAnalysis)
    }
}
