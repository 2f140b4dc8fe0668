import TrialExportCore

/// Checks a generic profile against its study before anything is generated: each problem names
/// the key and says what is expected.
struct GenericProfileCheck {
    let study: StudyDefinition
    let profile: GenericProfile

    static let systemValues: Set<String> = [
        "subject", "site", "visit", "arm", "randomizationNumber", "eligible", "disposition", "age", "term", "row",
    ]
    static let anchors: Set<String> = [
        "consent", "screening", "firstDose", "visit", "periodEnd", "endOfStudy", "lastDose", "birth",
    ]

    func run() throws {
        try require(profile.generator == "generic", "generator", "must be `generic` for this generator")
        try require(profile.illustrative, "illustrative", "must be true: the generated figures are invented")
        try require(
            GenericValues.dateFormats.contains(profile.export.dateFormat), "export.dateFormat",
            "\"\(profile.export.dateFormat)\" is not one of \(GenericValues.dateFormats.sorted().joined(separator: ", "))")
        try require(["crlf", "lf"].contains(profile.export.lineEnding), "export.lineEnding", "must be crlf or lf")
        try require(
            profile.export.fileName.contains("{FORM}"), "export.fileName", "must hold {FORM}, or every form would write one file")
        let arms = Set(study.arms.map(\.code))
        for (i, arm) in profile.arms.enumerated() {
            try require(arms.contains(arm.code), "arms[\(i)].code", "\"\(arm.code)\" is not an arm of study.yaml")
        }
        let sites = Set(study.sites.map(\.id))
        for (i, site) in (profile.sites ?? []).enumerated() {
            try require(sites.contains(site.value), "sites[\(i)].value", "\"\(site.value)\" is not a site of study.yaml")
        }
        let visits = profile.visits.map(\.name)
        try require(visits.count >= 2, "visits", "needs screening and at least one more visit")
        try require(visits.contains(profile.firstDoseVisit), "firstDoseVisit", "\"\(profile.firstDoseVisit)\" is not a visit")
        try require(
            profile.visits.filter { $0.endOfStudy == true }.map(\.name) == [visits.last!], "visits",
            "the last visit, and only it, must have `endOfStudy: true`")
        for (f, form) in profile.forms.enumerated() { try check(form, at: "forms[\(f)]", visits: Set(visits)) }
    }

    private func check(_ form: GenericProfile.Form, at key: String, visits: Set<String>) throws {
        for visit in form.visits ?? [] { try require(visits.contains(visit), "\(key).visits", "\"\(visit)\" is not a visit") }
        if form.kind == .log {
            try require(!(form.terms ?? []).isEmpty, "\(key).terms", "a log form draws its rows' terms from `terms`")
            try require(form.count != nil || form.countByArm != nil, "\(key).count", "a log form needs `count: [min, max]`")
        }
        var earlier = Set<String>()
        var dates = Set<String>()
        for (i, field) in form.fields.enumerated() {
            let at = "\(key).fields[\(i)] (\(field.id))"
            let sources = [
                field.value != nil, field.fixed != nil, field.choices != nil, field.byArm != nil, field.bySite != nil,
                field.number != nil,
                field.date != nil, field.checkbox != nil,
            ]
            try require(
                sources.filter { $0 }.count == 1, at,
                "give exactly one of value, fixed, choices, byArm, bySite, number, date, checkbox")
            if let name = field.value {
                try require(
                    Self.systemValues.contains(name) || name.hasPrefix("term."), "\(at).value",
                    "\"\(name)\" is not one of \(Self.systemValues.sorted().joined(separator: ", ")) or term.NAME")
            }
            if let rule = field.date {
                for name in (rule.between ?? []) + [rule.from, rule.notAfter].compactMap({ $0 }) {
                    try require(
                        Self.anchors.contains(name) || dates.contains(name), "\(at).date",
                        "\"\(name)\" is neither one of \(Self.anchors.sorted().joined(separator: ", ")) nor an earlier date item")
                }
                try require(
                    rule.from != nil || rule.between?.count == 2, "\(at).date", "give `from` (with `days`) or `between: [A, B]`")
                dates.insert(field.id)
            }
            if let test = field.blankWhen {
                try require(
                    earlier.contains(test.field), "\(at).blankWhen", "\"\(test.field)\" is not an earlier item of the form")
            }
            for visit in field.onlyAt ?? [] { try require(visits.contains(visit), "\(at).onlyAt", "\"\(visit)\" is not a visit") }
            earlier.insert(field.id)
        }
    }

    private func require(_ condition: Bool, _ key: String, _ detail: String) throws {
        if !condition { throw GenericProfileError.invalid(key, detail) }
    }
}
