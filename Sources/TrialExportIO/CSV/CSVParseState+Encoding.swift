import TrialExportCore

/// Decoding of single-byte encodings (Latin-1, windows-1252), which every byte sequence is.
extension CSVParseState {
    /// The text of a field in the declared single-byte encoding. A byte windows-1252 leaves
    /// undefined is kept as the C1 control character of its number and noticed with its bytes.
    func decodeSingleByte(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var undefined: [UInt8] = []
        for byte in bytes {
            if encoding == .windows1252, byte >= 0x80, byte < 0xA0 {
                let mapped = Self.windows1252[Int(byte - 0x80)]
                if mapped == 0 { undefined.append(byte) }
                scalars.append(Unicode.Scalar(mapped == 0 ? UInt32(byte) : UInt32(mapped))!)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        if !undefined.isEmpty {
            let shown = undefined.map { "\\x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            addNotice(CSVNotice(kind: .undefinedBytes(shown), line: fieldLine, column: fields.count + 1, value: String(scalars)))
        }
        return String(scalars)
    }

    /// Unicode code points of windows-1252's bytes 0x80-0x9F (0: undefined).
    static let windows1252: [UInt16] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]
}
