import Testing

@testable import TrialExportCore

struct ISO8601ValueTests {
    @Test(arguments: [
        ("2023-01-05", "2023-01-05", 1),
        ("2023-01-06", "2023-01-05", 2),
        ("2023-01-04", "2023-01-05", -1),
        ("2022-12-31", "2023-01-05", -5),
        ("2024-03-01", "2024-02-28", 3),
        ("2023-01-05T08:00", "2023-01-05T17:00", 1),
    ])
    func studyDayHasNoDayZero(date: String, reference: String, day: Int) {
        #expect(ISO8601Value.studyDay(date, reference: reference) == day)
    }

    @Test(arguments: [("2023-01", "2023-01-05"), ("2023-01-05", "2023"), ("", "2023-01-05")])
    func studyDayIsNullForPartialDates(date: String, reference: String) {
        #expect(ISO8601Value.studyDay(date, reference: reference) == nil)
    }

    @Test(arguments: [
        ("1975-03-12", "2023-03-11", 47),
        ("1975-03-12", "2023-03-12", 48),
        ("2000-02-29", "2023-02-28", 22),
        ("2000-02-29", "2023-03-01", 23),
    ])
    func ageInCompletedYears(birth: String, reference: String, age: Int) {
        let b = ISO8601Value.date(of: birth)!, r = ISO8601Value.date(of: reference)!
        #expect(ISO8601Value.completedYears(from: b, to: r) == age)
    }

    @Test(arguments: [
        ("2023", true), ("2023-05", true), ("2023-05-17", true), ("2023-05-17T14:30", true),
        ("2023-05-17T14:30:05", true), ("2023-5-17", false), ("2023-02-30", false), ("2023-05T14:30", false),
        ("2023-05-17T25:00", false), ("17 MAY 2023", false), ("2023-05-17T14:30Z", false),
        ("2023-05-17T14:30:05.250", true), ("2023-05-17T2:30 PM", false), ("2023-05-17T14:30:05.", false),
    ])
    func validatesSDTMDates(text: String, valid: Bool) {
        #expect(ISO8601Value.isValid(text) == valid)
    }

    @Test func dayNumbersRoundTrip() {
        for days in stride(from: -700_000, through: 2_900_000, by: 997) {
            let date = PartialDate.fromDayNumber(days)
            #expect(date.dayNumber == days)
        }
        #expect(PartialDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
    }
}
