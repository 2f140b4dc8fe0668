import Foundation
import TestSupport
import Testing
import TrialExportCore
import TrialExportIO

@testable import TrialSimulator

/// The generic generator on the second bundled study (DEMO-HTN-301): determinism, the course of
/// subjects, the vendor layout, and the profile checks.
@Suite struct GenericSimulatorTests {
    static let folder = TestPaths.repositoryRoot.appendingPathComponent("mappings/DEMO-HTN-301")
    static let study: StudyDefinition = try! StudyLoader.load(folder.appendingPathComponent("study.yaml").path)
    static let profile: GenericProfile = try! SpecFile.decode(
        GenericProfile.self, from: folder.appendingPathComponent("simulation.yaml").path)

    static func run(subjects: Int? = nil, seed: UInt64 = EDCSimulator.defaultSeed, profile: GenericProfile = profile) throws
        -> GenericExport
    {
        try GenericSimulator(study: study, profile: profile, subjects: subjects, seed: seed).run()
    }

    /// The records of the file whose name holds `_FORM_`, keyed by item id (line 2).
    static func records(_ export: GenericExport, _ form: String) -> [[String: String]] {
        let file = export.files.first { $0.name.contains("_\(form)_") }!
        let ids = file.rows[1]
        return file.rows.dropFirst(2).map { Dictionary(uniqueKeysWithValues: zip(ids, $0).map { ($0, $1) }) }
    }

    @Test func sameSeedSameRowsOtherSeedOtherRows() throws {
        let a = try Self.run(subjects: 30, seed: 5), b = try Self.run(subjects: 30, seed: 5),
            c = try Self.run(subjects: 30, seed: 6)
        #expect(a.files.map(\.rows) == b.files.map(\.rows))
        #expect(a.files.map(\.rows) != c.files.map(\.rows))
    }

    @Test func randomizesTheRequestedSubjectsInPermutedBlocks() throws {
        let export = try Self.run()
        #expect(export.randomized == 120 && export.screened > 120)
        let groups = Self.records(export, "RAND").map { $0["trtgrp"]! }
        #expect(Dictionary(grouping: groups, by: { $0 }).mapValues(\.count).values.sorted() == [60, 60])
        // Blocks of 4 with ratio 1:1: every block of 4 consecutive randomizations is balanced.
        for start in stride(from: 0, to: groups.count, by: 4) {
            #expect(
                Set(groups[start..<start + 4]).count == 2 && groups[start..<start + 4].filter { $0 == groups[start] }.count == 2)
        }
    }

    @Test func writesTheVendorLayout() throws {
        let export = try Self.run(subjects: 10)
        #expect(export.lineEnding == "\r\n" && !export.byteOrderMark)
        #expect(export.files.map(\.name).allSatisfy { $0.hasPrefix("DEMOHTN_") && $0.hasSuffix("_20241105_0930.csv") })
        let dm = export.files.first { $0.name.contains("_DM_") }!
        #expect(dm.rows[0].contains("Race (choice=White)") && dm.rows[1].contains("race___5"))
        for record in Self.records(export, "DM") {
            #expect(record["icdat"]!.wholeMatch(of: /\d\d\/\d\d\/\d{4}/) != nil, "\(record)")
            let ticks = (1...5).map { record["race___\($0)"]! }
            #expect(ticks.allSatisfy { $0 == "0" || $0 == "1" } && ticks.contains("1"))
        }
    }

    @Test func screenFailuresHaveOnlyScreeningAndTheSubjectsCourseIsInOrder() throws {
        let export = try Self.run(subjects: 40)
        let dm = Self.records(export, "DM")
        let failed = Set(dm.filter { $0["elig"] == "No" }.map { $0["subjid"]! })
        #expect(!failed.isEmpty)
        let vs = Self.records(export, "VS")
        #expect(vs.filter { failed.contains($0["subjid"]!) }.allSatisfy { $0["visit"] == "Screening" })
        #expect(Self.records(export, "RAND").allSatisfy { !failed.contains($0["subjid"]!) })
        #expect(Self.records(export, "EOS").filter { failed.contains($0["subjid"]!) }.allSatisfy { $0["lastdose"] == "" })
        func day(_ text: String) -> Int {
            let p = text.split(separator: "/").map { Int($0)! }
            return PartialDate.daysFromCivil(year: p[2], month: p[0], day: p[1])
        }
        for subject in Set(vs.map { $0["subjid"]! }) {
            let dates = vs.filter { $0["subjid"] == subject }.map { day($0["vsdat"]!) }
            #expect(dates == dates.sorted() && Set(dates).count == dates.count, "\(subject)")
        }
        // A kit runs from its visit to the day before the next, never backwards.
        for kit in Self.records(export, "EX") { #expect(day(kit["exstdat"]!) <= day(kit["exendat"]!), "\(kit)") }
        // An AE with an outcome of not recovered has no end date.
        #expect(
            Self.records(export, "AE").filter { $0["aeout"] == "Not recovered/Not resolved" }.allSatisfy { $0["aeendat"] == "" })
    }

    struct BadProfile: CustomTestStringConvertible, Sendable {
        let name: String
        let edit: @Sendable (inout GenericProfile) -> Void
        let key: String
        var testDescription: String { name }
    }

    static let badProfiles: [BadProfile] = [
        BadProfile(name: "unknown arm", edit: { $0.arms[0].code = "XYZ" }, key: "arms[0].code"),
        BadProfile(
            name: "unknown date anchor", edit: { $0.forms[0].fields[2].date?.from = "randomisation" }, key: "forms[0].fields[2]"),
        BadProfile(name: "two value sources", edit: { $0.forms[0].fields[0].fixed = "x" }, key: "forms[0].fields[0]"),
        BadProfile(name: "unknown date format", edit: { $0.export.dateFormat = "MM-DD-YY" }, key: "export.dateFormat"),
        BadProfile(name: "no end-of-study visit", edit: { $0.visits[6].endOfStudy = nil }, key: "visits"),
        BadProfile(name: "not illustrative", edit: { $0.illustrative = false }, key: "illustrative"),
    ]

    @Test(arguments: badProfiles) func rejectsAProfileNamingTheKey(_ bad: BadProfile) throws {
        var profile = Self.profile
        bad.edit(&profile)
        #expect {
            try Self.run(subjects: 2, profile: profile)
        } throws: { error in
            guard case GenericProfileError.invalid(let key, _) = error else { return false }
            return key.hasPrefix(bad.key)
        }
    }
}
