/// Turns a ``TrialReport`` into template contexts: every number already formatted as text, so
/// that templates stay simple (`{{orr}}` reads `23.8% (8.2% to 47.2%)`).
///
/// `consort` is the context of `consort.md`, `arm(_:)` the one of `arm-<ARMCD>.md`.
public struct ReportModel: Sendable {
    public var report: TrialReport

    public init(report: TrialReport) { self.report = report }

    /// The study-level context: enrolment, the flow table, the Mermaid boxes and the comparison table.
    public var consort: ReportValue {
        let c = report.consort
        var fields = header
        fields["assessed"] = .text(String(c.assessed))
        fields["excluded"] = .text(String(c.excluded))
        fields["notMeetingCriteria"] = .text(String(c.notMeetingCriteria))
        fields["declined"] = .text(String(c.declined))
        fields["otherExclusions"] = Self.reasons(c.otherExclusions)
        fields["randomized"] = .text(String(c.randomized))
        fields["randomizedInDS"] = .text(String(c.randomizedInDS))
        fields["arms"] = .list(report.arms.enumerated().map { armEntry($1, index: $0 + 1) }, element: Self.armEntrySchema)
        fields["flowTable"] = Self.table(report.flowTable)
        fields["comparisonTable"] = Self.table(report.comparisonTable)
        fields["disagreementCount"] = .text(String(report.disagreements.count))
        fields["disagreements"] = Self.disagreements(report.disagreements)
        fields["mermaidExcluded"] = .text(ReportText.mermaid(excludedBox))
        return .object(fields)
    }

    /// The context of one arm's report; nil when the report has no arm `code`.
    public func arm(_ code: String) -> ReportValue? {
        guard let index = report.arms.firstIndex(where: { $0.code == code }) else { return nil }
        var fields = header.merging(armFields(report.arms[index])) { a, _ in a }
        fields["index"] = .text(String(index + 1))
        return .object(fields)
    }

    /// The file name of an arm's report: `arm-<ARMCD>.md`.
    public static func armFileName(_ code: String) -> String { "arm-\(code).md" }

    var header: [String: ReportValue] {
        [
            "studyId": .text(report.studyId), "title": .text(report.title), "cutoff": .text(report.cutoff),
            "recist": .flag(report.hasRecist), "cycles": .flag(report.hasCycles), "definitions": definitions,
        ]
    }

    /// The protocol definitions the figures follow (study.yaml `reports.definitions`, or their defaults).
    var definitions: ReportValue {
        let d = report.definitions
        return .object([
            "baselineVisit": .text(ReportText.number(d.baselineVisit)), "ecogCategory": .text(d.ecog),
            "treatmentEmergentQualifier": .text(d.treatmentEmergent), "doseAdjustmentQualifier": .text(d.doseAdjustment),
            "treatmentDispositionCategory": .text(d.treatmentDisposition), "cycleVisitPrefix": .text(d.cyclePrefix),
            "confirmationDays": .text(String(d.confirmation)), "minimumStableDiseaseDays": .text(String(d.minimumStableDisease)),
            "severeDefinition": .text(d.severe.definition),
        ])
    }

    /// The Mermaid box of the exclusions: the same lines as the SVG diagram's (``ConsortDiagram``).
    private var excludedBox: String { ConsortDiagram.exclusionLines(report.consort).joined(separator: "<br/>") }

    /// One arm in the consort context: names, its report file and its three Mermaid boxes, worded
    /// as in the SVG diagram (sentence case, counts that never wrap).
    private func armEntry(_ arm: ArmSummary, index: Int) -> ReportValue {
        let f = arm.flow
        func box(_ lines: [String]) -> ReportValue { .text(ReportText.mermaid(lines.joined(separator: "<br/>"))) }
        return .object([
            "index": .text(String(index)), "code": .text(arm.code), "name": .text(arm.name),
            "file": .text(Self.armFileName(arm.code)),
            "allocationBox": box(ConsortDiagram.allocationLines(f)),
            "followUpBox": box(ConsortDiagram.followUpLines(f)),
            "analysisBox": box(ConsortDiagram.analysisLines(f)),
        ])
    }

    static let armEntrySchema = ReportSchema.object(
        Dictionary(
            uniqueKeysWithValues: ["index", "code", "name", "file", "allocationBox", "followUpBox", "analysisBox"]
                .map { ($0, ReportSchema.scalar) }))

    /// `{columns: [text], rows: [{label, indented, cells: [text]}]}`.
    static func table(_ table: ReportTable) -> ReportValue {
        let rows = table.rows.map { row -> ReportValue in
            .object([
                "label": .text(ReportText.cell(row.label)), "indented": .flag(row.level > 0),
                "cells": .list(row.cells.map { .text(ReportText.cell($0)) }, element: .scalar),
            ])
        }
        let rowSchema = ReportSchema.object(["label": .scalar, "indented": .scalar, "cells": .list(.scalar)])
        return .object([
            "columns": .list(table.columns.map { .text(ReportText.cell($0)) }, element: .scalar),
            "rows": .list(rows, element: rowSchema),
        ])
    }

    /// `[{reason, n}]`.
    static func reasons(_ list: [ReasonCount]) -> ReportValue {
        .rows(list.map { ["reason": .text(ReportText.cell($0.reason)), "n": .text(String($0.count))] }, fields: ["reason", "n"])
    }

    /// `[{usubjid, test, visit, investigator, derived, reason}]`, `—` for a missing value.
    static func disagreements(_ list: [RecistDisagreement]) -> ReportValue {
        let fields = ["usubjid", "test", "visit", "investigator", "derived", "reason"]
        return .rows(
            list.map { d in
                let visit =
                    d.visitNumber.map { n in d.visit.isEmpty ? "VISITNUM \(ReportText.number(n))" : d.visit } ?? "best overall"
                return [
                    "usubjid": .text(d.usubjid), "test": .text(d.testCode), "visit": .text(ReportText.cell(visit)),
                    "investigator": .text(d.investigator.isEmpty ? "—" : ReportText.cell(d.investigator)),
                    "derived": .text(d.derived.isEmpty ? "—" : d.derived), "reason": .text(ReportText.cell(d.reason)),
                ]
            }, fields: fields)
    }
}
