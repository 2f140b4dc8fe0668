/// The sections of one arm's report context.
extension ReportModel {
    func armFields(_ arm: ArmSummary) -> [String: ReportValue] {
        [
            "code": .text(arm.code), "name": .text(arm.name),
            "flow": flowColumn(arm.flow),
            "baseline": baseline(arm.baseline),
            "exposure": exposure(arm.exposure, treated: arm.flow.analysed),
            "efficacy": efficacy(arm.efficacy),
            "safety": safety(arm.safety),
            "disagreementCount": .text(String(arm.disagreements.count)),
            "disagreements": Self.disagreements(arm.disagreements),
        ]
    }

    /// The arm's column of the flow table: `[{label, n, indented}]`.
    private func flowColumn(_ flow: ArmFlow) -> ReportValue {
        let table = TrialReport.flowRows(of: flow)
        return .rows(
            table.map { ["label": .text(ReportText.cell($0.label)), "n": .text($0.cells[0]), "indented": .flag($0.level > 0)] },
            fields: ["label", "n", "indented"])
    }

    private func baseline(_ b: BaselineSummary) -> ReportValue {
        func categories(_ list: [ReasonCount]) -> ReportValue {
            .rows(
                list.map {
                    ["label": .text(ReportText.cell($0.reason)), "n": .text(ReportText.count($0.count, of: b.subjects))]
                },
                fields: ["label", "n"])
        }
        return .object([
            "n": .text(String(b.subjects)), "age": .text(ReportText.medianRange(b.ages)),
            "agesKnown": .text(String(b.ages.count)), "sex": categories(b.sex), "ecog": categories(b.ecog),
        ])
    }

    private func exposure(_ e: ExposureSummary, treated: Int) -> ReportValue {
        func adjustment(_ a: ExposureSummary.Adjustment) -> ReportValue { .text("\(a.subjects) (\(a.records) records)") }
        let drugs = e.drugs.map { d -> [String: ReportValue] in
            [
                "drug": .text(d.drug), "subjects": .text(String(d.subjects)), "reductions": adjustment(d.reductions),
                "interruptions": adjustment(d.interruptions), "other": adjustment(d.otherAdjustments),
            ]
        }
        return .object([
            "n": .text(String(treated)), "withRecords": .text(String(e.cyclesStarted.count)),
            "cycles": .text(ReportText.medianRange(e.cyclesStarted)),
            "cyclesTotal": .text(String(e.cyclesStarted.reduce(0, +))),
            "duration": .text(ReportText.medianRange(e.durationDays)), "durationKnown": .text(String(e.durationDays.count)),
            "drugs": .rows(drugs, fields: ["drug", "subjects", "reductions", "interruptions", "other"]),
        ])
    }

    private func efficacy(_ e: EfficacySummary) -> ReportValue {
        var responses = EfficacySummary.categories.map { category -> [String: ReportValue] in
            [
                "label": .text(category.rawValue),
                "investigator": .text(ReportText.count(e.investigator[category] ?? 0, of: e.subjects)),
                "derived": .text(ReportText.count(e.derived[category] ?? 0, of: e.subjects)),
            ]
        }
        responses.append([
            "label": .text("Not evaluated"), "investigator": .text(ReportText.count(e.investigatorNotEvaluated, of: e.subjects)),
            "derived": .text(ReportText.count(e.derivedNotEvaluated, of: e.subjects)),
        ])
        return .object([
            "n": .text(String(e.subjects)),
            "responses": .rows(responses, fields: ["label", "investigator", "derived"]),
            "orr": .text(ReportText.rate(e.investigatorORR)), "dcr": .text(ReportText.rate(e.investigatorDCR)),
            "orrDetail": .text(ReportText.rateWithCounts(e.investigatorORR)),
            "dcrDetail": .text(ReportText.rateWithCounts(e.investigatorDCR)),
            "derivedOrr": .text(ReportText.rate(e.derivedORR)), "derivedDcr": .text(ReportText.rate(e.derivedDCR)),
            "derivedOrrDetail": .text(ReportText.rateWithCounts(e.derivedORR)),
            "derivedDcrDetail": .text(ReportText.rateWithCounts(e.derivedDCR)),
        ])
    }

    private func safety(_ s: SafetySummary) -> ReportValue {
        let lines = report.safetyLines.map { label, value -> [String: ReportValue] in
            ["label": .text(label), "n": .text(ReportText.count(value(s), of: s.subjects))]
        }
        let terms = s.frequentTerms.map { t -> [String: ReportValue] in
            [
                "term": .text(ReportText.cell(t.term)), "anyGrade": .text(ReportText.count(t.anyGrade, of: s.subjects)),
                "gradeThreeOrMore": .text(ReportText.count(t.gradeThreeOrMore, of: s.subjects)),
            ]
        }
        return .object([
            "n": .text(String(s.subjects)), "lines": .rows(lines, fields: ["label", "n"]),
            "terms": .rows(terms, fields: ["term", "anyGrade", "gradeThreeOrMore"]),
            "termCount": .text(String(s.frequentTerms.count)),
            "anyLabel": .text(report.definitions.severe.anyLabel), "severeLabel": .text(report.definitions.severe.severeLabel),
        ])
    }
}
