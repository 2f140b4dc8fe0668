import Testing

@testable import TrialExportCore

/// Values read without a declared format: only shapes with one reading.
struct AutomaticFormatsTests {
    private func read(_ value: String) throws -> String? {
        guard let parsed = try AutomaticFormats.parseDate(value).get() else { return nil }
        return parsed.date!.description + (parsed.time.map { "T" + $0.description } ?? "")
    }

    @Test(arguments: [
        ("05 JAN 2023", "2023-01-05"),
        ("5-Jan-2023", "2023-01-05"),
        ("30SEP2023", "2023-09-30"),
        ("UNUNK2023", "2023"),
        ("UN JAN 2023", "2023-01"),
        ("UN/UN/2023", "2023"),
        ("2023-09-30", "2023-09-30"),
        ("2023-09", "2023-09"),
        ("2023", "2023"),
        ("2023-01-NK", "2023-01"),
        ("20230930", "2023-09-30"),
        ("2023/09/30", "2023-09-30"),
        ("2023-09-30 14:30", "2023-09-30T14:30"),
        ("2023-09-30T14:30", "2023-09-30T14:30"),
        ("2023-09-30T14:30:05.123", "2023-09-30T14:30:05.123"),
        ("30SEP2023:14:30", "2023-09-30T14:30"),
        ("30SEP2023:14:30:00", "2023-09-30T14:30:00"),
        ("05 JAN 2023 2:30 PM", "2023-01-05T14:30"),
    ])
    func readsUnambiguousShapes(value: String, iso: String) throws {
        #expect(try read(value) == iso)
    }

    @Test(arguments: [
        ("13/06/2024", DateReadFailure.ambiguous, ["DD/MM/YYYY", "MM/DD/YYYY"]),
        ("03/04/2023", .ambiguous, ["DD/MM/YYYY", "MM/DD/YYYY"]),
        ("30.09.2023", .ambiguous, ["DD.MM.YYYY", "MM.DD.YYYY"]),
        ("9/30/23", .ambiguous, ["D/M/YY; years 1930-2029", "M/D/YY; years 1930-2029"]),
        ("12-1-2024", .ambiguous, ["D-M-YYYY", "M-D-YYYY"]),
        ("12/UN/2022", .ambiguous, ["DD/MM/YYYY", "MM/DD/YYYY"]),
        ("30-SEP-23", .twoDigitYear, ["DD-MMM-YY; years 1930-2029"]),
        ("30SEP23", .twoDigitYear, ["DDMMMYY; years 1930-2029"]),
        ("Sep 30, 2023", .unrecognised, []),
        ("2023-09-30 1430", .unrecognised, []),
    ])
    func refusesShapesThatNeedADeclaration(value: String, failure: DateReadFailure, suggestions: [String]) {
        #expect(throws: failure) { try AutomaticFormats.parseDate(value).get() }
        #expect(DateFormatAdvice.suggestions(for: value) == suggestions)
    }

    @Test(arguments: [
        ("14:30", "14:30"), ("9:05", "09:05"), ("14:30:00.000", "14:30:00.000"), ("2:30 PM", "14:30"),
        ("2:30PM", "14:30"), ("12:00 am", "00:00"), ("11:15:30 AM", "11:15:30"),
    ])
    func readsTimes(value: String, iso: String) throws {
        #expect(try AutomaticFormats.parseTime(value).get()?.description == iso)
    }

    @Test(arguments: [
        ("1430", DateReadFailure.compactTime), ("930", .compactTime), ("24:00", .badTime), ("2:30 XM", .badTime),
        ("13:00 PM", .badTime),
    ])
    func refusesTimes(value: String, failure: DateReadFailure) {
        #expect(throws: failure) { try AutomaticFormats.parseTime(value).get() }
    }
}
