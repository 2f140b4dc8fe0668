/// TI: one row per inclusion or exclusion criterion; IETEST at most 200 characters.
extension TrialDesignBuilder {
    func trialInclusionExclusion() -> DesignTable? {
        guard var table = table("TI") else { return nil }
        let categories = [("INCLUSION", study.criteria.inclusion), ("EXCLUSION", study.criteria.exclusion)]
        for (category, criteria) in categories {
            checkTerm(category, codelist: "IECAT", domain: "TI", variable: "IECAT")
            for criterion in criteria {
                table.append([
                    "IETESTCD": criterion.id, "IETEST": testText(criterion), "IECAT": category,
                    "TIVERS": study.protocolVersion ?? "",
                ])
            }
        }
        return table
    }

    /// IETEST: the short text when given, else the text; cut to 200 characters with a finding.
    func testText(_ criterion: StudyDefinition.Criterion) -> String {
        let text = criterion.shortText ?? criterion.text
        guard text.count > 200 else { return text }
        findings.report(.valueTooLong(domain: "TI", variable: "IETEST", key: criterion.id, length: text.count))
        return String(text.prefix(200))
    }
}
