/// A deliberate investigator call that differs from RECIST 1.1, as happens in real data.
enum InvestigatorDisagreement {
    /// Calls PR where the target sum fell 20-29% (RECIST: SD), or SD where it fell 30-35% (RECIST: PR), at the first such assessment.
    static func apply(to record: inout SubjectRecord) -> Bool {
        let baseline = record.lesions.filter { $0.kind == .target }.map(\.baselineMM).reduce(0, +)
        for i in record.assessments.indices.dropFirst() {
            let a = record.assessments[i]
            let sizes = a.diameters.compactMap(\.mm)
            guard sizes.count == a.diameters.count, a.overall == a.targetResponse else { continue }
            let sum = sizes.reduce(0, +)
            let flipped: String
            if a.targetResponse == "SD", sum * 10 <= baseline * 8 {
                flipped = "PR"
            } else if a.targetResponse == "PR", sum * 100 > baseline * 65 {
                flipped = "SD"
            } else {
                continue
            }
            record.assessments[i].targetResponse = flipped
            record.assessments[i].overall = flipped
            record.disagreement = a.folder
            return true
        }
        return false
    }
}
