/// RECIST 1.1 responses from measurements, as the simulated investigator applies them.
///
/// PR: sum of diameters at most 70% of baseline; PD: sum at least 120% of the nadir and at
/// least 5 mm above it; CR: every non-nodal target 0 mm and every nodal target below 10 mm.
enum RecistRules {
    /// Target response for `diameters` (nil = not done) given the baseline sum and the nadir so far.
    static func targetResponse(diameters: [Int?], nodes: [Bool], baseline: Int, nadir: Int) -> String {
        let known = diameters.compactMap { $0 }
        let sum = known.reduce(0, +)
        let progressed = sum * 10 >= nadir * 12 && sum - nadir >= 5
        if known.count < diameters.count { return progressed ? "PD" : "NE" }
        if progressed { return "PD" }
        let complete = zip(diameters, nodes).allSatisfy { d, node in node ? d! < 10 : d! == 0 }
        if complete { return "CR" }
        if sum * 10 <= baseline * 7 { return "PR" }
        return "SD"
    }

    /// Non-target response from lesion states; "" when the subject has no non-target lesion.
    static func nonTargetResponse(states: [String]) -> String {
        if states.isEmpty { return "" }
        if states.contains("Unequivocal progression") { return "PD" }
        if states.allSatisfy({ $0 == "Absent" }) { return "CR" }
        return "Non-CR/Non-PD"
    }

    /// Overall response from target, non-target and new-lesion results.
    static func overall(target: String, nonTarget: String, newLesion: Bool) -> String {
        if newLesion || target == "PD" || nonTarget == "PD" { return "PD" }
        switch target {
        case "CR": return nonTarget == "" || nonTarget == "CR" ? "CR" : "PR"
        case "PR", "SD", "NE": return target
        default: return "NE"
        }
    }

    /// Best overall response with confirmation (CR/PR confirmed >= 28 days later; SD >= `minimumSDDays`
    /// after first dose), from responses in date order up to the first PD.
    static func best(responses: [(day: StudyDay, overall: String)], firstDose: StudyDay, minimumSDDays: Int) -> (
        day: StudyDay, response: String
    )? {
        guard let last = responses.last else { return nil }
        var sd: StudyDay?
        for (i, r) in responses.enumerated() {
            let later = responses[(i + 1)...].filter { $0.day - r.day >= 28 }.map(\.overall)
            if r.overall == "CR", later.contains("CR") { return (r.day, "CR") }
            if r.overall == "PD" { break }
            if sd == nil, ["CR", "PR", "SD", "Non-CR/Non-PD"].contains(r.overall), r.day - firstDose >= minimumSDDays {
                sd = r.day
            }
        }
        for (i, r) in responses.enumerated() where r.overall == "PR" || r.overall == "CR" {
            if responses[(i + 1)...].contains(where: { $0.day - r.day >= 28 && ($0.overall == "PR" || $0.overall == "CR") }) {
                return (r.day, "PR")
            }
        }
        if let sd { return (sd, "SD") }
        if let pd = responses.first(where: { $0.overall == "PD" }) { return (pd.day, "PD") }
        return (last.day, "NE")
    }
}
