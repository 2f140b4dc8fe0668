import Testing

@testable import TrialExportCore

/// One change to the clean fixture and the findings it must cause, as (code, domain, USUBJID, --SEQ, variable, value).
struct CrossDomainCase: Sendable, CustomTestStringConvertible {
    struct Expected: Equatable, Sendable, CustomStringConvertible {
        var code: String, domain: String, usubjid: String?, seq: Int?, variable: String, value: String

        init(_ code: String, _ domain: String, _ usubjid: String?, _ seq: Int?, _ variable: String, _ value: String) {
            (self.code, self.domain, self.usubjid, self.seq, self.variable, self.value) = (
                code, domain, usubjid, seq, variable, value
            )
        }

        init(_ finding: Finding) {
            self.init(
                finding.code, finding.domain ?? "", finding.usubjid, finding.seq, finding.variable ?? "", finding.value ?? "")
        }

        var description: String { "\(code) \(domain) \(usubjid ?? "-") \(seq.map(String.init) ?? "-") \(variable)=\(value)" }
    }

    let testDescription: String
    let change: @Sendable (inout CrossDomainFixture) -> Void
    let expected: [Expected]

    init(_ name: String, _ expected: [Expected], _ change: @escaping @Sendable (inout CrossDomainFixture) -> Void) {
        self.testDescription = name
        self.change = change
        self.expected = expected
    }
}

typealias E = CrossDomainCase.Expected

struct CrossDomainChecksTests {
    @Test func cleanFixtureHasNoFinding() {
        #expect(CrossDomainFixture.clean().run().map(E.init) == [])
    }

    static let firing: [CrossDomainCase] = [
        .init("SD0005 duplicate AESEQ", [E("CHK0011", "AE", "S1", 1, "AESEQ", "1")]) { $0.set("AE", 1, "AESEQ", "1") },
        .init("SD0064 USUBJID not in DM, once per subject", [E("CHK0012", "AE", "S9", 7, "USUBJID", "S9")]) {
            $0.append("AE", ["USUBJID": "S9", "AESEQ": "7"])
            $0.append("AE", ["USUBJID": "S9", "AESEQ": "8"])
        },
        .init("SD0064 in a SUPP dataset", [E("CHK0012", "SUPPAE", "S8", nil, "USUBJID", "S8")]) {
            $0.append("SUPPAE", ["USUBJID": "S8", "RDOMAIN": "AE"])
        },
        .init("CG0148 RFXSTDTC after the first dose", [E("CHK0013", "DM", "S1", nil, "RFXSTDTC", "2023-01-06")]) {
            $0.set("DM", 0, "RFXSTDTC", "2023-01-06")
        },
        .init("RFXENDTC against EXSTDTC when EXENDTC is null", [E("CHK0014", "DM", "S2", nil, "RFXENDTC", "2023-01-31")]) {
            $0.set("DM", 1, "RFXENDTC", "2023-01-31")
        },
        .init("SD0070 treated subject without EX", [E("CHK0015", "DM", "S3", nil, "ACTARMCD", "B")]) {
            $0.set("DM", 2, "ACTARMCD", "B")
        },
        .init("SD0070 RFXSTDTC set without EX", [E("CHK0015", "DM", "S3", nil, "RFXSTDTC", "2023-01-09")]) {
            $0.set("DM", 2, "RFXSTDTC", "2023-01-09")
        },
        .init("EX records but RFXSTDTC null", [E("CHK0016", "DM", "S1", nil, "RFXSTDTC", "")]) {
            $0.set("DM", 0, "RFXSTDTC", "")
        },
        .init("SD0009 criterion Y, AESER N", [E("CHK0017", "AE", "S1", 1, "AESER", "N")]) { $0.set("AE", 0, "AESMIE", "Y") },
        .init("AESER Y without criterion", [E("CHK0018", "AE", "S1", 2, "AESER", "Y")]) { $0.set("AE", 1, "AESHOSP", "N") },
        .init("SD0090 FATAL without AESDTH", [E("CHK0019", "AE", "S1", 1, "AESDTH", "N")]) { $0.set("AE", 0, "AEOUT", "FATAL") },
        .init("SD1255 AESDTH without DTHFL", [E("CHK0020", "AE", "S2", 1, "AESDTH", "Y")]) { $0.set("DM", 1, "DTHFL", "") },
        .init("grade 5 not FATAL", [E("CHK0021", "AE", "S1", 1, "AETOXGR", "5")]) { $0.set("AE", 0, "AETOXGR", "5") },
        .init("CG0024 TRLNKID without TU, once per lesion", [E("CHK0022", "TR", "S1", 3, "TRLNKID", "NT02")]) {
            $0.set("TR", 2, "TRLNKID", "NT02")
            $0.append("TR", ["USUBJID": "S1", "TRSEQ": "4", "TRLNKID": "NT02", "TRTESTCD": "TUMSTATE"])
        },
        .init("CG0024 lesion of another subject", [E("CHK0022", "TR", "S2", 4, "TRLNKID", "T01")]) {
            $0.append("TR", ["USUBJID": "S2", "TRSEQ": "4", "TRLNKID": "T01", "TRTESTCD": "LDIAM"])
        },
        .init("IETESTCD not in TI", [E("CHK0023", "IE", "S3", 1, "IETESTCD", "INCL09")]) {
            $0.set("IE", 0, "IETESTCD", "INCL09")
        },
        .init("SD1077 EPOCH not in TA, once per value", [E("CHK0024", "EX", "S1", 1, "EPOCH", "CYCLE 1")]) {
            $0.set("EX", 0, "EPOCH", "CYCLE 1")
            $0.set("EX", 1, "EPOCH", "CYCLE 1")
        },
        .init("SD0014 negative dose", [E("CHK0025", "EX", "S2", 1, "EXDOSE", "-200")]) { $0.set("EX", 2, "EXDOSE", "-200") },
        .init("SD0035 dose without unit", [E("CHK0026", "EX", "S1", 2, "EXDOSU", "")]) { $0.set("EX", 1, "EXDOSU", "") },
        .init("SD0038 study day 0", [E("CHK0027", "AE", "S1", 1, "AESTDY", "0")]) { $0.set("AE", 0, "AESTDY", "0") },
        .init("SD1086 AEENDY off by one", [E("CHK0028", "AE", "S1", 1, "AEENDY", "15")]) { $0.set("AE", 0, "AEENDY", "15") },
        .init("SD1086 with a time on the date", [E("CHK0028", "AE", "S1", 4, "AEENDY", "-2")]) {
            $0.set("AE", 3, "AEENDY", "-2")
        },
        .init("DTHFL Y without DS death", [E("CHK0029", "DM", "S2", nil, "DTHFL", "Y")]) {
            $0.set("DS", 2, "DSDECOD", "COMPLETED")
        },
    ]

    @Test(arguments: firing)
    func checkFires(_ testCase: CrossDomainCase) {
        var fixture = CrossDomainFixture.clean()
        testCase.change(&fixture)
        #expect(fixture.run().map(E.init) == testCase.expected)
    }

    static let studyDays: [(dataset: String, row: Int, variable: String, value: String, usubjid: String, seq: Int?)] = [
        ("AE", 1, "AESTDY", "27", "S1", 2), ("AE", 4, "AEENDY", "54", "S2", 1),
        ("EX", 1, "EXSTDY", "21", "S1", 2), ("EX", 2, "EXENDY", "21", "S2", 1),
        ("TU", 0, "TUDY", "-4", "S1", 1), ("TR", 2, "TRDY", "42", "S1", 3), ("RS", 0, "RSDY", "44", "S1", 1),
        ("DS", 0, "DSSTDY", "-5", "S1", 1), ("DM", 1, "DMDY", "-3", "S2", nil),
    ]

    @Test(arguments: studyDays)
    func everyStudyDayIsRecomputed(_ c: (dataset: String, row: Int, variable: String, value: String, usubjid: String, seq: Int?))
    {
        var fixture = CrossDomainFixture.clean()
        fixture.set(c.dataset, c.row, c.variable, c.value)
        #expect(fixture.run().map(E.init) == [E("CHK0028", c.dataset, c.usubjid, c.seq, c.variable, c.value)])
    }

    @Test(
        arguments: [
            ("2023-01-05", "2023-01-05", 1), ("2023-01-06T10:00", "2023-01-05", 2), ("2022-12-31", "2023-01-05", -5),
            ("2024-03-01", "2024-02-28", 3), ("2024-02-29T23:59:59", "2023-03-01", 366), ("2023-01", "2023-01-05", nil),
            ("2023", "2023-01-05", nil), ("2023-02-30", "2023-01-05", nil), ("2023-1-05", "2023-01-05", nil),
            ("2023-01-05X", "2023-01-05", nil), ("05 JAN 2023", "2023-01-05", nil), ("", "2023-01-05", nil),
            ("2023-01-05", "2023-01", nil),
        ] as [(String, String, Int?)])
    func studyDayOfCompleteDatesOnly(date: String, reference: String, day: Int?) {
        #expect(ISO8601Value.studyDay(date, reference: reference) == day)
        let byDayNumber = ISO8601Value.dayNumber(ofComplete: date).flatMap { d in
            ISO8601Value.dayNumber(ofComplete: reference).map { ISO8601Value.studyDay(day: d, reference: $0) }
        }
        #expect(byDayNumber == day)
    }

    static let silent: [CrossDomainCase] = [
        .init("RFXSTDTC compared at the shorter precision", []) { $0.set("DM", 0, "RFXSTDTC", "2023-01-05") },
        .init("SUMDIAM has no lesion link to check", []) { $0.set("TR", 1, "TRLNKID", "SUM") },
        .init("study day of a partial date is not recomputed", []) { $0.set("AE", 2, "AESTDY", "99") },
        .init("study day without RFSTDTC is not recomputed", []) { $0.set("DM", 2, "DMDY", "7") },
        .init("a zero dose is not negative", []) { $0.set("EX", 0, "EXDOSE", "0") },
        .init("no DM: USUBJID, exposure and death checks skip", [E("CHK0025", "EX", "S1", 1, "EXDOSE", "-1")]) {
            $0.remove("DM")
            $0.append("AE", ["USUBJID": "S9", "AESEQ": "9", "AESER": "Y", "AESDTH": "Y", "AEOUT": "FATAL"])
            $0.set("EX", 0, "EXDOSE", "-1")
        },
        .init("no EX: treated subject not reported", []) {
            $0.remove("EX"); $0.set("DM", 2, "ACTARMCD", "B")
        },
        .init("no TU: lesion links skip", []) {
            $0.remove("TU"); $0.set("TR", 0, "TRLNKID", "T99")
        },
        .init("no TI: criteria skip", []) {
            $0.remove("TI"); $0.set("IE", 0, "IETESTCD", "INCL09")
        },
        .init("no TA: epochs skip", []) {
            $0.remove("TA"); $0.set("AE", 0, "EPOCH", "CYCLE 1")
        },
        .init("no DS: death disposition skips", []) { $0.remove("DS") },
        .init("no AE: AE checks skip", []) { $0.remove("AE") },
    ]

    @Test(arguments: silent)
    func checkStaysSilent(_ testCase: CrossDomainCase) {
        var fixture = CrossDomainFixture.clean()
        testCase.change(&fixture)
        #expect(fixture.run().map(E.init) == testCase.expected)
    }

    @Test(arguments: firing)
    func findingQuotesItsValueAndSaysWhatToDo(_ testCase: CrossDomainCase) {
        var fixture = CrossDomainFixture.clean()
        testCase.change(&fixture)
        for finding in fixture.run() {
            #expect(finding.message.contains("\"\(finding.value ?? "")\"") || finding.value == "")
            #expect(!finding.hint.isEmpty)
            #expect(finding.code.hasPrefix("CHK00"))
        }
    }

    @Test func severities() {
        var fixture = CrossDomainFixture.clean()
        fixture.set("AE", 1, "AESHOSP", "N")  // CHK0018 warning
        fixture.set("AE", 0, "AETOXGR", "5")  // CHK0021 warning
        fixture.set("DS", 2, "DSDECOD", "COMPLETED")  // CHK0029 warning
        fixture.set("AE", 0, "AESTDY", "0")  // CHK0027 error
        let bySeverity = Dictionary(grouping: fixture.run(), by: \.severity).mapValues { $0.map(\.code).sorted() }
        #expect(bySeverity[.warning] == ["CHK0018", "CHK0021", "CHK0029"])
        #expect(bySeverity[.error] == ["CHK0027"])
    }

    @Test func aggregatedFindingCountsItsRecords() {
        var fixture = CrossDomainFixture.clean()
        for seq in 7...9 { fixture.append("AE", ["USUBJID": "S9", "AESEQ": "\(seq)"]) }
        let messages = fixture.run().map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("3 AE records") == true)
    }

    @Test func findingsComeInTheSameOrderEveryRun() {
        var fixture = CrossDomainFixture.clean()
        for (i, subject) in ["S7", "S5", "S9", "S6"].enumerated() { fixture.append("EX", ["USUBJID": subject, "EXSEQ": "\(i)"]) }
        let subjects = fixture.run().compactMap(\.usubjid)
        #expect(subjects == ["S7", "S5", "S9", "S6"])
    }
}
