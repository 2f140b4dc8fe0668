/// Draws one subject's rows of each form, field by field in profile order.
struct GenericFormWriter {
    let profile: GenericProfile
    let subject: GenericSubject
    var rng: RandomSource
    /// Per-subject offsets of repeated numbers, by `form.item`, drawn at first use.
    private var offsets: [String: Double] = [:]

    init(profile: GenericProfile, subject: GenericSubject, rng: RandomSource) {
        self.profile = profile
        self.subject = subject
        self.rng = rng
    }

    /// What one row is about: its visit (if any) and its term (log forms).
    struct RowContext {
        var visit: (name: String, date: StudyDay)?
        var term: GenericProfile.Term?
        /// The row's number among the subject's rows of the form, from 1.
        var number = 1
        /// The end of the row's period (`periodEnd`).
        var periodEnd: StudyDay?
        /// Values and dates of the items drawn so far.
        var values: [String: String] = [:]
        var dates: [String: StudyDay] = [:]
    }

    mutating func rows(of form: GenericProfile.Form) -> [[String]] {
        if form.randomizedOnly == true, subject.arm == nil { return [] }
        switch form.kind {
        case .subject:
            return [row(form, RowContext(visit: subject.visits.first))]
        case .visit:
            let wanted = form.visits.map(Set.init)
            let visits = subject.visits.filter { wanted?.contains($0.name) ?? true }
            return visits.enumerated().map { i, visit in
                let end = i + 1 < visits.count ? visits[i + 1].date - 1 : (subject.lastDose ?? subject.endOfStudy)
                return row(form, RowContext(visit: visit, number: i + 1, periodEnd: max(end, visit.date)))
            }
        case .log:
            let counts = subject.arm.flatMap { form.countByArm?[$0] } ?? form.count ?? [0, 0]
            let terms = drawTerms(form.terms ?? [], count: rng.int(GenericValues.range(counts)))
            return terms.enumerated().map { i, term in row(form, RowContext(visit: nil, term: term, number: i + 1)) }
        }
    }

    /// `count` different terms, weighted, in the order drawn.
    private mutating func drawTerms(_ terms: [GenericProfile.Term], count: Int) -> [GenericProfile.Term] {
        var left = terms
        var out: [GenericProfile.Term] = []
        while out.count < count, !left.isEmpty {
            out.append(left.remove(at: rng.index(weights: left.map(\.weight))))
        }
        return out
    }

    private mutating func row(_ form: GenericProfile.Form, _ start: RowContext) -> [String] {
        var context = start
        var cells: [String] = []
        for field in form.fields {
            if let box = field.checkbox {
                cells += checkbox(box)
                continue
            }
            let value = fieldValue(field, form: form, context: &context)
            context.values[field.id] = value
            cells.append(value)
        }
        return cells
    }

    private mutating func fieldValue(_ field: GenericProfile.Field, form: GenericProfile.Form, context: inout RowContext)
        -> String
    {
        // Every draw happens whether or not the item ends up blank, so one blank item never shifts the others.
        let blank = rng.chance(field.blankRate ?? 0)
        var value = ""
        if let fixed = field.fixed {
            value = fixed
        } else if let name = field.value {
            value = system(name, context: context)
            value = field.labels?[value] ?? value
        } else if let choices = field.choices, !choices.isEmpty {
            value = GenericValues.weighted(choices, &rng)
        } else if let byArm = field.byArm {
            value = subject.arm.flatMap { byArm[$0] } ?? ""
        } else if let bySite = field.bySite {
            value = bySite[subject.site] ?? ""
        } else if let rule = field.number {
            value = number(rule, key: "\(form.name).\(field.id)", context: context)
        } else if let rule = field.date {
            value = date(rule, id: field.id, context: &context)
        }
        if blank { return "" }
        if let visits = field.onlyAt, !visits.contains(context.visit?.name ?? "") { return "" }
        if let test = field.blankWhen, context.values[test.field] == test.equals { return "" }
        return value
    }

    private mutating func number(_ rule: GenericProfile.NumberRule, key: String, context: RowContext) -> String {
        var offset = 0.0
        if let sd = rule.subjectSD {
            if offsets[key] == nil { offsets[key] = rng.normal(mean: 0, sd: sd) }
            offset = offsets[key]!
        }
        if let first = subject.firstDose, let date = context.visit?.date, date > first, let arm = subject.arm {
            offset += rule.shiftAfterFirstDose?[arm] ?? 0
        }
        let scale = rule.scaleBySite?[subject.site] ?? 1
        return GenericValues.text(GenericValues.number(rule, rng: &rng, offset: offset) * scale, decimals: rule.decimals ?? 0)
    }

    private mutating func date(_ rule: GenericProfile.DateRule, id: String, context: inout RowContext) -> String {
        var day: StudyDay?
        if let between = rule.between, between.count == 2, let a = anchor(between[0], context),
            let b = anchor(between[1], context)
        {
            day = a + rng.int(0...max(0, b - a))
        } else if let from = rule.from, let base = anchor(from, context) {
            day = base + rng.int(GenericValues.range(rule.days ?? [0]))
        }
        if let limit = rule.notAfter.flatMap({ anchor($0, context) }), let d = day, d > limit { day = limit }
        let unknownDay = rng.chance(rule.unknownDayRate ?? 0)
        guard let day else { return "" }
        context.dates[id] = day
        return GenericValues.date(day, format: profile.export.dateFormat, unknownDay: unknownDay)
    }

    /// A named date of the subject or row, or an earlier date item of the row.
    private func anchor(_ name: String, _ context: RowContext) -> StudyDay? {
        switch name {
        case "consent": return subject.consent
        case "screening": return subject.screening
        case "firstDose": return subject.firstDose
        case "visit": return context.visit?.date
        case "periodEnd": return context.periodEnd
        case "endOfStudy": return subject.endOfStudy
        case "lastDose": return subject.lastDose
        case "birth": return subject.birth
        default: return context.dates[name]
        }
    }

    /// A value of the subject or row (see ``GenericProfile/Field/value``).
    private func system(_ name: String, context: RowContext) -> String {
        switch name {
        case "subject": return subject.subject
        case "site": return subject.site
        case "visit": return context.visit?.name ?? ""
        case "arm": return subject.arm.flatMap { code in profile.arms.first { $0.code == code }?.label } ?? ""
        case "randomizationNumber": return subject.randomizationNumber ?? ""
        case "eligible": return subject.arm == nil ? "N" : "Y"
        case "disposition": return subject.disposition
        case "age": return String(subject.age)
        case "term": return context.term?.value ?? ""
        case "row": return String(context.number)
        default:
            guard name.hasPrefix("term.") else { return "" }
            return context.term?.attributes?[String(name.dropFirst(5))] ?? ""
        }
    }

    /// One ticked option (`1`), sometimes a second, the others `0`.
    private mutating func checkbox(_ box: GenericProfile.Checkbox) -> [String] {
        var ticks = Array(repeating: "0", count: box.options.count)
        guard !box.options.isEmpty else { return ticks }
        let first = rng.index(weights: box.options.map(\.weight))
        ticks[first] = "1"
        if rng.chance(box.secondRate ?? 0), box.options.count > 1 {
            ticks[(first + rng.int(1...(box.options.count - 1))) % box.options.count] = "1"
        }
        return ticks
    }
}
