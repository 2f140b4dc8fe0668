import Testing

@testable import TrialExportCore

struct SupplementalKeysTests {
    func table(_ form: String, _ header: [String], _ rows: [[String]]) -> RawTable {
        RawTable(
            form: form, file: "\(form).csv", header: header,
            rows: rows.enumerated().map { RawRow(line: $0.offset + 2, values: $0.element) })
    }

    let aeHeader = ["STUDYID", "USUBJID", "AESEQ", "AEDECOD", "AESTDTC"]
    let suppHeader = ["STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM", "QVAL"]
    let keys = ["STUDYID", "USUBJID", "AEDECOD", "AESTDTC"]
    let suppMeta = DatasetMetadata(
        name: "SUPPAE", label: "", structure: "", keys: ["STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM"],
        variables: [])

    @Test func aRenumberedParentDoesNotChangeItsQualifiers() {
        let oldAE = table(
            "AE", aeHeader, [["S", "S-1", "1", "Nausea", "2023-02-01"], ["S", "S-1", "2", "Fatigue", "2023-03-01"]])
        let oldSupp = table(
            "SUPPAE", suppHeader,
            [
                ["S", "AE", "S-1", "AESEQ", "1", "AETRTEM", "Y"],
                ["S", "AE", "S-1", "AESEQ", "2", "AETRTEM", "N"],
            ])
        // A new AE sorts first: Nausea becomes AESEQ 2 and Fatigue AESEQ 3.
        let newAE = table(
            "AE", aeHeader,
            [
                ["S", "S-1", "1", "Anaemia", "2023-01-15"], ["S", "S-1", "2", "Nausea", "2023-02-01"],
                ["S", "S-1", "3", "Fatigue", "2023-03-01"],
            ])
        let newSupp = table(
            "SUPPAE", suppHeader,
            [
                ["S", "AE", "S-1", "AESEQ", "1", "AETRTEM", "Y"],
                ["S", "AE", "S-1", "AESEQ", "2", "AETRTEM", "Y"],
                ["S", "AE", "S-1", "AESEQ", "3", "AETRTEM", "N"],
            ])
        let bySeq = DatasetDiff.compare(old: oldSupp, new: newSupp, metadata: suppMeta)
        #expect(!bySeq.changed.isEmpty, "by AESEQ the renumbering looks like changes")
        let diff = DatasetDiff.compare(
            old: SupplementalKeys.rekey(oldSupp, parent: oldAE, parentKeys: keys),
            new: SupplementalKeys.rekey(newSupp, parent: newAE, parentKeys: keys), metadata: suppMeta)
        #expect(diff.changed.isEmpty && diff.removed.isEmpty)
        #expect(diff.added.count == 1)
        #expect(diff.added.first?.key.contains("AEDECOD=Anaemia|AESTDTC=2023-01-15") == true)
    }

    @Test func repeatedParentKeysAreNumbered() {
        let ae = table("AE", aeHeader, [["S", "S-1", "1", "Nausea", "2023-02-01"], ["S", "S-1", "2", "Nausea", "2023-02-01"]])
        let supp = table(
            "SUPPAE", suppHeader,
            [
                ["S", "AE", "S-1", "AESEQ", "1", "AETRTEM", "Y"],
                ["S", "AE", "S-1", "AESEQ", "2", "AETRTEM", "Y"],
            ])
        let rekeyed = SupplementalKeys.rekey(supp, parent: ae, parentKeys: keys)
        #expect(
            rekeyed.rows.map { $0.values[4] } == ["AEDECOD=Nausea|AESTDTC=2023-02-01", "AEDECOD=Nausea|AESTDTC=2023-02-01#2"])
    }
}
