import Testing

@testable import TrialExportCore

/// Declared formats through the mapping: assign_datetime, the first/last aggregates, the study
/// default and the block's cut-off date; an undeclared ambiguous value is reported, never swapped.
struct DeclaredFormatMappingTests {
    typealias F = MappingFixtures

    private func map(
        _ spec: DomainSpec, raw: RawData, cutoff: PartialDate? = nil, formats: RawDateFormats = RawDateFormats()
    ) throws -> (dm: Dataset, findings: [Finding], reconciliation: Reconciliation) {
        let context = F.context(raw: raw, cutoff: cutoff)
        context.rawDateFormats = formats
        let findings = FindingCollector()
        var reconciliation = Reconciliation()
        let dataset = try DomainMapper(context: context, spec: spec, findings: findings).map(into: &reconciliation)
        return (dataset, findings.findings, reconciliation)
    }

    private func value(_ dm: Dataset, _ subject: String, _ variable: String) -> String? {
        guard let r = dm.rows.firstIndex(where: { $0[dm.index(of: "SUBJID")!] == subject }), dm.index(of: variable) != nil
        else { return nil }
        return dm.value(variable, row: r)
    }

    /// The DM spec with `change` applied to the entry of `variable`.
    private func spec(_ variable: String, _ change: (inout VariableSpec) -> Void) -> DomainSpec {
        var spec = F.dmSpec
        let i = spec.records[0].variables.firstIndex { $0.variable == variable }!
        change(&spec.records[0].variables[i])
        return spec
    }

    private func dmRows(birth: String, dmDate: String = "01 MAR 2023") -> RawData {
        F.raw(dm: [["101", "101-0001", birth, "47", "Male", dmDate]])
    }

    @Test(arguments: [
        ("MM/DD/YYYY", "1975-03-12"),
        ("DD/MM/YYYY", "1975-12-03"),
        ("M/D/YYYY", "1975-03-12"),
    ])
    func declaredFieldFormatReadsTheAmbiguousDate(format: String, iso: String) throws {
        let result = try map(spec("BRTHDTC") { $0.dateFormat = format }, raw: dmRows(birth: "03/12/1975"))
        #expect(value(result.dm, "101-0001", "BRTHDTC") == iso)
        #expect(!result.findings.contains { $0.code.hasPrefix("MAP") }, "\(result.findings)")
    }

    @Test(arguments: ["03/12/1975", "13/06/1975", "3.12.1975"])
    func undeclaredDayMonthOrderIsAnErrorNeverAGuess(raw: String) throws {
        let result = try map(F.dmSpec, raw: dmRows(birth: raw))
        let finding = try #require(result.findings.first { $0.code == "MAP0015" })
        #expect(finding.severity == .error && finding.file == "dm.csv" && finding.line == 2 && finding.column == "BRTHDAT")
        #expect(finding.value == raw && finding.variable == "BRTHDTC")
        #expect(finding.hint.contains("dateFormat: `") && finding.hint.contains(" or dateFormat: `"))
        #expect((value(result.dm, "101-0001", "BRTHDTC") ?? "") == "", "null, never swapped")
    }

    @Test func valueNotFittingItsDeclaredFormatIsAnErrorNamingTheFormat() throws {
        let result = try map(spec("BRTHDTC") { $0.dateFormat = "MM/DD/YYYY" }, raw: dmRows(birth: "12 MAR 1975"))
        let finding = try #require(result.findings.first { $0.code == "MAP0016" })
        #expect(finding.line == 2 && finding.column == "BRTHDAT" && finding.value == "12 MAR 1975")
        #expect(finding.message.contains("\"MM/DD/YYYY\""))
        #expect((value(result.dm, "101-0001", "BRTHDTC") ?? "") == "")
    }

    @Test func studyDefaultAppliesToAssignAndAggregates() throws {
        var ex = F.raw().tables["ex"]!.rows.map(\.values)
        for i in ex.indices { ex[i][3] = "03/20/2023"; ex[i][5] = "04/30/2023" }
        let raw = F.raw(ex: ex)
        let declared = try map(F.dmSpec, raw: raw, formats: RawDateFormats(formDates: ["ex": "MM/DD/YYYY"]))
        #expect(value(declared.dm, "101-0001", "RFXSTDTC") == "2023-03-20T10:00")
        #expect(value(declared.dm, "101-0001", "RFXENDTC") == "2023-04-30")
        #expect(!declared.findings.contains { $0.code.hasPrefix("MAP") }, "\(declared.findings)")

        let undeclared = try map(F.dmSpec, raw: raw)
        let found = undeclared.findings.filter { $0.code == "MAP0015" }
        #expect(found.contains { $0.file == "ex.csv" && $0.line == 2 && $0.column == "EXSTDAT" && $0.value == "03/20/2023" })
        #expect(found.contains { $0.file == "ex.csv" && $0.line == 2 && $0.column == "EXENDAT" && $0.value == "04/30/2023" })
        #expect((value(undeclared.dm, "101-0001", "RFXSTDTC") ?? "") == "", "no date is guessed for the aggregate")
    }

    @Test func sourceEntryFormatAndFallbackAreRead() throws {
        var ex = F.raw().tables["ex"]!.rows.map(\.values)
        for i in ex.indices { ex[i][3] = "2023032" + String(i); ex[i][5] = "" }
        let declared = spec("RFXENDTC") { variable in
            variable.sources![0].fallbackDate = "EXSTDAT"
            variable.sources![0].dateFormat = "YYYYMMDD"
        }
        let result = try map(declared, raw: F.raw(ex: ex))
        #expect(value(result.dm, "101-0001", "RFXENDTC") == "2023-03-22", "the latest start, through the fallback")
    }

    @Test(arguments: [
        ("MM/DD/YYYY", 0), ("DD/MM/YYYY", 1),
    ])
    func blockDateFieldIsReadWithItsFormatForTheCutoff(format: String, kept: Int) throws {
        var spec = F.dmSpec
        spec.records[0].dateField = "DMDAT"
        spec.records[0].dateFormat = format
        // 03/01/2023: 1 March (after the cut-off 28 FEB) as MM/DD, 3 January as DD/MM.
        let result = try map(
            spec, raw: dmRows(birth: "12 MAR 1975", dmDate: "03/01/2023"), cutoff: .init(year: 2023, month: 2, day: 28))
        #expect(result.dm.rows.count == kept)
        #expect(!result.findings.contains { $0.code == "MAP0015" })
    }

    @Test func unreadableBlockDateIsReportedAndTheRecordKept() throws {
        var spec = F.dmSpec
        spec.records[0].dateField = "DMDAT"
        let result = try map(
            spec, raw: dmRows(birth: "12 MAR 1975", dmDate: "03/01/2023"), cutoff: .init(year: 2023, month: 2, day: 28))
        let finding = try #require(result.findings.first { $0.code == "MAP0015" })
        #expect(finding.file == "dm.csv" && finding.line == 2 && finding.column == "DMDAT" && finding.value == "03/01/2023")
        #expect(finding.message.contains("the record is kept"))
        #expect(result.dm.rows.count == 1)
    }

    @Test(
        arguments: [
            (nil, "0915", "2023-03-01", "MAP0017"),
            ("HHmm", "0915", "2023-03-01T09:15", nil),
            ("h:mm a", "9:15 AM", "2023-03-01T09:15", nil),
            ("h:mm a", "09:15", "2023-03-01", "MAP0016"),
        ] as [(String?, String, String, String?)])
    func timeFormats(format: String?, time: String, iso: String, code: String?) throws {
        var tables = Array(F.raw().tables.values)
        let i = tables.firstIndex { $0.form == "ic" }!
        tables[i] = F.table("ic", ["SiteNumber", "Subject", "ICDAT", "ICTIM"], [["101", "101-0001", "01 MAR 2023", time]])
        let result = try map(spec("RFICDTC") { $0.timeFormat = format }, raw: RawData(tables: tables, subjectColumn: "Subject"))
        #expect(value(result.dm, "101-0001", "RFICDTC") == iso)
        let mapped = result.findings.filter { $0.code.hasPrefix("MAP") }
        #expect(mapped.map(\.code) == (code.map { [$0] } ?? []))
        #expect(mapped.allSatisfy { $0.file == "ic.csv" && $0.line == 2 && $0.column == "ICTIM" && $0.value == time })
    }

    @Test(
        arguments: [
            ("01 MAR 2023 09:15", "09:15", "2023-03-01T09:15", nil),
            ("01 MAR 2023 09:15", "10:00", "2023-03-01T09:15", "MAP0019"),
            ("01 MAR 2023", "10:00", "2023-03-01T10:00", nil),
            ("UN MAR 2023 09:15", "", "2023-03", "MAP0018"),
        ] as [(String, String, String, String?)])
    func dateTimeFieldWithATimeField(date: String, time: String, iso: String, code: String?) throws {
        var tables = Array(F.raw().tables.values)
        let i = tables.firstIndex { $0.form == "ic" }!
        tables[i] = F.table("ic", ["SiteNumber", "Subject", "ICDAT", "ICTIM"], [["101", "101-0001", date, time]])
        let declared = spec("RFICDTC") { $0.dateFormat = "DD MMM YYYY[ HH:mm]" }
        let result = try map(declared, raw: RawData(tables: tables, subjectColumn: "Subject"))
        #expect(value(result.dm, "101-0001", "RFICDTC") == iso)
        let mapped = result.findings.filter { $0.code.hasPrefix("MAP") }
        #expect(mapped.map(\.code) == (code.map { [$0] } ?? []))
        #expect(mapped.allSatisfy { $0.file == "ic.csv" && $0.line == 2 })
    }
}
