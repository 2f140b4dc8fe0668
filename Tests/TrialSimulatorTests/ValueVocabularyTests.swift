import Testing

@testable import TrialSimulator

/// Messy values stay within variants a CT map normalises (trimmed, case-insensitive).
@Suite struct ValueVocabularyTests {
    let export = Fixtures.defaultExport

    static let yesNo: Set<String> = ["YES", "NO"]
    static let responses: Set<String> = [
        "CR", "PR", "SD", "PD", "NE", "NON-CR/NON-PD", "COMPLETE RESPONSE", "PARTIAL RESPONSE", "STABLE DISEASE",
        "PROGRESSIVE DISEASE", "NOT EVALUABLE",
    ]
    static let relations: Set<String> = ["", "RELATED", "NOT RELATED"]

    static let vocabulary: [(form: String, column: String, values: Set<String>)] = [
        ("elig", "IEYN", yesNo), ("ienm", "IECAT", ["INCLUSION", "EXCLUSION"]), ("dm", "SEX", ["MALE", "FEMALE"]),
        ("dm", "RACE", ["ASIAN", "WHITE", "OTHER"]), ("dm", "ETHNIC", ["NOT HISPANIC OR LATINO"]),
        ("rand", "CHEMO", ["", "GEMCITABINE", "CAPECITABINE", "DOCETAXEL"]), ("rand", "STRAT", ["1", ">=2"]),
        ("ex", "EXTRT", ["APATINIB", "CAMRELIZUMAB", "GEMCITABINE", "CAPECITABINE", "DOCETAXEL"]),
        ("ex", "EXDOSU", ["MG", "MG/M2"]),
        ("ex", "EXADJ", ["", "DOSE REDUCED", "DOSE INTERRUPTED", "DOSE DELAYED"]), ("ex", "EXADJRS", ["", "ADVERSE EVENT"]),
        ("ae", "AEONGO", yesNo), ("ae", "AESER", yesNo), ("ae", "AESDTH", yesNo), ("ae", "AESHOSP", yesNo),
        ("ae", "AESLIFE", yesNo),
        ("ae", "AESDISAB", yesNo), ("ae", "AESCONG", yesNo), ("ae", "AESMIE", yesNo),
        ("ae", "AERELAPA", relations), ("ae", "AERELCAM", relations), ("ae", "AERELCT", relations),
        ("ae", "AETOXGR", ["1", "2", "3", "4", "5", "GRADE 1", "GRADE 2", "GRADE 3", "GRADE 4", "GRADE 5"]),
        ("ae", "AEACN", ["DOSE NOT CHANGED", "DOSE REDUCED", "DRUG INTERRUPTED", "DRUG WITHDRAWN", "NOT APPLICABLE"]),
        (
            "ae", "AEOUT",
            [
                "RECOVERED/RESOLVED", "RECOVERING/RESOLVING", "NOT RECOVERED/NOT RESOLVED", "RECOVERED/RESOLVED WITH SEQUELAE",
                "FATAL",
            ]
        ),
        ("tl", "LESTYPE", ["TARGET", "NON-TARGET", "NEW"]), ("tl", "LESLAT", ["", "LEFT", "RIGHT"]), ("tl", "LESNODE", yesNo),
        ("tl", "LESLOC", ["NASOPHARYNX", "CERVICAL LYMPH NODE", "RETROPHARYNGEAL LYMPH NODE", "LIVER", "LUNG", "BONE"]),
        ("tl", "LESMETH", ["MRI", "CT", "PET-CT"]), ("tm", "TMSTATE", ["", "PRESENT", "ABSENT", "UNEQUIVOCAL PROGRESSION"]),
        ("tm", "TMND", ["", "NOT DONE"]),
        (
            "tm", "TMREASND",
            ["", "LESION NOT EVALUABLE ON IMAGING", "SCAN DID NOT COVER THE LESION", "IMAGE QUALITY NOT ADEQUATE"]
        ), ("rs", "TRGRESP", responses), ("rs", "NTRGRESP", responses.union([""])), ("rs", "NEWLES", yesNo),
        ("rs", "OVRLRESP", responses), ("bor", "BESTRESP", responses),
        (
            "ecog", "ECOG",
            [
                "0", "1", "2", "3", "0 - FULLY ACTIVE", "1 - RESTRICTED IN PHYSICALLY STRENUOUS ACTIVITY",
                "2 - AMBULATORY AND CAPABLE OF ALL SELF-CARE", "3 - CAPABLE OF ONLY LIMITED SELF-CARE",
            ]
        ),
        (
            "eot", "EOTREAS",
            [
                "PROGRESSIVE DISEASE", "ADVERSE EVENT", "DEATH", "WITHDRAWAL BY SUBJECT", "PHYSICIAN DECISION",
                "LOST TO FOLLOW-UP", "COMPLETED",
            ]
        ),
        ("eos", "EOSSTAT", ["COMPLETED", "DISCONTINUED"]),
        ("eos", "EOSREAS", ["", "DEATH", "LOST TO FOLLOW-UP", "WITHDRAWAL BY SUBJECT", "SCREEN FAILURE"]),
        ("death", "DTHCAUS", ["DISEASE PROGRESSION", "ADVERSE EVENT", "OTHER"]),
    ]

    @Test(arguments: vocabulary)
    func valuesAreKnownVariants(form: String, column: String, values: Set<String>) {
        let seen = Set(export.records(form).map { norm($0[column]) })
        #expect(seen.isSubset(of: values), "\(form).\(column): \(seen.subtracting(values).sorted())")
    }

    @Test func theExportIsMessyButOnlyInCaseSpacingAndLabels() {
        let all = export.sink.formNames.flatMap { export.sink.rows[$0]! }.flatMap { $0 }
        #expect(all.contains { $0 != $0.trimmingCharacters(in: .whitespaces) })
        #expect(all.contains { ["male", "MALE", "yes", "YES", "no", "NO"].contains($0) })
        #expect(export.records("ae").contains { $0["AETOXGR"]!.hasPrefix("Grade") })
        #expect(export.records("ecog").contains { $0["ECOG"]!.contains(" - ") })
        #expect(export.records("rs").contains { $0["OVRLRESP"]!.count > 13 })
    }

    @Test func identifiersAreClean() {
        for row in export.records("dm") {
            #expect(row["SiteNumber"] == "101")
            #expect(matches(row["Subject"]!, #"101-\d{4}"#))
        }
        for row in export.records("rand") { #expect(matches(row["RANDNO"]!, #"R\d{4}"#)) }
    }
}
