import Testing

@testable import TrialExportCore

/// Declared formats: each pattern with values it reads (ISO 8601 out) and values it refuses.
struct DateFormatTests {
    /// `date|time` ISO 8601 of a value read with a pattern.
    private func read(_ pattern: String, _ value: String, kind: DateFormat.Kind = .date) throws -> String? {
        let format = try DateFormat(pattern, kind: kind)
        let parsed = try format.parse(value).get()
        guard let parsed else { return nil }
        let date = parsed.date.map(\.description) ?? ""
        let time = parsed.time.map(\.description) ?? ""
        return date.isEmpty ? time : time.isEmpty ? date : date + "T" + time
    }

    @Test(arguments: [
        ("MM/DD/YYYY", "03/04/2023", "2023-03-04"),
        ("DD/MM/YYYY", "03/04/2023", "2023-04-03"),
        ("MM/DD/YYYY", "12/26/2013", "2013-12-26"),
        ("M/D/YY; years 1930-2029", "9/30/23", "2023-09-30"),
        ("M/D/YY; years 1930-2029", "9/30/45", "1945-09-30"),
        ("DD.MM.YYYY", "30.09.2023", "2023-09-30"),
        ("DDMMMYYYY", "30SEP2023", "2023-09-30"),
        ("DDMMMYYYY", "30sep2023", "2023-09-30"),
        ("DD-MMM-YYYY", "UN-JAN-2023", "2023-01"),
        ("DD-MMM-YYYY", "UNK-UNK-2023", "2023"),
        ("DD MMM YYYY", "NK UK 2023", "2023"),
        ("DD/MM/YYYY", "--/--/2023", "2023"),
        ("DD MMM YYYY", "XX FEB 2024", "2024-02"),
        ("MM/DD/YYYY", "12/UN/2022", "2022-12"),
        ("YYYYMMDD", "20230930", "2023-09-30"),
        ("YYYYMMDD; 00 unknown", "20230900", "2023-09"),
        ("YYYYMMDD; 00 unknown", "20230000", "2023"),
        ("YYYY-MM-DD HH:mm", "2023-09-30 14:30", "2023-09-30T14:30"),
        ("YYYY-MM-DDTHH:mm", "2023-09-30T14:30", "2023-09-30T14:30"),
        ("YYYY-MM-DD[THH:mm[:ss]]", "2023-09-30", "2023-09-30"),
        ("YYYY-MM-DD[THH:mm[:ss]]", "2023-09-30T14:30:05", "2023-09-30T14:30:05"),
        ("DDMMMYYYY:HH:mm", "30SEP2023:14:30", "2023-09-30T14:30"),
        ("DD/MM/YYYY hh:mm a", "30/09/2023 02:30 PM", "2023-09-30T14:30"),
        ("YYYY-MM-DD HH:mm:ss.SSS", "2023-09-30 14:30:00.000", "2023-09-30T14:30:00.000"),
        ("MMM D, YYYY", "Sep 3, 2023", "2023-09-03"),
        ("  MM/DD/YYYY", "  03/04/2023 ", "2023-03-04"),
    ])
    func readsDeclaredDates(pattern: String, value: String, iso: String) throws {
        #expect(try read(pattern, value) == iso)
    }

    @Test(arguments: [
        ("HHmm", "1430", "14:30"),
        ("Hmm", "930", "09:30"),
        ("h:mm a", "2:30 PM", "14:30"),
        ("h:mm a", "12:05 am", "00:05"),
        ("h:mm a", "12:05 PM", "12:05"),
        ("hh:mm AM", "11:59 pm", "23:59"),
        ("HH:mm:ss.SSS", "14:30:00.000", "14:30:00.000"),
        ("HH:mm:ss.S", "14:30:00.25", "14:30:00.25"),
        ("HH.mm", "08.15", "08:15"),
    ])
    func readsDeclaredTimes(pattern: String, value: String, iso: String) throws {
        #expect(try read(pattern, value, kind: .time) == iso)
    }

    @Test(arguments: [
        ("MM/DD/YYYY", "26/12/2013", DateReadFailure.impossible),
        ("MM/DD/YYYY", "2013-12-26", .notInFormat),
        ("MM/DD/YYYY", "3/4/2023", .notInFormat),
        ("DD/MM/YYYY", "31/02/2023", .impossible),
        ("DD MMM YYYY", "05 UNK 2023", .unknownOuterPart),
        ("DD MMM YYYY", "05 JAN UNK", .unknownOuterPart),
        ("YYYYMMDD", "20230900", .impossible),
        ("YYYYMMDD", "2023093", .notInFormat),
        ("YYYY-MM-DD HH:mm", "2023-09-30 25:10", .badTime),
        ("DDMMMYYYY", "30SEPT2023", .notInFormat),
    ])
    func refusesValuesNotFittingTheirFormat(pattern: String, value: String, failure: DateReadFailure) throws {
        let format = try DateFormat(pattern, kind: .date)
        #expect(throws: failure) { try format.parse(value).get() }
    }

    @Test(arguments: [
        ("h:mm a", "13:30 PM", DateReadFailure.badTime),
        ("h:mm a", "2:30", .notInFormat),
        ("HHmm", "14:30", .notInFormat),
        ("HH:mm", "24:00", .badTime),
    ])
    func refusesTimesNotFittingTheirFormat(pattern: String, value: String, failure: DateReadFailure) throws {
        let format = try DateFormat(pattern, kind: .time)
        #expect(throws: failure) { try format.parse(value).get() }
    }

    @Test(arguments: [
        ("DD/MM/YY", DateFormat.Kind.date, PatternError.twoDigitYear),
        ("DD/MM/YYYY; years 1950-2000", .date, .badOption("years 1950-2000")),
        ("DD/MM/YYYY; zero", .date, .badOption("zero")),
        ("QQ/MM/YYYY", .date, .unknownToken("QQ")),
        ("DDD/MM/YYYY", .date, .unknownToken("DDD")),
        ("MMMM D YYYY", .date, .unknownToken("MMMM")),
        ("DD/MM", .date, .missing("a year (YYYY)")),
        ("DD/YYYY", .date, .missing("a month for the day")),
        ("YYYY-MM-DD[ HH:mm", .date, .unbalanced),
        ("YYYY-MM-DD hh:mm", .date, .meridiem),
        ("HH:mm a", .time, .meridiem),
        ("YYYY-MM-DD", .time, .dateInTime),
        ("HH:ss", .time, .missing("minutes (mm)")),
        ("DD/MM/YYYY DD", .date, .repeated),
    ])
    func refusesInvalidPatterns(pattern: String, kind: DateFormat.Kind, error: PatternError) {
        #expect(throws: error) { try DateFormat(pattern, kind: kind) }
    }

    @Test func blankIsNotCollected() throws {
        #expect(try read("MM/DD/YYYY", "   ") == nil)
    }

    @Test func resolutionTakesTheNearestDeclaration() {
        let formats = RawDateFormats(studyDate: "DD/MM/YYYY", formDates: ["ae": "MM/DD/YYYY"])
        var block = RecordSpec(form: "ae", variables: [])
        #expect(formats.patterns(field: (nil, nil), block: nil, form: "dm").date == "DD/MM/YYYY")
        #expect(formats.patterns(field: (nil, nil), block: nil, form: "ae").date == "MM/DD/YYYY")
        block.dateFormat = "YYYYMMDD"
        #expect(formats.patterns(field: (nil, nil), block: block, form: "ae").date == "YYYYMMDD")
        #expect(formats.patterns(field: ("DDMMMYYYY", "HHmm"), block: block, form: "ae") == ("DDMMMYYYY", "HHmm"))
        #expect(RawDateFormats().patterns(field: (nil, nil), block: nil, form: "ae") == (nil, nil))
        #expect(RawDateFormats(formTimes: ["ae": "hh:mm"]).firstProblem()?.key == "forms[ae].timeFormat")
        #expect(formats.firstProblem() == nil)
    }
}
