import Testing

@testable import TrialExportCore

struct DomainMapperTests {
    typealias F = MappingFixtures

    func mapDM(_ raw: RawData = F.raw(), cutoff: PartialDate? = nil) throws -> (Dataset, [Finding], Reconciliation) {
        let findings = FindingCollector()
        var reconciliation = Reconciliation()
        let dataset = try DomainMapper(context: F.context(raw: raw, cutoff: cutoff), spec: F.dmSpec, findings: findings)
            .map(into: &reconciliation)
        return (dataset, findings.findings, reconciliation)
    }

    func row(_ dm: Dataset, _ subject: String) -> [String: String] {
        let r = dm.rows.firstIndex { $0[dm.index(of: "SUBJID")!] == subject }!
        return Dictionary(uniqueKeysWithValues: dm.columns.map { ($0, dm.value($0, row: r)) })
    }

    @Test func mapsOneRecordPerSubjectInSDTMIGOrder() throws {
        let (dm, findings, _) = try mapDM()
        #expect(dm.rows.count == 4)
        #expect(dm.columns.prefix(4) == ["STUDYID", "DOMAIN", "USUBJID", "SUBJID"])
        #expect(!dm.columns.contains("DMDY"), "Perm variables that are not mapped are left out")
        #expect(dm.columns.contains("BRTHDTC"), "Perm variables that are mapped and populated are kept")
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func treatedSubjectGetsReferenceDatesAndActualArm() throws {
        let r = row(try mapDM().0, "101-0001")
        #expect(r["USUBJID"] == "STUDY1-101-0001")
        #expect(r["RFICDTC"] == "2023-03-01T09:15")
        #expect(r["RFXSTDTC"] == "2023-03-20T10:30", "the earliest dose, with its time")
        #expect(r["RFSTDTC"] == r["RFXSTDTC"])
        #expect(r["RFXENDTC"] == "2023-04-30")
        #expect(r["ARMCD"] == "APA+CT")
        #expect(r["ARM"] == "Apatinib plus Chemotherapy")
        #expect(r["ACTARMCD"] == "APA+CT")
        #expect(r["ARMNRS"] == "")
        #expect(r["COUNTRY"] == "CHN")
        #expect(r["AGE"] == "47", "age at consent from complete dates")
        #expect(r["AGEU"] == "YEARS")
    }

    @Test func zeroDosesDoNotCountAsExposure() throws {
        let r = row(try mapDM().0, "101-0002")
        #expect(r["RFXSTDTC"] == "2023-03-25T11:00")
        #expect(r["RFXENDTC"] == "2023-03-25", "the 0 mg record of 15 APR is not a dose")
        #expect(r["ACTARMCD"] == "CT", "docetaxel is one of the chemotherapy choices")
    }

    @Test func partialBirthDateKeepsPartialAndFallsBackToCollectedAge() throws {
        let r = row(try mapDM().0, "101-0002")
        #expect(r["BRTHDTC"] == "1960")
        #expect(r["AGE"] == "62")
        #expect(r["SEX"] == "F", "case differences are normalised by the CT map")
    }

    @Test func randomizedNotTreatedVersusScreenFailure() throws {
        let (dm, _, _) = try mapDM()
        let notTreated = row(dm, "101-0003"), screenFailure = row(dm, "101-0004")
        #expect(notTreated["ARMCD"] == "APA+CT")
        #expect(notTreated["ACTARMCD"] == "" && notTreated["ACTARM"] == "")
        #expect(notTreated["ARMNRS"] == "ASSIGNED, NOT TREATED")
        #expect(notTreated["RFSTDTC"] == "")
        #expect(screenFailure["ARMCD"] == "" && screenFailure["ARM"] == "")
        #expect(screenFailure["ARMNRS"] == "SCREEN FAILURE")
    }

    @Test func valueMissingFromTheCTMapIsAnErrorWithItsLocation() throws {
        var rows = [["101", "101-0001", "12 MAR 1975", "47", "Mle", "01 MAR 2023"]]
        rows += [["101", "101-0002", "UN UNK 1960", "62", "Female", "02 MAR 2023"]]
        let (dm, findings, _) = try mapDM(F.raw(dm: rows))
        let finding = try #require(findings.first { $0.code == "MAP0001" })
        #expect(finding.severity == .error)
        #expect(finding.file == "dm.csv" && finding.line == 2 && finding.column == "SEX")
        #expect(finding.variable == "SEX" && finding.value == "Mle")
        #expect(finding.usubjid == "STUDY1-101-0001")
        #expect(finding.hint.contains("ct-map.yaml"))
        #expect(row(dm, "101-0001")["SEX"] == "")
    }

    @Test func impossibleDateIsAnErrorAndTheValueStaysNull() throws {
        let rows = [["101", "101-0001", "30 FEB 1975", "47", "Male", "01 MAR 2023"]]
        let (dm, findings, _) = try mapDM(F.raw(dm: rows))
        let finding = try #require(findings.first { $0.code == "MAP0002" })
        #expect(finding.line == 2 && finding.column == "BRTHDAT" && finding.value == "30 FEB 1975")
        #expect(finding.message.contains("not a real calendar date"))
        #expect((row(dm, "101-0001")["BRTHDTC"] ?? "") == "", "null, so the Perm column is dropped")
        #expect(row(dm, "101-0001")["AGE"] == "47", "falls back to the collected age")
    }

    @Test func cutoffExcludesLaterDosesFromDerivations() throws {
        let r = row(try mapDM(cutoff: PartialDate(year: 2023, month: 3, day: 31)).0, "101-0001")
        #expect(r["RFXENDTC"] == "2023-03-27", "the apatinib period ending 30 APR is after the cut-off")
    }

    @Test func everyPrimaryRecordIsAccountedFor() throws {
        let (_, _, reconciliation) = try mapDM()
        let dm = try #require(reconciliation.forms["dm"])
        #expect(dm.sourced == 4 && dm.mapped["DM"] == 4)
    }

    @Test func duplicateRecordInAOnePerSubjectFormIsReported() throws {
        var raw = F.raw()
        var tables = Array(raw.tables.values)
        let i = tables.firstIndex { $0.form == "rand" }!
        tables[i].append(RawRow(line: 5, values: ["101", "101-0001", "Arm B"]))
        raw = RawData(tables: tables, subjectColumn: "Subject")
        let (dm, findings, _) = try mapDM(raw)
        let finding = try #require(findings.first { $0.code == "RAW0002" })
        #expect(finding.file == "rand.csv" && finding.line == 5)
        #expect(row(dm, "101-0001")["ARMCD"] == "APA+CT", "the first record is used")
    }

    @Test func birthDateAfterTheCutoffIsAnErrorLeftNullAndAgeIsTheCollectedOne() throws {
        let rows = [["101", "101-0001", "12 MAR 2030", "47", "Male", "01 MAR 2023"]]
        let (dm, findings, _) = try mapDM(F.raw(dm: rows), cutoff: PartialDate(year: 2025, month: 6, day: 30))
        let finding = try #require(findings.first { $0.code == "MAP0009" })
        #expect(finding.severity == .error && finding.file == "dm.csv" && finding.line == 2 && finding.column == "BRTHDAT")
        #expect(finding.value == "12 MAR 2030" && finding.message.contains("after the data cut-off (2025-06-30)"))
        #expect((row(dm, "101-0001")["BRTHDTC"] ?? "") == "")
        #expect(row(dm, "101-0001")["AGE"] == "47", "not derived from the rejected birth date: the collected age")
    }

    @Test func birthDateAfterInformedConsentIsAnErrorAndAgeIsNotDerivedFromIt() throws {
        let rows = [["101", "101-0001", "12 MAR 2023", "47", "Male", "01 MAR 2023"]]
        let (dm, findings, _) = try mapDM(F.raw(dm: rows))
        let finding = try #require(findings.first { $0.code == "MAP0009" })
        #expect(finding.line == 2 && finding.column == "BRTHDAT" && finding.value == "12 MAR 2023")
        #expect(finding.message.contains("after RFICDTC (2023-03-01)"))
        #expect(row(dm, "101-0001")["BRTHDTC"] == "2023-03-12", "kept as collected")
        #expect(row(dm, "101-0001")["AGE"] == "47")
    }

    @Test func collectedAgeThatIsNotANumberIsReported() throws {
        let rows = [["101", "101-0001", "UN UNK 1975", "forty", "Male", "01 MAR 2023"]]
        let (dm, findings, _) = try mapDM(F.raw(dm: rows))
        let finding = try #require(findings.first { $0.code == "MAP0006" })
        #expect(finding.line == 2 && finding.column == "AGE" && finding.value == "forty")
        #expect(row(dm, "101-0001")["AGE"] == "")
    }

    @Test func dateAfterTheCutoffIsANoteAtItsRawLocation() throws {
        // The DM record is dated before the cut-off; its informed consent (ic.csv line 2, 01 MAR 2023) after it.
        let rows = [["101", "101-0001", "12 MAR 1975", "47", "Male", "01 FEB 2023"]]
        let (dm, findings, _) = try mapDM(F.raw(dm: rows), cutoff: PartialDate(year: 2023, month: 2, day: 28))
        let finding = try #require(findings.first { $0.code == "MAP0008" })
        #expect(finding.severity == .note && finding.file == "ic.csv" && finding.line == 2 && finding.column == "ICDAT")
        #expect(finding.value == "01 MAR 2023" && finding.variable == "RFICDTC" && finding.message.contains("left null"))
        #expect(row(dm, "101-0001")["RFICDTC"] == "")
    }

    @Test func secondDMRecordOfASubjectIsReportedAtBothLinesAndExcluded() throws {
        let rows = [
            ["101", "101-0001", "12 MAR 1975", "47", "Male", "01 MAR 2023"],
            ["101", "101-0002", "UN UNK 1960", "62", "female", "02 MAR 2023"],
            ["101", "101-0001", "12 MAR 1976", "46", "Male", "01 MAR 2023"],
        ]
        let (dm, findings, reconciliation) = try mapDM(F.raw(dm: rows))
        let finding = try #require(findings.first { $0.code == "RAW0002" })
        #expect(finding.severity == .error && finding.file == "dm.csv" && finding.line == 4 && finding.value == "101-0001")
        #expect(finding.message.contains("first on line 2"))
        #expect(dm.rows.count == 2 && row(dm, "101-0001")["BRTHDTC"] == "1975-03-12", "the first record is used")
        let account = try #require(reconciliation.forms["dm"])
        #expect(account.excluded == ["another record of a subject already in DM (RAW0002)": 1])
    }

    @Test func invalidDateReadOnlyByAnAggregateIsReportedOnce() throws {
        var ex = MappingFixtures.raw().tables["ex"].map { Array($0.rows.map(\.values)) } ?? []
        ex[2][3] = "31 FEB 2023"  // 101-0001's second gemcitabine record, ex.csv line 4
        let findings = FindingCollector()
        var reconciliation = Reconciliation()
        let context = F.context(raw: F.raw(ex: ex))
        _ = try DomainMapper(context: context, spec: F.dmSpec, findings: findings).map(into: &reconciliation)
        let found = findings.findings.filter { $0.code == "MAP0002" }
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.file == "ex.csv" && found.first?.line == 4 && found.first?.column == "EXSTDAT")
        #expect(found.first?.value == "31 FEB 2023")

        // When a spec maps the column with assign_datetime, that block reports it instead.
        let mapped = F.context(raw: F.raw(ex: ex))
        mapped.mappedDateColumns = ["ex.EXSTDAT"]
        let quiet = FindingCollector()
        _ = try DomainMapper(context: mapped, spec: F.dmSpec, findings: quiet).map(into: &reconciliation)
        #expect(!quiet.findings.contains { $0.code == "MAP0002" })
    }
}
