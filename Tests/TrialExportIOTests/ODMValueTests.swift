import Testing

@testable import TrialExportIO

/// The byte-level checks of ODM values (DataType shapes, without regular expressions) and the
/// lookup of item columns by ItemOID bytes.
struct ODMValueTests {
    @Test(arguments: [
        ("date", "2023-04-05", true), ("date", "2023-4-05", false), ("date", "2023-04-05T10:00", false),
        ("date", "05/04/2023", false), ("date", "2023-04-05 ", false),
        ("time", "10:30", true), ("time", "10:30:15", true), ("time", "10:30:15.250", true),
        ("time", "10:30:15Z", true), ("time", "10:30+02:00", true), ("time", "10:30:15.", false),
        ("time", "10", false), ("time", "10:3", false), ("time", "10:30+0200", false),
        ("datetime", "2023-04-05T10:30", true), ("datetime", "2023-04-05T10:30:15-05:00", true),
        ("datetime", "2023-04-05 10:30", false), ("datetime", "2023-04-05", false),
        ("partialDate", "2023", true), ("partialDate", "2023-04", true), ("partialDate", "2023-04-05", true),
        ("partialDate", "2023-4", false), ("partialDate", "2023-", false), ("partialDate", "23", false),
        ("partialTime", "10", true), ("partialTime", "10:30", true), ("partialTime", "10:30:15.5", true),
        ("partialTime", "10:30.5", false), ("partialTime", "10:", false),
        ("integer", "42", true), ("integer", "-3", true), ("integer", "4.2", false),
        ("float", "4.2", true), ("float", "1e3", true), ("float", "nan", false), ("float", "abc", false),
        ("boolean", "Yes", true), ("boolean", "maybe", false),
        ("partialDatetime", "2023", true), ("partialDatetime", "", false),
        ("text", "anything at all", true), ("string", "", true),
    ])
    func dataTypeShapes(dataType: String, value: String, fits: Bool) {
        #expect(ODMDataType.fits(value, dataType) == fits, "\(dataType) \(value)")
    }

    @Test func itemColumnsAreFoundInOrderOutOfOrderAndNotAtAll() {
        var index = ODMItemIndex(["IT.A", "IT.B", "IT.C", "IT.D", "IT.E", "IT.F", "IT.G"])
        func column(_ oid: String) -> Int? {
            var oid = oid
            return oid.withUTF8 { index.column($0) }
        }
        #expect(column("IT.A") == 0)
        #expect(column("IT.C") == 2)  // one left out: found by looking ahead
        #expect(column("IT.G") == 6)  // beyond the look-ahead: found in the dictionary
        #expect(column("IT.B") == 1)  // out of order
        #expect(column("IT.X") == nil)
        #expect(column("IT") == nil)
        #expect(column("") == nil)
        index.rewind()
        #expect(column("IT.A") == 0)
    }
}
