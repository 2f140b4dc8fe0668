import Testing
import TrialExportCore

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
        #expect(column("IT.B") == 1)  // the next one, tried first
        #expect(column("IT.B") == 1)  // the same again: not the next one
        #expect(column("IT.D") == 3)  // one left out
        #expect(column("IT.G") == 6)
        #expect(column("IT.B") == 1)  // out of order
        #expect(column("IT.X") == nil)
        #expect(column("IT") == nil)
        #expect(column("") == nil)
        #expect(column("IT.A") == 0)
        #expect(column("") == nil)  // the empty OID is not taken for the next one
    }

    @Test func aRepeatedItemOIDKeepsItsFirstColumnAndTheNextIsStillFound() {
        var index = ODMItemIndex(["IT.A", "IT.B", "IT.A", "IT.C"])
        func column(_ oid: String) -> Int? {
            var oid = oid
            return oid.withUTF8 { index.column($0) }
        }
        #expect(column("IT.A") == 0)
        #expect(column("IT.B") == 1)
        #expect(column("IT.C") == 3)
        #expect(column("IT.A") == 0)
    }
}

/// The distinct values of a column found by their bytes, and a form's table built from codes in
/// batches.
struct ODMValueInternerTests {
    func code(_ interner: inout ODMValueInterner, _ value: String) -> UInt32 {
        var value = value
        return value.withUTF8 { interner.code($0) }
    }

    @Test func equalBytesShareACodeAndOnlyEqualBytes() {
        var interner = ODMValueInterner()
        #expect(code(&interner, "") == 0)
        let a = code(&interner, "Headache")
        #expect(a == 1)
        #expect(code(&interner, "Headache") == a)
        #expect(code(&interner, "headache") != a)
        #expect(code(&interner, "Headache ") != a)
        // Canonically equivalent texts are different bytes, so different values.
        let composed = code(&interner, "caf\u{E9}")
        let decomposed = code(&interner, "cafe\u{301}")
        #expect(composed != decomposed)
        #expect(interner.code("caf\u{E9}") == composed)
        #expect(interner.code("cafe\u{301}") == decomposed)
        #expect(interner.values[Int(decomposed)].utf8.elementsEqual("cafe\u{301}".utf8))
    }

    @Test func manyValuesKeepTheirCodesAsTheTableGrows() {
        var interner = ODMValueInterner()
        let values = (0..<5000).map { "V\($0 * 7919 % 10007)" }
        let codes = values.map { code(&interner, $0) }
        #expect(interner.count == Set(values).count + 1)
        for (value, first) in zip(values, codes) {
            #expect(code(&interner, value) == first)
            #expect(interner.values[Int(first)] == value)
        }
    }

    @Test func aFormTableMovedInBatchesHoldsEveryRecordInOrder() {
        let header = ["A", "B", "SubjectKey"]
        var form = ODMTableBuilder.FormTable(
            formOID: "F.X", table: RawTable(form: "x", file: "study.xml", header: header),
            items: ODMItemIndex(["I.A", "I.B"]), keyColumn: [], checks: [nil, nil],
            columns: Array(repeating: ODMValueInterner(), count: 3))
        form.flushRecords = 3
        var expected: [RawRow] = []
        for i in 0..<10 {
            let values = ["a\(i % 4)", i % 3 == 0 ? "" : "b\(i)", "S\(i / 5)"]
            let codes = values.indices.map { form.columns[$0].code(values[$0]) }
            form.append(codes, line: 10 + i)
            expected.append(RawRow(line: 10 + i, values: values))
        }
        form.flush()
        #expect(Array(form.table.rows) == expected)
        #expect(form.table.cleanValue(4, 0) == "a0")
    }

    @Test(arguments: [2, 3, 100])
    func aLaterPartsTableJoinsAfterThisOnesRecords(flushRecords: Int) {
        func form() -> ODMTableBuilder.FormTable {
            var form = ODMTableBuilder.FormTable(
                formOID: "F.X", table: RawTable(form: "x", file: "study.xml", header: ["A", "B"]),
                items: ODMItemIndex(["I.A", "I.B"]), keyColumn: [], checks: [nil, nil],
                columns: Array(repeating: ODMValueInterner(), count: 2))
            form.flushRecords = flushRecords
            return form
        }
        var expected: [RawRow] = []
        func fill(_ form: inout ODMTableBuilder.FormTable, _ range: Range<Int>) {
            for i in range {
                let values = ["a\(i % 3)", i % 4 == 0 ? "" : "b\(i % 5)"]
                form.append(values.indices.map { form.columns[$0].code(values[$0]) }, line: i)
                expected.append(RawRow(line: i, values: values))
            }
        }
        var first = form()
        fill(&first, 0..<5)
        var later = form()
        fill(&later, 5..<12)
        later.table.rejected.append(RejectedRecord(form: "x", line: 99, reason: "removed"))
        first.absorb(later)
        first.flush()
        #expect(Array(first.table.rows) == expected)
        #expect(first.table.rejected.map(\.line) == [99])
    }

    /// The Value of a tag as written (line breaks kept, references replaced), read again when
    /// libxml2 turned a line break in it into a space.
    @Test func aTagsLiteralAttributeIsReadAsWritten() {
        func literal(_ tag: String, _ name: String = "Value") -> String? {
            var tag = tag
            return tag.withUTF8 { ODMPushParser.literalAttribute(name, inTag: $0) }.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(literal("<ItemData ItemOID=\"A\" Value=\"a\nb\"") == "a\nb")
        #expect(literal("<ItemData Value = 'a\t&lt;&#x41;&#66;&quot;' ItemOID=\"A\"/") == "a\t<AB\"")
        #expect(literal("<ItemData p:Value=\"a\nb\" Value=\"c\nd\"") == "c\nd", "a prefixed attribute is not ODM's")
        #expect(literal("<ItemData ItemOID=\"a\nb\" Value=\"c d\"") == nil, "no line break in Value")
        #expect(literal("<ItemData ItemOID=\"A\"") == nil)
    }
}

/// The survey of a part's bytes (line feeds, ASCII, `!`, `?`), a word at a time, against a
/// byte-by-byte count, at lengths and alignments around a word and a block.
struct ODMSurveyTests {
    @Test(arguments: [0, 1, 15, 16, 17, 255 * 16 - 1, 255 * 16, 255 * 16 + 1, 9000])
    func surveyCountsAsByteByByte(length: Int) {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("<ItemData Value=\"a\"/>\n\n\n".utf8)
        for offset in 0..<3 {
            var bytes = (0..<(length + offset)).map { _ in alphabet.randomElement(using: &generator)! }
            if length > 40 { bytes[length / 2] = 0x0A }
            let survey = bytes.withUnsafeBufferPointer {
                ODMGuardedStream.survey(UnsafeBufferPointer(rebasing: $0[offset...]))
            }
            let part = bytes[offset...]
            #expect(survey.lineFeeds == part.filter { $0 == 0x0A }.count, "length \(length)")
            #expect(survey.ascii && !survey.bang && !survey.question)
        }
        // One byte beyond ASCII, one `!` and one `?`, each alone, anywhere.
        for (byte, check) in [(UInt8(0xC3), 0), (0x21, 1), (0x3F, 2)] where length > 0 {
            for at in [0, length / 2, length - 1] {
                var bytes = [UInt8](repeating: 0x20, count: length)
                bytes[at] = byte
                let survey = bytes.withUnsafeBufferPointer { ODMGuardedStream.survey($0) }
                #expect([!survey.ascii, survey.bang, survey.question] == [check == 0, check == 1, check == 2], "\(at)")
            }
        }
    }
}
