extension String {
    /// The text with every character a reader cannot see written as an escape: control characters
    /// (C0, DEL, C1), the byte-order mark and line/paragraph separators as `\u{HEX}` (`\u{0}`,
    /// `\u{FEFF}`), so a finding shows exactly what the raw value holds.
    public var escapingInvisibles: String {
        guard unicodeScalars.contains(where: Self.isInvisible) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if Self.isInvisible(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True for a scalar that shows as nothing (or as something else) when printed.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0xFEFF, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Bytes that may not be valid UTF-8, shown as text: valid characters as themselves (invisible
    /// ones escaped as in ``escapingInvisibles``), every byte of an invalid sequence as `\xHH`.
    public static func escaping(bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var out = ""
        var i = 0
        while i < bytes.count {
            let length = Self.sequenceLength(bytes, at: i)
            if length > 0, let text = String(validating: bytes[i..<(i + length)], as: UTF8.self) {
                out += text.escapingInvisibles
                i += length
            } else {
                out += "\\x" + String(bytes[i], radix: 16, uppercase: true).leftPadded(to: 2)
                i += 1
            }
        }
        return out
    }

    /// Where the first invalid UTF-8 byte of `bytes` is (line and character column, 1-based) and
    /// its line from up to 40 bytes before it to up to 40 after it, escaped; nil when all of `bytes` is valid UTF-8.
    public static func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int, excerpt: String)? {
        var line = 1
        var lineStart = 0
        var column = 1
        var i = 0
        while i < bytes.count {
            let length = sequenceLength(bytes, at: i)
            guard length > 0, String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else {
                let end = bytes[i...].prefix(40).firstIndex(of: 0x0A) ?? Swift.min(bytes.count, i + 40)
                return (line, column, escaping(bytes: bytes[Swift.max(lineStart, i - 40)..<end]))
            }
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
                column = 1
            } else {
                column += 1
            }
            i += length
        }
        return nil
    }

    /// The length of the UTF-8 sequence its lead byte at `i` announces, 0 when that does not fit.
    private static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let lead = bytes[i]
        let length: Int
        switch lead {
        case 0x00...0x7F: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        return i + length <= bytes.count ? length : 0
    }

    private func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
