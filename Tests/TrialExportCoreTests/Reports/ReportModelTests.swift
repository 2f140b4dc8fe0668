import Testing
import TrialExportCore

/// The template contexts: every list element has the shape its list declares, values are formatted.
struct ReportModelTests {
    let model = ReportModel(report: ReportFixtures.report())

    /// Elements of every list conform to the list's declared element shape.
    static func conforms(_ value: ReportValue) -> Bool {
        switch value {
        case .text, .flag: return true
        case .object(let fields): return fields.values.allSatisfy(conforms)
        case .list(let items, let element):
            return items.allSatisfy { $0.schema == element && conforms($0) }
        }
    }

    static func field(_ value: ReportValue?, _ path: String...) -> ReportValue? {
        var current = value
        for name in path {
            guard case .object(let fields)? = current else { return nil }
            current = fields[name]
        }
        return current
    }

    @Test func listsHaveTheShapeTheyDeclare() throws {
        #expect(Self.conforms(model.consort))
        #expect(Self.conforms(try #require(model.arm("A+B"))))
        #expect(Self.conforms(try #require(model.arm("B"))))
        #expect(model.arm("nope") == nil)
    }

    @Test func armContextHoldsFormattedFigures() {
        let arm = model.arm("A+B")
        #expect(Self.field(arm, "efficacy", "orr") == .text("66.7% (9.4% to 99.2%)"))
        #expect(Self.field(arm, "baseline", "age") == .text("45 (35 to 61)"))
        #expect(Self.field(arm, "exposure", "cycles") == .text("2 (1 to 3)"))
        #expect(Self.field(arm, "disagreementCount") == .text("3"))
    }

    @Test func emptyListsKeepTheirShape() {
        let arm = model.arm("B")
        guard case .list(let items, let element)? = Self.field(arm, "disagreements") else {
            Issue.record("disagreements is not a list")
            return
        }
        #expect(items.isEmpty)
        #expect(Set(element.fields.keys) == ["usubjid", "test", "visit", "investigator", "derived", "reason"])
    }

    @Test func flowTableHasOneCellPerArmAndReasonsIndented() {
        let table = model.report.flowTable
        #expect(table.columns == ["Stage", "A+B", "B"])
        #expect(table.rows.allSatisfy { $0.cells.count == 2 })
        let discontinued = table.rows.filter {
            $0.level == 1 && ["ADVERSE EVENT", "DEATH", "PROGRESSIVE DISEASE"].contains($0.label)
        }
        #expect(discontinued.map(\.label) == ["ADVERSE EVENT", "DEATH", "PROGRESSIVE DISEASE"])
        #expect(table.rows.first { $0.label == "Allocated" }?.cells == ["4", "2"])
    }
}
