import Testing

@testable import TrialSimulator

@Suite struct DateConsistencyTests {
    let export = Fixtures.defaultExport
    let cutoff = EDCDate("30 JUN 2025")!

    static let dateFields: [(form: String, column: String, partialAllowed: Bool)] = [
        ("ic", "ICDAT", false), ("elig", "IEDAT", false), ("ienm", "IEDAT", false), ("dm", "DMDAT", false),
        ("dm", "BRTHDAT", true),
        ("rand", "RANDDAT", false), ("ex", "EXSTDAT", false), ("ex", "EXENDAT", false), ("ae", "AESTDAT", true),
        ("ae", "AEENDAT", true),
        ("tl", "LESDAT", false), ("tm", "TMDAT", false), ("rs", "RSDAT", false), ("bor", "BORDAT", false),
        ("ecog", "ECOGDAT", false),
        ("eot", "EOTDAT", false), ("eos", "EOSDAT", false), ("death", "DTHDAT", false),
    ]

    @Test(arguments: dateFields)
    func everyDateParses(form: String, column: String, partialAllowed: Bool) {
        for row in export.records(form) {
            let text = row[column]!
            if column == "AEENDAT", text.isEmpty { continue }
            let date = EDCDate(text)
            #expect(date != nil, "\(form).\(column) \"\(text)\"")
            if let date, !partialAllowed { #expect(!date.partial, "\(form).\(column) \"\(text)\"") }
        }
    }

    @Test func someBirthAndAEDatesArePartial() {
        #expect(export.records("dm").contains { EDCDate($0["BRTHDAT"]!)!.partial })
        #expect(export.records("ae").contains { EDCDate($0["AESTDAT"]!)!.partial })
    }

    @Test func everyTimeIsAClockTimeAndSomeAreMissing() {
        let times = export.records("ic").map { $0["ICTIM"]! } + export.records("ex").map { $0["EXSTTIM"]! }
        #expect(times.contains(""))
        for t in times where !t.isEmpty {
            #expect(matches(t, #"([01][0-9]|2[0-3]):[0-5][0-9]"#), "\(t)")
        }
    }

    private func dates(_ subject: String, _ form: String, _ column: String) -> [EDCDate] {
        (export.bySubject(form)[subject] ?? []).compactMap { EDCDate($0[column] ?? "") }
    }

    @Test func milestonesAreOrderedPerSubject() {
        for rand in export.records("rand") {
            let s = rand["Subject"]!
            let consent = dates(s, "ic", "ICDAT")[0], screening = dates(s, "elig", "IEDAT")[0],
                randomized = EDCDate(rand["RANDDAT"]!)!
            #expect(consent.mayPrecede(screening) && screening.mayPrecede(randomized), "\(s)")
            let doses = dates(s, "ex", "EXSTDAT")
            if let first = doses.min(by: { $0.earliest < $1.earliest }) {
                #expect(randomized.mayPrecede(first), "\(s)")
                for ae in dates(s, "ae", "AESTDAT") { #expect(first.mayPrecede(ae), "\(s) AE before first dose") }
            }
            let lastDose = dates(s, "ex", "EXENDAT").map(\.latest).max() ?? 0
            for eot in dates(s, "eot", "EOTDAT") { #expect(lastDose <= eot.earliest, "\(s) dose after EOT") }
            for eos in dates(s, "eos", "EOSDAT") {
                for eot in dates(s, "eot", "EOTDAT") { #expect(eot.mayPrecede(eos), "\(s)") }
            }
        }
    }

    @Test func startsPrecedeEnds() {
        for row in export.records("ex") { #expect(EDCDate(row["EXSTDAT"]!)!.mayPrecede(EDCDate(row["EXENDAT"]!)!)) }
        for row in export.records("ae") where !row["AEENDAT"]!.isEmpty {
            #expect(EDCDate(row["AESTDAT"]!)!.mayPrecede(EDCDate(row["AEENDAT"]!)!), "\(row["Subject"]!)")
        }
    }

    @Test func nothingIsDatedBeforeConsentOrAfterDeathOrTheCutoff() {
        let consent = export.bySubject("ic").mapValues { EDCDate($0[0]["ICDAT"]!)! }
        let death = export.bySubject("death").mapValues { EDCDate($0[0]["DTHDAT"]!)! }
        for field in Self.dateFields where field.column != "BRTHDAT" {
            for row in export.records(field.form) {
                guard let date = EDCDate(row[field.column]!) else { continue }
                let s = row["Subject"]!
                #expect(date.mayPrecede(cutoff), "\(field.form).\(field.column) \(s) after cut-off")
                #expect(consent[s]!.mayPrecede(date), "\(field.form).\(field.column) \(s) before consent")
                if let d = death[s] { #expect(date.mayPrecede(d), "\(field.form).\(field.column) \(s) after death") }
            }
        }
    }

    @Test func collectedAgeMatchesAFullBirthDate() {
        let consent = export.bySubject("ic").mapValues { $0[0]["ICDAT"]! }
        for row in export.records("dm") {
            guard let birth = EDCDate(row["BRTHDAT"]!), !birth.partial else { continue }
            let b = row["BRTHDAT"]!.split(separator: " "), c = consent[row["Subject"]!]!.split(separator: " ")
            let bm = EDCDate.months.firstIndex(of: String(b[1]))!, cm = EDCDate.months.firstIndex(of: String(c[1]))!
            var age = Int(c[2])! - Int(b[2])!
            if (cm, Int(c[0])!) < (bm, Int(b[0])!) { age -= 1 }
            #expect(String(age) == row["AGE"]!, "\(row["Subject"]!)")
        }
    }
}
