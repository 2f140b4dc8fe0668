/// Renders values the way a real EDC export shows them: mostly clean, now and then messy.
///
/// Every variant stays one a study CT map can normalise: case and surrounding white space,
/// `Grade 3` for `3`, ECOG grades with their description, responses spelled out, partial dates.
struct Messiness {
    let rates: SimulationProfile.Messiness
    let labels: SimulationProfile.Labels
    var rng: RandomSource

    /// A coded label with, rarely, changed case or a stray leading/trailing space.
    mutating func label(_ value: String) -> String {
        guard !value.isEmpty else { return value }
        var text = value
        if rng.chance(rates.caseRate) { text = rng.chance(0.5) ? text.lowercased() : text.uppercased() }
        if rng.chance(rates.whitespaceRate) { text = rng.chance(0.5) ? " " + text : text + " " }
        return text
    }

    mutating func yesNo(_ value: Bool) -> String { label(value ? "Yes" : "No") }

    /// A time, or blank now and then (times are often not entered).
    mutating func time(_ value: ClockTime?) -> String {
        guard let value, !rng.chance(rates.missingTimeRate) else { return "" }
        return value.text
    }

    /// A CTCAE grade, sometimes as `Grade 3`.
    mutating func grade(_ value: Int) -> String {
        rng.chance(rates.gradePrefixRate) ? "Grade \(value)" : String(value)
    }

    /// An ECOG grade, sometimes with its description.
    mutating func ecog(_ value: Int) -> String {
        guard value < labels.ecogDescriptions.count, rng.chance(rates.ecogDescriptionRate) else { return String(value) }
        return labels.ecogDescriptions[value]
    }

    /// A RECIST response code, sometimes spelled out.
    mutating func response(_ code: String) -> String {
        guard !code.isEmpty, rng.chance(rates.responseSpelledOutRate),
            let long = labels.responses.first(where: { $0.value == code })?.label
        else { return code }
        return label(long)
    }

    /// A date, sometimes with the day (or day and month) unknown.
    mutating func date(_ day: StudyDay?, partialRate: Double) -> String {
        guard let day else { return "" }
        guard rng.chance(partialRate) else { return day.edc }
        return rng.chance(0.75) ? day.edcMonthOnly : day.edcYearOnly
    }
}
