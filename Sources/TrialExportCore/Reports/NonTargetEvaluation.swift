/// The non-target response at one assessment, from TUMSTATE, and the new lesions seen there.
struct NonTargetEvaluation {
    private(set) var response: RecistResponse
    private(set) var rationale: String

    /// TUMSTATE results meaning the lesion is gone (a node back to normal size counts as gone).
    static let goneStates: Set<String> = ["ABSENT", "NON-PATHOLOGICAL"]
    /// TUMSTATE results meaning the lesion was not assessed.
    static let unassessedStates: Set<String> = ["", "NE", "NOT EVALUABLE", "NOT DONE", "NOT ASSESSED"]

    init(nonTargets: [RecistLesion], visit: RecistVisitRecords) {
        var progressed: [String] = [], unassessed: [String] = [], present: [String] = []
        for lesion in nonTargets {
            let state = Self.state(of: lesion, at: visit)
            if state.contains("UNEQUIVOCAL") {
                progressed.append(lesion.id)
            } else if Self.unassessedStates.contains(state) {
                unassessed.append(lesion.id)
            } else if !Self.goneStates.contains(state) {
                present.append(lesion.id)
            }
        }
        if !progressed.isEmpty {
            (response, rationale) = (.pd, Self.list("non-target", progressed) + " unequivocal progression")
        } else if !unassessed.isEmpty {
            (response, rationale) = (.ne, Self.list("non-target", unassessed) + " not assessed")
        } else if present.isEmpty {
            (response, rationale) = (.cr, "all non-targets absent")
        } else {
            (response, rationale) = (.nonCRNonPD, Self.list("non-target", present) + " present")
        }
    }

    /// NEW lesions TU identifies at `visit` or TR shows present there, in id order.
    static func newLesions(_ lesions: [RecistLesion], visit: RecistVisitRecords) -> [String] {
        lesions.filter { lesion in
            if visit.identifiedNew.contains(lesion.id) { return true }
            guard visit.states[lesion.id] != nil else { return false }
            let state = state(of: lesion, at: visit)
            return !unassessedStates.contains(state) && !goneStates.contains(state)
        }.map(\.id)
    }

    private static func state(of lesion: RecistLesion, at visit: RecistVisitRecords) -> String {
        visit.notDone.contains(lesion.id) ? "NOT DONE" : visit.states[lesion.id] ?? ""
    }

    private static func list(_ noun: String, _ ids: [String]) -> String {
        (ids.count == 1 ? noun + " " : noun + "s ") + ids.joined(separator: ", ")
    }
}
