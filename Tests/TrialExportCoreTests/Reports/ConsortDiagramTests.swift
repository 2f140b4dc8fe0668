import Testing

@testable import TrialExportCore

/// The CONSORT diagram's layout: nothing overlaps, no line runs through a box it does not join,
/// the exclusions sit beside the flow, and the wording is the diagram's.
struct ConsortDiagramTests {
    let diagram = ConsortDiagram(ReportFixtures.report().consort)

    func overlaps(_ a: ConsortDiagram.Box, _ b: ConsortDiagram.Box) -> Bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    @Test func noBoxesOverlap() {
        for (i, a) in diagram.boxes.enumerated() {
            for b in diagram.boxes[(i + 1)...] {
                #expect(!overlaps(a, b), "\(a.lines.first ?? "") overlaps \(b.lines.first ?? "")")
            }
        }
    }

    /// A connector touches boxes only at its ends (it starts on one edge and ends on another).
    @Test func noLineCrossesABox() {
        for line in diagram.connectors {
            let (minX, maxX) = (min(line.x1, line.x2), max(line.x1, line.x2))
            let (minY, maxY) = (min(line.y1, line.y2), max(line.y1, line.y2))
            for box in diagram.boxes {
                // The open interior of the box, shrunk by one pixel so touching an edge is allowed.
                let inside = minX < box.x + box.width - 1 && maxX > box.x + 1 && minY < box.y + box.height - 1 && maxY > box.y + 1
                #expect(!inside, "a line from (\(line.x1),\(line.y1)) to (\(line.x2),\(line.y2)) crosses \(box.lines)")
            }
        }
    }

    @Test func exclusionsSitBesideTheLineFromAssessedToRandomized() throws {
        let flow = diagram.boxes.filter { !$0.isStage }
        let assessed = try #require(flow.first { $0.lines[0].hasPrefix("Assessed") })
        let excluded = try #require(flow.first { $0.lines[0].hasPrefix("Excluded") })
        let randomized = try #require(flow.first { $0.lines[0].hasPrefix("Randomized") })
        #expect(excluded.y >= assessed.y + assessed.height && excluded.y + excluded.height <= randomized.y)
        #expect(excluded.x > assessed.x + assessed.width / 2, "to the right of the flow")
        let arms = flow.filter { $0.lines[0].hasPrefix("Allocated") }
        #expect(arms.count == 2 && arms.allSatisfy { $0.y > excluded.y + excluded.height })
    }

    @Test func stagesAreNamedAndBoxesOfAStageShareTheirHeight() {
        let stages = diagram.boxes.filter(\.isStage).map { $0.lines[0] }
        #expect(stages == ["Enrollment", "Allocation", "Follow-up", "Analysis"])
        for prefix in ["Allocated", "Discontinued", "Analysed"] {
            let heights = Set(diagram.boxes.filter { $0.lines[0].hasPrefix(prefix) }.map(\.height))
            #expect(heights.count == 1, "\(prefix): \(heights)")
        }
    }

    @Test func countsNeverWrapAndTermsAreInSentenceCase() {
        let text = diagram.boxes.flatMap(\.lines)
        #expect(text.allSatisfy { !$0.hasSuffix("(n") && !$0.hasPrefix("= ") })
        #expect(text.contains { $0.contains("Physician decision \u{00A0}") || $0.contains("Physician decision (n") })
        #expect(!text.contains { $0.contains("PHYSICIAN DECISION") })
        #expect(ConsortDiagram.sentence("ASSIGNED, NOT TREATED") == "Assigned, not treated")
        #expect(ConsortDiagram.sentence("received B instead") == "received B instead")
    }

    @Test(arguments: [
        ("Progressive disease (n\u{00A0}=\u{00A0}17) and a long tail of words that must wrap somewhere", 3),
        ("   Indented reason (n\u{00A0}=\u{00A0}1)", 1),
    ])
    func wrapsAtSpacesKeepingIndents(line: String, expectedLines: Int) {
        let wrapped = ConsortDiagram.wrapped([line])
        #expect(wrapped.count == expectedLines, "\(wrapped)")
        #expect(wrapped.allSatisfy { $0.count <= ConsortDiagram.charactersPerLine + 3 })
        if line.hasPrefix(" ") { #expect(wrapped[0].hasPrefix("   I")) }
        #expect(wrapped.joined(separator: " ").split(separator: " ") == line.split(separator: " "))
    }
}
