import Foundation
import TestSupport
import Testing
import TrialSimulator

/// Two weekly cuts, exported and diffed with the built binary: the diff is exactly what the generator logged.
@Suite(.serialized)
struct AsOfWeeklyCutTests {
    /// One diff entry of a dataset: added, removed or changed, for one subject.
    struct Entry {
        var dataset: String
        var kind: String
        var subject: String
        var key: [String: String]
        var changes: [(variable: String, old: String, new: String)]
    }

    static let study = "NCT05549466"

    /// Generates, exports and diffs the cuts `old` and `new`; returns the change log and the diff's entries.
    static func run(old: String, new: String) throws -> (log: ChangeLog, entries: [Entry]) {
        let base = TestPaths.temporaryDirectory("asof")
        let log = base.appendingPathComponent("changes.json")
        for (day, extra) in [(old, [String]()), (new, ["--since", old, "--change-log", log.path])] {
            let edc = base.appendingPathComponent("edc-\(day)").path
            let generated = try BinaryRunner.run(["generate", "--as-of", day, "--out", edc, "--quiet"] + extra)
            #expect(generated.status == 0, "\(generated.stderr)")
            let exported = try BinaryRunner.run([
                "export", "--raw", edc, "--out", base.appendingPathComponent("sdtm-\(day)").path, "--cutoff", day, "--quiet",
            ])
            #expect(exported.status == 0, "the cut of \(day) exports with no error finding: \(exported.stderr)")
        }
        let diff = try BinaryRunner.run([
            "diff", base.appendingPathComponent("sdtm-\(old)").path, base.appendingPathComponent("sdtm-\(new)").path, "--format",
            "json",
        ])
        #expect(diff.status == 1, "\(diff.stderr)")
        let changeLog = try JSONDecoder().decode(ChangeLog.self, from: Data(contentsOf: log))
        return (changeLog, try entries(Data(diff.stdout.utf8)))
    }

    static func entries(_ json: Data) throws -> [Entry] {
        let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect((root["datasetsAdded"] as? [Any])?.isEmpty == true && (root["datasetsRemoved"] as? [Any])?.isEmpty == true)
        var out: [Entry] = []
        for dataset in root["datasets"] as? [[String: Any]] ?? [] {
            let name = dataset["name"] as! String
            for kind in ["added", "removed", "changed"] {
                for record in dataset[kind] as? [[String: Any]] ?? [] {
                    let key = record["key"] as? [String: String] ?? [:]
                    let subject = key["USUBJID"].map { String($0.dropFirst(study.count + 1)) } ?? ""
                    let changes = (record["changes"] as? [[String: String]] ?? []).map {
                        ($0["variable"]!, $0["old"]!, $0["new"]!)
                    }
                    out.append(Entry(dataset: name, kind: kind, subject: subject, key: key, changes: changes))
                }
            }
        }
        return out
    }

    /// Forms with a logged change (record added or value changed) per subject.
    static func changedForms(_ log: ChangeLog) -> [String: Set<String>] {
        var forms: [String: Set<String>] = [:]
        for r in log.recordsAdded { forms[r.subject, default: []].insert(r.form) }
        for v in log.valuesChanged { forms[v.subject, default: []].insert(v.form) }
        return forms
    }

    @Test(arguments: [
        ("2023-06-01", "2023-06-08"), ("2023-06-08", "2023-06-15"), ("2023-10-19", "2023-10-26"), ("2023-02-16", "2023-02-23"),
    ])
    func diffOfTwoWeeklyExportsIsWhatTheGeneratorLogged(old: String, new: String) throws {
        let (log, entries) = try Self.run(old: old, new: new)
        #expect(log.since == old && log.asOf == new)
        #expect(log.recordsRemoved.isEmpty)
        checkEveryLoggedChangeIsInTheDiff(log, entries)
        checkEveryDiffEntryIsExplainedByTheLog(log, entries)
    }

    @Test func theCorrectionWeeksHoldEveryKindOfCorrection() throws {
        var kinds: Set<String> = []
        for (old, new) in [("2023-06-08", "2023-06-15"), ("2023-10-19", "2023-10-26"), ("2023-02-16", "2023-02-23")] {
            let out = TestPaths.temporaryDirectory("asof-log")
            let log = out.appendingPathComponent("log.json")
            let result = try BinaryRunner.run([
                "generate", "--as-of", new, "--since", old, "--change-log", log.path, "--out",
                out.appendingPathComponent("edc").path, "--quiet",
            ])
            #expect(result.status == 0)
            let changes = try JSONDecoder().decode(ChangeLog.self, from: Data(contentsOf: log))
            kinds.formUnion(changes.valuesChanged.compactMap(\.query))
        }
        #expect(kinds == ["adverseEventGrade", "adverseEventEndDate", "measurement", "missingTime"])
    }

    /// Completeness: each logged change shows in the SDTM diff as the table in `AsOfExpectations` says.
    private func checkEveryLoggedChangeIsInTheDiff(_ log: ChangeLog, _ entries: [Entry]) {
        for subject in log.subjectsAdded {
            #expect(
                entries.contains { $0.dataset == "DM" && $0.kind == "added" && $0.subject == subject },
                "new subject \(subject): DM added")
        }
        var expectedAdded: [String: Int] = [:]
        for r in log.recordsAdded {
            if let dataset = AsOfExpectations.oneToOne[r.form] { expectedAdded["\(dataset) \(r.subject)", default: 0] += 1 }
            for dataset in AsOfExpectations.domains[r.form] ?? []
            where !dataset.hasPrefix("SUPP") && dataset != "DM" && r.form != "death" {
                #expect(
                    entries.contains { $0.dataset == dataset && $0.kind == "added" && $0.subject == r.subject }
                        || r.form == "rand" && dataset == "DM"
                        || r.form == "ecog" || r.form == "bor", "\(r.form) \(r.subject) \(r.key): \(dataset) record added")
            }
        }
        for (label, count) in expectedAdded {
            let parts = label.split(separator: " ").map(String.init)
            let added = entries.filter {
                $0.dataset == parts[0] && $0.kind == "added" && $0.subject == parts[1] && $0.key["TRTESTCD"] != "SUMDIAM"
            }.count
            #expect(added == count, "\(label): \(count) records added in the EDC, \(added) in SDTM")
        }
        for v in log.valuesChanged {
            if let dataset = AsOfExpectations.anyEntry["\(v.form).\(v.column)"] {
                #expect(
                    entries.contains { $0.dataset == dataset && $0.subject == v.subject },
                    "\(v.form).\(v.column) \(v.subject): \(dataset) entry")
                continue
            }
            guard let target = AsOfExpectations.columns["\(v.form).\(v.column)"] else {
                Issue.record("no SDTM mapping in the test for \(v.form).\(v.column)")
                continue
            }
            let found = entries.contains { e in
                e.dataset == target.dataset && e.kind == "changed" && e.subject == v.subject
                    && e.changes.contains { $0.variable == target.variable && target.matches((v.old, v.new), ($0.old, $0.new)) }
            }
            #expect(
                found,
                "\(v.form).\(v.column) \(v.subject) \(v.key) \(v.old) -> \(v.new) (\(v.reason)): \(target.dataset).\(target.variable) changed"
            )
        }
    }

    /// Each new SUMDIAM record belongs to an assessment whose measurements were added.
    @Test func sumOfDiametersRecordsComeWithNewAssessments() throws {
        let (log, entries) = try Self.run(old: "2023-06-08", new: "2023-06-15")
        let assessments = Set(log.recordsAdded.filter { $0.form == "tm" }.map(\.subject))
        let sums = entries.filter { $0.dataset == "TR" && $0.kind == "added" && $0.key["TRTESTCD"] == "SUMDIAM" }
        #expect(!sums.isEmpty)
        for sum in sums { #expect(assessments.contains(sum.subject), "\(sum.key)") }
    }

    /// Soundness: every SDTM difference comes from a logged change of the same subject.
    private func checkEveryDiffEntryIsExplainedByTheLog(_ log: ChangeLog, _ entries: [Entry]) {
        let forms = Self.changedForms(log)
        let newSubjects = Set(log.subjectsAdded)
        for e in entries {
            if e.dataset == "TS" {
                #expect(
                    e.kind == "changed" && e.key["TSPARMCD"] == "ACTSUB" && !log.subjectsAdded.isEmpty
                        || e.key["TSPARMCD"] == "DCUTDTC",
                    "TS \(e.key)")
                continue
            }
            let sources = forms[e.subject] ?? []
            let feeding = sources.filter { AsOfExpectations.domains[$0]?.contains(e.dataset) == true }
            if e.kind != "changed" {
                #expect(
                    !feeding.isEmpty || newSubjects.contains(e.subject),
                    "\(e.dataset) \(e.kind) \(e.key): no logged change of \(e.subject) feeds it")
                if e.kind == "removed" {
                    #expect(
                        e.dataset == "RS" && sources.contains("bor") || e.dataset.hasPrefix("SUPP"),
                        "\(e.dataset) removed \(e.key)")
                }
                continue
            }
            for change in e.changes {
                let direct = log.valuesChanged.contains { v in
                    v.subject == e.subject
                        && AsOfExpectations.columns["\(v.form).\(v.column)"].map {
                            $0.dataset == e.dataset && $0.variable == change.variable
                        } == true
                }
                let derived = AsOfExpectations.derived.contains { rule in
                    !rule.forms.isDisjoint(with: sources) && (rule.dataset == nil || rule.dataset == e.dataset)
                        && rule.variables(change.variable)
                }
                let bestResponse = e.dataset == "RS" && sources.contains("bor")
                #expect(
                    direct || derived || bestResponse,
                    "\(e.dataset) \(e.key) \(change.variable): \(change.old) -> \(change.new) not explained by \(e.subject)'s logged changes \(sources.sorted())"
                )
            }
        }
    }
}
