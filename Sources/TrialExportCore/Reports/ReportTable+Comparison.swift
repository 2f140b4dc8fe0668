/// The side-by-side table of the arms (consort.md and the workbook's Summary sheet).
extension TrialReport {
    public var comparisonTable: ReportTable {
        var rows: [ReportTable.Row] = []
        func line(_ label: String, level: Int = 0, _ value: (ArmSummary) -> String) {
            rows.append(ReportTable.Row(label: label, level: level, cells: arms.map(value)))
        }
        line("Allocated (randomized)") { String($0.flow.allocated) }
        line("Analysed (randomized and treated)") { String($0.flow.analysed) }
        line("Age, median (range)") { ReportText.medianRange($0.baseline.ages) }
        categories("Sex", \.baseline.sex, total: \.baseline.subjects, into: &rows)
        if hasRecist { categories("ECOG at baseline", \.baseline.ecog, total: \.baseline.subjects, into: &rows) }
        if hasCycles { line("Cycles started, median (range)") { ReportText.medianRange($0.exposure.cyclesStarted) } }
        line("Treatment duration in days, median (range)") { ReportText.medianRange($0.exposure.durationDays) }
        line("Dose reductions (records)") { String($0.exposure.drugs.reduce(0) { $0 + $1.reductions.records }) }
        line("Dose interruptions (records)") { String($0.exposure.drugs.reduce(0) { $0 + $1.interruptions.records }) }
        if hasRecist {
            line("Best overall response (investigator)") { _ in "" }
            for category in EfficacySummary.categories {
                line(category.rawValue, level: 1) {
                    ReportText.count($0.efficacy.investigator[category] ?? 0, of: $0.efficacy.subjects)
                }
            }
            line("Not evaluated", level: 1) { ReportText.count($0.efficacy.investigatorNotEvaluated, of: $0.efficacy.subjects) }
            line("ORR, investigator (95% CI)") { ReportText.rate($0.efficacy.investigatorORR) }
            line("DCR, investigator (95% CI)") { ReportText.rate($0.efficacy.investigatorDCR) }
            line("ORR, derived from TU/TR (95% CI)") { ReportText.rate($0.efficacy.derivedORR) }
            line("DCR, derived from TU/TR (95% CI)") { ReportText.rate($0.efficacy.derivedDCR) }
        }
        for (label, value) in safetyLines {
            line(label) { ReportText.count(value($0.safety), of: $0.safety.subjects) }
        }
        if hasRecist { line("RECIST disagreements (investigator vs derived)") { String($0.disagreements.count) } }
        return ReportTable(columns: ["Characteristic"] + arms.map(\.code), rows: rows)
    }

    /// The safety lines, in report order (the severe line as the study's definitions word it).
    var safetyLines: [(String, @Sendable (SafetySummary) -> Int)] {
        [
            ("Any adverse event", \.anyAE),
            ("Treatment-emergent AE", \.treatmentEmergent),
            (definitions.severe.label, \.gradeThreeOrMore),
            ("Serious TEAE", \.serious),
            ("TEAE leading to discontinuation", \.leadingToDiscontinuation),
            ("Fatal TEAE", \.fatal),
        ]
    }

    /// True when some subject started a treatment cycle (EX.VISIT `CYCLE n ...`): only then are cycles reported.
    public var hasCycles: Bool { arms.contains { arm in arm.exposure.cyclesStarted.contains { $0 > 0 } } }

    /// A heading line and one line per category seen in any arm, as `n (%)`.
    private func categories(
        _ heading: String, _ list: (ArmSummary) -> [ReasonCount], total: (ArmSummary) -> Int,
        into rows: inout [ReportTable.Row]
    ) {
        rows.append(ReportTable.Row(label: heading, cells: arms.map { _ in "" }))
        var seen: [String] = []
        for arm in arms { for item in list(arm) where !seen.contains(item.reason) { seen.append(item.reason) } }
        let ordered = BaselineSummary.ordered(seen.map { ReasonCount(reason: $0, count: 0) }, first: ["M", "F"]).map(\.reason)
        for category in ordered {
            rows.append(
                ReportTable.Row(
                    label: category, level: 1,
                    cells: arms.map { arm in
                        ReportText.count(list(arm).first { $0.reason == category }?.count ?? 0, of: total(arm))
                    }))
        }
    }
}
