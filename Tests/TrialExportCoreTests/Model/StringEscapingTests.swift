import Testing

@testable import TrialExportCore

struct StringEscapingTests {
    @Test(arguments: [
        ("plain", "plain"), ("Head\0ache", "Head\\u{0}ache"), ("\u{FEFF}101", "\\u{FEFF}101"),
        ("a\tb\r\nc\u{7F}", "a\\u{9}b\\u{D}\\u{A}c\\u{7F}"), ("José 李", "José 李"),
    ])
    func invisiblesAreEscaped(_ text: String, _ shown: String) {
        #expect(text.escapingInvisibles == shown)
    }

    @Test(
        arguments: [
            ([0x43, 0x61, 0x66, 0xE9], "Caf\\xE9"), ([0xC3, 0xA9, 0xFF, 0x00], "é\\xFF\\u{0}"),
            ([0xE2, 0x82], "\\xE2\\x82"), ([0xED, 0xA0, 0x80], "\\xED\\xA0\\x80"),
        ] as [([UInt8], String)])
    func invalidBytesAreShownInHex(_ bytes: [UInt8], _ shown: String) {
        #expect(String.escaping(bytes: bytes) == shown)
    }

    @Test func firstInvalidByteIsLocatedByLineAndColumn() throws {
        let found = try #require(String.firstInvalidUTF8(in: Array("ab\nçx".utf8) + [0xE9] + Array("yz\nmore".utf8)))
        #expect(found.line == 2 && found.column == 3 && found.excerpt == "çx\\xE9yz")
        #expect(String.firstInvalidUTF8(in: Array("fine\nç".utf8)) == nil)
    }
}
