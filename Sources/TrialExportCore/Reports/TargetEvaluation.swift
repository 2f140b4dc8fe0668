/// The target response at one assessment, from the sum of diameters (nodes by short axis).
struct TargetEvaluation {
    typealias T = RecistThresholds
    private(set) var response: RecistResponse = .ne
    /// The complete sum of diameters; nil when a target was not measured.
    private(set) var sum: Double?
    private(set) var rationale = ""

    /// The sum of all target sizes at `visit`, nil when any is missing.
    static func completeSum(of targets: [RecistLesion], at visit: RecistVisitRecords) -> Double? {
        var total = 0.0
        for lesion in targets {
            guard let size = visit.size(of: lesion) else { return nil }
            total += size
        }
        return targets.isEmpty ? nil : total
    }

    init(targets: [RecistLesion], visit: RecistVisitRecords, baselineSum: Double?, nadir: Double?) {
        var measured: [(RecistLesion, Double)] = [], missing: [String] = []
        for lesion in targets {
            if let size = visit.size(of: lesion) { measured.append((lesion, size)) } else { missing.append(lesion.id) }
        }
        let partial = measured.reduce(0.0) { $0 + $1.1 }
        guard missing.isEmpty else {
            evaluateIncomplete(partial: measured.isEmpty ? nil : partial, missing: missing, nadir: nadir)
            return
        }
        sum = partial
        guard let baselineSum, let nadir else {
            rationale = "SoD \(RecistText.mm(partial)), but the baseline sum of diameters is incomplete"
            return
        }
        evaluateComplete(measured: measured, sum: partial, baselineSum: baselineSum, nadir: nadir)
    }

    /// PD when the measured lesions alone prove it; NE otherwise.
    private mutating func evaluateIncomplete(partial: Double?, missing: [String], nadir: Double?) {
        let what = (missing.count == 1 ? "target " : "targets ") + missing.joined(separator: ", ") + " not measured"
        guard let partial else {
            (response, rationale) = (.ne, what)
            return
        }
        if let nadir, Self.provesProgression(partial, nadir: nadir) {
            response = .pd
            rationale = "measured SoD \(RecistText.mm(partial)) (\(what)) is \(Self.increase(partial, nadir: nadir))"
        } else {
            response = .ne
            let proof =
                nadir.map { "; measured SoD \(RecistText.mm(partial)) does not prove PD over nadir \(RecistText.mm($0))" } ?? ""
            rationale = what + proof
        }
    }

    private mutating func evaluateComplete(measured: [(RecistLesion, Double)], sum: Double, baselineSum: Double, nadir: Double) {
        let nodes = measured.filter { $0.0.isLymphNode }, others = measured.filter { !$0.0.isLymphNode }
        let othersGone = others.allSatisfy { $0.1 <= T.tolerance }
        let enlargedNodes = nodes.filter { $0.1 >= T.normalNodeShortAxisMM - T.tolerance }
        if othersGone && enlargedNodes.isEmpty {
            response = .cr
            rationale = Self.completeResponseText(others: others, nodes: nodes)
        } else if Self.provesProgression(sum, nadir: nadir) {
            response = .pd
            rationale = "SoD \(RecistText.mm(sum)) is \(Self.increase(sum, nadir: nadir))"
        } else {
            response = sum <= baselineSum * (1 - T.partialResponseDecrease) + T.tolerance * max(1, baselineSum) ? .pr : .sd
            rationale = Self.changeText(sum, baselineSum: baselineSum, nadir: nadir)
            if othersGone, let node = enlargedNodes.first {
                rationale +=
                    "; node \(node.0.id) \(RecistText.mm(node.1)) (not < \(RecistText.mm(T.normalNodeShortAxisMM))): not CR"
            }
        }
    }

    /// PD: at least 20% and at least 5 mm over the nadir.
    static func provesProgression(_ sum: Double, nadir: Double) -> Bool {
        let increase = sum - nadir
        return increase >= nadir * T.progressionRelativeIncrease - T.tolerance * max(1, nadir)
            && increase >= T.progressionAbsoluteIncreaseMM - T.tolerance
    }

    /// `+25% (+14 mm) over nadir 56 mm`.
    static func increase(_ sum: Double, nadir: Double) -> String {
        let absolute = "\(RecistText.signed(sum - nadir)) mm"
        let change = nadir > 0 ? "\(RecistText.percent((sum - nadir) / nadir)) (\(absolute))" : absolute
        return "\(change) over nadir \(RecistText.mm(nadir))"
    }

    /// `SoD 41 mm is -28.1% from baseline 57 mm`, with the change over the nadir when the sum rose from it.
    static func changeText(_ sum: Double, baselineSum: Double, nadir: Double) -> String {
        let fromBaseline = baselineSum > 0 ? RecistText.percent((sum - baselineSum) / baselineSum) : "n/a"
        var text = "SoD \(RecistText.mm(sum)) is \(fromBaseline) from baseline \(RecistText.mm(baselineSum))"
        if sum > nadir + T.tolerance { text += ", " + increase(sum, nadir: nadir) }
        return text
    }

    static func completeResponseText(others: [(RecistLesion, Double)], nodes: [(RecistLesion, Double)]) -> String {
        var parts: [String] = []
        if !others.isEmpty { parts.append("all non-nodal targets 0 mm") }
        if let largest = nodes.max(by: { $0.1 < $1.1 }) {
            parts.append(
                "every target node < \(RecistText.mm(T.normalNodeShortAxisMM)) (largest \(largest.0.id) \(RecistText.mm(largest.1)))"
            )
        }
        return parts.joined(separator: ", ")
    }
}
