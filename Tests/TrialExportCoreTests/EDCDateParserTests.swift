import Testing

@testable import TrialExportCore

struct EDCDateParserTests {
    @Test(arguments: [
        ("05 JAN 2023", "2023-01-05"),
        ("5 jan 2023", "2023-01-05"),
        ("05-Jan-2023", "2023-01-05"),
        ("UN JAN 2023", "2023-01"),
        ("UNK UNK 2023", "2023"),
        ("UN-UNK-2023", "2023"),
        ("2023-01-05", "2023-01-05"),
        ("2023-01", "2023-01"),
        ("2023", "2023"),
        ("2023-01-NK", "2023-01"),
        ("2023-NK-NK", "2023"),
        ("29 FEB 2024", "2024-02-29"),
        ("  05 JAN 2023 ", "2023-01-05"),
        ("2024/01/06", "2024-01-06"),
    ])
    func parsesEDCDates(raw: String, iso: String) throws {
        let result = EDCDateParser.parseDate(raw)
        #expect(try result.get()?.description == iso)
    }

    @Test(arguments: [
        ("30 FEB 2023", EDCDateParser.Failure.impossible),
        ("29 FEB 2023", .impossible),
        ("31 APR 2023", .impossible),
        ("2023-13-01", .impossible),
        ("05 UNK 2023", .unknownOuterPart),
        ("05 JAN UNKN", .unrecognised),
        ("yesterday", .unrecognised),
        ("05 JAN 23", .twoDigitYear),
        ("05 JANUARY 2023", .unrecognised),
        ("01/06/2024", .ambiguous),
        ("12-1-2024", .ambiguous),
        ("13/06/2024", .ambiguous),
        ("06/06/2024", .ambiguous),
    ])
    func rejectsBadDates(raw: String, failure: EDCDateParser.Failure) {
        #expect(throws: failure) { try EDCDateParser.parseDate(raw).get() }
    }

    @Test func blankIsNotCollected() throws {
        #expect(try EDCDateParser.parseDate("  ").get() == nil)
        #expect(try EDCDateParser.parseTime("").get() == nil)
    }

    @Test(arguments: [("14:30", "14:30"), ("9:05", "09:05"), ("23:59:59", "23:59:59"), ("14:30:00.000", "14:30:00.000")])
    func parsesTimes(raw: String, canonical: String) throws {
        #expect(try EDCDateParser.parseTime(raw).get() == canonical)
    }

    @Test(arguments: [("24:00", EDCDateParser.Failure.badTime), ("12:60", .badTime), ("1230", .compactTime), ("12:3a", .badTime)])
    func rejectsBadTimes(raw: String, failure: EDCDateParser.Failure) {
        #expect(throws: failure) { try EDCDateParser.parseTime(raw).get() }
    }

    @Test func timeIsDroppedFromPartialDates() {
        #expect(EDCDateParser.iso8601(date: PartialDate(year: 2023, month: 1, day: 5)!, time: "14:30") == "2023-01-05T14:30")
        #expect(EDCDateParser.iso8601(date: PartialDate(year: 2023, month: 1)!, time: "14:30") == "2023-01")
    }
}
