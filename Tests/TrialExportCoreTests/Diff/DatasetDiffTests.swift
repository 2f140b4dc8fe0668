import Testing
import TrialExportCore

struct DatasetDiffTests {
    typealias F = DiffFixtures

    @Test func identicalVersionsHaveNoDifferences() {
        let diff = DatasetDiff.compare(old: F.aeOld, new: F.aeOld, metadata: F.ae)
        #expect(diff.isIdentical)
        #expect(diff.name == "AE")
        #expect(diff.matching == .naturalKeys)
        #expect(diff.keys == ["STUDYID", "USUBJID", "AEDECOD", "AESTDTC"])
        #expect(diff.sequenceVariable == "AESEQ")
        #expect(diff.oldRecords == 3 && diff.newRecords == 3)
        #expect(diff.notes.isEmpty)
    }

    @Test func changedValueIsListedWithKeyAndOldAndNewValues() {
        let new = F.table(
            "ae",
            [
                F.aeHeader,
                "S1,AE,S1-001,1,HEADACHE,2024-01-02,MODERATE",
                "S1,AE,S1-001,2,NAUSEA,2024-01-03,MILD",
                "S1,AE,S1-002,1,FATIGUE,2024-01-05,",
            ])
        let diff = DatasetDiff.compare(old: F.aeOld, new: new, metadata: F.ae)
        #expect(!diff.isIdentical)
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
        #expect(
            diff.changed == [
                RecordChange(
                    key: ["S1", "S1-001", "HEADACHE", "2024-01-02"], oldLine: 2, newLine: 2,
                    changes: [ValueChange(variable: "AESEV", old: "MILD", new: "MODERATE")]),
                RecordChange(
                    key: ["S1", "S1-002", "FATIGUE", "2024-01-05"], oldLine: 4, newLine: 4,
                    changes: [ValueChange(variable: "AESEV", old: "SEVERE", new: "")]),
            ])
    }

    @Test func addedAndRemovedRecordsCarryKeyLineAndValues() {
        let new = F.table(
            "ae",
            [
                F.aeHeader,
                "S1,AE,S1-001,1,HEADACHE,2024-01-02,MILD",
                "S1,AE,S1-001,2,NAUSEA,2024-01-03,MILD",
                "S1,AE,S1-003,1,RASH,2024-02-01,MILD",
            ])
        let diff = DatasetDiff.compare(old: F.aeOld, new: new, metadata: F.ae)
        #expect(diff.changed.isEmpty)
        #expect(diff.added.map(\.key) == [["S1", "S1-003", "RASH", "2024-02-01"]])
        #expect(diff.added.first?.line == 4)
        #expect(diff.added.first?.values.map(\.variable) == F.aeHeader.split(separator: ",").map(String.init))
        #expect(diff.added.first?.values.map(\.value).last == "MILD")
        #expect(diff.removed.map(\.key) == [["S1", "S1-002", "FATIGUE", "2024-01-05"]])
        #expect(diff.removed.first?.line == 4)
    }

    @Test func renumberedSequenceIsNoChange() {
        let new = F.table(
            "ae",
            [
                F.aeHeader,
                "S1,AE,S1-002,1,FATIGUE,2024-01-05,SEVERE",
                "S1,AE,S1-001,1,NAUSEA,2024-01-03,MILD",
                "S1,AE,S1-001,2,HEADACHE,2024-01-02,MILD",
            ])
        let diff = DatasetDiff.compare(old: F.aeOld, new: new, metadata: F.ae)
        #expect(diff.isIdentical)
        #expect(diff.sequenceRenumbered == 2)
    }

    @Test func sequenceChangesAreListedWhenAsked() {
        let new = F.table(
            "ae",
            [
                F.aeHeader,
                "S1,AE,S1-001,2,HEADACHE,2024-01-02,MILD",
                "S1,AE,S1-001,1,NAUSEA,2024-01-03,MILD",
                "S1,AE,S1-002,1,FATIGUE,2024-01-05,SEVERE",
            ])
        let diff = DatasetDiff.compare(old: F.aeOld, new: new, metadata: F.ae, options: DiffOptions(compareSequence: true))
        #expect(
            diff.changed.map(\.changes) == [
                [ValueChange(variable: "AESEQ", old: "1", new: "2")],
                [ValueChange(variable: "AESEQ", old: "2", new: "1")],
            ])
        #expect(diff.sequenceRenumbered == 0)
    }

    @Test func duplicateKeysPairIdenticalRecordsFirstThenInOrder() {
        let old = F.table(
            "ae",
            [
                F.aeHeader,
                "S1,AE,S1-001,1,HEADACHE,2024-01-02,MILD",
                "S1,AE,S1-001,2,HEADACHE,2024-01-02,MODERATE",
                "S1,AE,S1-001,3,HEADACHE,2024-01-02,SEVERE",
            ])
        // The first record is dropped, the third changes: identical MODERATE pairs first.
        let new = F.table(
            "ae",
            [
                F.aeHeader,
                "S1,AE,S1-001,1,HEADACHE,2024-01-02,MODERATE",
                "S1,AE,S1-001,2,HEADACHE,2024-01-02,LIFE THREATENING",
            ])
        let diff = DatasetDiff.compare(old: old, new: new, metadata: F.ae)
        #expect(diff.duplicateKeys == 1)
        #expect(diff.notes.contains { $0.contains("more than one record") })
        #expect(
            diff.changed == [
                RecordChange(
                    key: ["S1", "S1-001", "HEADACHE", "2024-01-02"], oldLine: 2, newLine: 3,
                    changes: [ValueChange(variable: "AESEV", old: "MILD", new: "LIFE THREATENING")])
            ])
        #expect(diff.removed.map(\.line) == [4])
        #expect(diff.added.isEmpty)
    }

    @Test func duplicateKeysOnlyInOldAreCounted() {
        let old = F.table(
            "ae",
            [
                F.aeHeader,
                "S1,AE,S1-009,1,RASH,2024-01-02,MILD",
                "S1,AE,S1-009,2,RASH,2024-01-02,MILD",
            ])
        let new = F.table("ae", [F.aeHeader])
        let diff = DatasetDiff.compare(old: old, new: new, metadata: F.ae)
        #expect(diff.duplicateKeys == 1)
        #expect(diff.removed.map(\.line) == [2, 3])
    }

    @Test func addedAndRemovedColumnsAreReportedAndSharedColumnsCompared() {
        let new = F.table(
            "ae",
            [
                "STUDYID,DOMAIN,USUBJID,AESEQ,AEDECOD,AESTDTC,AESER",
                "S1,AE,S1-001,1,HEADACHE,2024-01-02,N",
                "S1,AE,S1-001,2,NAUSEA,2024-01-03,N",
                "S1,AE,S1-002,1,FATIGUE,2024-01-05,Y",
            ])
        let diff = DatasetDiff.compare(old: F.aeOld, new: new, metadata: F.ae)
        #expect(diff.columnsAdded == ["AESER"])
        #expect(diff.columnsRemoved == ["AESEV"])
        #expect(diff.changed.isEmpty && diff.added.isEmpty && diff.removed.isEmpty)
        #expect(!diff.isIdentical)
    }

    @Test func columnOrderChangeAloneIsADifference() {
        let new = F.table(
            "ae",
            [
                "DOMAIN,STUDYID,USUBJID,AESEQ,AEDECOD,AESTDTC,AESEV",
                "AE,S1,S1-001,1,HEADACHE,2024-01-02,MILD",
                "AE,S1,S1-001,2,NAUSEA,2024-01-03,MILD",
                "AE,S1,S1-002,1,FATIGUE,2024-01-05,SEVERE",
            ])
        let diff = DatasetDiff.compare(old: F.aeOld, new: new, metadata: F.ae)
        #expect(diff.columnOrderChanged)
        #expect(diff.changed.isEmpty)
        #expect(!diff.isIdentical)
    }

    @Test func withoutMetadataRecordsMatchOnAllValues() {
        let new = F.table(
            "ae",
            [
                F.aeHeader,
                "S1,AE,S1-001,1,HEADACHE,2024-01-02,MODERATE",
                "S1,AE,S1-001,2,NAUSEA,2024-01-03,MILD",
                "S1,AE,S1-002,1,FATIGUE,2024-01-05,SEVERE",
            ])
        let diff = DatasetDiff.compare(old: F.aeOld, new: new, metadata: nil)
        #expect(diff.matching == .wholeRecord)
        #expect(diff.keys == ["STUDYID", "DOMAIN", "USUBJID", "AEDECOD", "AESTDTC", "AESEV"])
        #expect(diff.changed.isEmpty)
        #expect(diff.added.map(\.line) == [2])
        #expect(diff.removed.map(\.line) == [2])
        #expect(diff.notes.count == 1)
    }

    @Test func keyMissingFromOneVersionIsLeftOutAndNoted() {
        let new = F.table(
            "ae",
            [
                "STUDYID,DOMAIN,USUBJID,AESEQ,AEDECOD,AESEV",
                "S1,AE,S1-001,1,HEADACHE,MILD",
                "S1,AE,S1-001,2,NAUSEA,MILD",
                "S1,AE,S1-002,1,FATIGUE,SEVERE",
            ])
        let diff = DatasetDiff.compare(old: F.aeOld, new: new, metadata: F.ae)
        #expect(diff.keys == ["STUDYID", "USUBJID", "AEDECOD"])
        #expect(diff.notes == ["key AESTDTC not in both versions: matched on the other keys"])
        #expect(diff.columnsRemoved == ["AESTDTC"])
        #expect(diff.changed.isEmpty)
    }

    @Test func recordsAreSortedByKeyWithNumericKeysAsNumbers() {
        let old = F.table("tr", ["USUBJID,VISITNUM,TRORRES", "A,1,10"])
        let new = F.table("tr", ["USUBJID,VISITNUM,TRORRES", "B,10,1", "A,1,10", "B,2,1", "A,10,1", "A,,1"])
        let diff = DatasetDiff.compare(old: old, new: new, metadata: F.tr)
        #expect(diff.added.map(\.key) == [["A", ""], ["A", "10"], ["B", "2"], ["B", "10"]])
    }

    @Test func canonicallyEquivalentButDifferentBytesAreAChange() {
        let composed = "CAF\u{C9}", decomposed = "CAFE\u{301}"
        let old = F.table("tr", ["USUBJID,VISITNUM,TRORRES", "A,1,\(composed)", "B,1,\(decomposed)"])
        let new = F.table("tr", ["USUBJID,VISITNUM,TRORRES", "A,1,\(decomposed)", "B,1,\(decomposed)"])
        let diff = DatasetDiff.compare(old: old, new: new, metadata: F.tr)
        #expect(diff.changed.map(\.key) == [["A", "1"]])
        #expect(diff.changed.first.map { Array($0.changes[0].old.utf8) } == Array(composed.utf8))
        #expect(diff.changed.first.map { Array($0.changes[0].new.utf8) } == Array(decomposed.utf8))
    }

    @Test func valuesOnlyOneVersionHoldsNeverMatchEachOther() {
        // Old-only values get codes past the new version's: two different old-only values (X and Y,
        // 5 and 6) must keep codes of their own, or X's and Y's records would share a key.
        let old = F.table("tr", ["USUBJID,VISITNUM,TRORRES", "A,1,5", "A,2,6", "X,7,1", "Y,7,1"])
        let new = F.table("tr", ["USUBJID,VISITNUM,TRORRES", "A,1,8", "A,2,9", "C,1,7"])
        let diff = DatasetDiff.compare(old: old, new: new, metadata: F.tr)
        #expect(diff.changed.map(\.key) == [["A", "1"], ["A", "2"]])
        #expect(diff.changed.map { $0.changes.map(\.old) } == [["5"], ["6"]])
        #expect(diff.added.map(\.key) == [["C", "1"]])
        #expect(diff.removed.map(\.key) == [["X", "7"], ["Y", "7"]])
        #expect(diff.duplicateKeys == 0)
    }

    @Test func largeVersionsPairEveryRecord() {
        // Many records, few distinct values per column: every record pairs with its twin, one changed.
        let header = "USUBJID,VISITNUM,TRORRES"
        let lines = (0..<5000).map { "S\($0 / 10),\($0 % 10),\($0 % 7)" }
        var changed = lines
        changed[4321] = "S432,1,X"
        let diff = DatasetDiff.compare(
            old: F.table("tr", [header] + lines), new: F.table("tr", [header] + changed.reversed()),
            metadata: F.tr)
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
        #expect(diff.changed.map(\.key) == [["S432", "1"]])
        #expect(diff.changed.first?.oldLine == 4323 && diff.changed.first?.newLine == 5000 - 4321 + 1)
    }
}
