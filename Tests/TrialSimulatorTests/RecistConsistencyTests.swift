import Testing

@testable import TrialSimulator

/// Re-derives RECIST 1.1 from the `tl`/`tm` rows, independently of the simulator's own rules.
@Suite struct RecistConsistencyTests {
    let export = Fixtures.defaultExport

    static func code(_ value: String?) -> String {
        let long = [
            "COMPLETE RESPONSE": "CR", "PARTIAL RESPONSE": "PR", "STABLE DISEASE": "SD", "PROGRESSIVE DISEASE": "PD",
            "NOT EVALUABLE": "NE",
        ]
        let v = norm(value)
        return long[v] ?? v
    }

    /// Overall response per `Subject FolderName`, from measurements only.
    func derivedResponses() -> [String: String] {
        var out: [String: String] = [:]
        let lesions = export.bySubject("tl")
        for (subject, rows) in export.bySubject("tm") {
            let node = Dictionary(uniqueKeysWithValues: lesions[subject]!.map { ($0["LESID"]!, norm($0["LESNODE"]) == "YES") })
            let visits = Dictionary(grouping: rows, by: { $0["FolderName"]! })
                .sorted { EDCDate($0.value[0]["TMDAT"]!)!.earliest < EDCDate($1.value[0]["TMDAT"]!)!.earliest }
            let targetIds = visits[0].value.map { $0["LESID"]! }.filter { $0.hasPrefix("T") }
            let sumOf = { (rows: [[String: String]]) in
                rows.filter { $0["LESID"]!.hasPrefix("T") }.compactMap { Int($0["TMDIAM"]!) }
            }
            let baseline = sumOf(visits[0].value).reduce(0, +)
            var nadir = baseline
            for (folder, rows) in visits.dropFirst() {
                let sizes = sumOf(rows), sum = sizes.reduce(0, +), complete = sizes.count == targetIds.count
                var target = "SD"
                let growth = Double(sum) >= 1.2 * Double(nadir) && sum - nadir >= 5
                if growth {
                    target = "PD"
                } else if !complete {
                    target = "NE"
                } else if rows.filter({ $0["LESID"]!.hasPrefix("T") }).allSatisfy({
                    node[$0["LESID"]!]! ? Int($0["TMDIAM"]!)! < 10 : $0["TMDIAM"] == "0"
                }) {
                    target = "CR"
                } else if Double(sum) <= 0.7 * Double(baseline) {
                    target = "PR"
                }
                if complete { nadir = min(nadir, sum) }
                let states = rows.filter { $0["LESID"]!.hasPrefix("NT") }.map { norm($0["TMSTATE"]) }
                let newLesion = rows.contains { $0["LESID"]!.hasPrefix("NEW") }
                var overall = target
                if newLesion || target == "PD" || states.contains("UNEQUIVOCAL PROGRESSION") {
                    overall = "PD"
                } else if target == "CR", !states.isEmpty, !states.allSatisfy({ $0 == "ABSENT" }) {
                    overall = "PR"
                }
                out["\(subject) \(folder)"] = overall
            }
        }
        return out
    }

    @Test func investigatorResponsesFollowRECISTExceptTheDeliberateDisagreements() {
        let derived = derivedResponses()
        var disagreements: [String] = []
        for row in export.records("rs") {
            let key = "\(row["Subject"]!) \(row["FolderName"]!)"
            #expect(derived[key] != nil, "\(key) has a response but no measurements")
            if derived[key] != Self.code(row["OVRLRESP"]) { disagreements.append(key) }
        }
        #expect(derived.count == export.records("rs").count)
        #expect((1...3).contains(disagreements.count))
        #expect(disagreements.sorted() == export.summary.investigatorDisagreements.sorted())
    }

    @Test func newLesionFlagMatchesNewLesionRows() {
        let tm = export.bySubject("tm")
        for row in export.records("rs") {
            let hasNew = tm[row["Subject"]!]!.contains { $0["FolderName"] == row["FolderName"] && $0["LESID"]!.hasPrefix("NEW") }
            #expect((norm(row["NEWLES"]) == "YES") == hasNew)
        }
    }

    @Test func baselineTargetsFollowRECISTSelectionRules() {
        let tm = export.bySubject("tm")
        for (subject, lesions) in export.bySubject("tl") {
            let targets = lesions.filter { norm($0["LESTYPE"]) == "TARGET" }
            #expect((1...5).contains(targets.count), "\(subject)")
            let organs = Dictionary(
                grouping: targets, by: { norm($0["LESLOC"]).hasSuffix("LYMPH NODE") ? "NODE" : norm($0["LESLOC"]) })
            #expect(organs.values.allSatisfy { $0.count <= 2 }, "\(subject)")
            for t in targets {
                let size = Int(tm[subject]!.first { $0["LESID"] == t["LESID"] && $0["FolderName"] == "Screening" }!["TMDIAM"]!)!
                #expect(size >= (norm(t["LESNODE"]) == "YES" ? 15 : 10), "\(subject) \(t["LESID"]!)")
            }
        }
    }

    @Test func objectiveResponseRateIsPlausible() {
        let responders = export.records("bor").filter { ["CR", "PR"].contains(Self.code($0["BESTRESP"])) }.count
        let rate = Double(responders) / 84
        #expect((0.15...0.5).contains(rate), "ORR \(rate)")
    }
}
