/// Text as an XLSX cell must be given to libxlsxwriter so that Excel shows it unchanged.
///
/// XML 1.0 cannot hold most control characters, so Excel stores them as `_xHHHH_`; libxlsxwriter
/// writes that escape itself for every control character but NUL, which ends a C string (the
/// cell would be cut short there). NUL is escaped here, and text that already looks like an
/// escape (`_x0041_`) gets its underscore escaped (`_x005F_x0041_`), as Excel does, so that it is
/// not read back as another character.
enum XLSXCellText {
    static func encoded(_ text: String) -> String {
        // Most cells hold neither byte: one scan, no copy.
        guard text.utf8.contains(where: { $0 == 0 || $0 == 0x5F }) else { return text }
        let bytes = Array(text.utf8)
        guard bytes.indices.contains(where: { bytes[$0] == 0 || isEscape(bytes, at: $0) }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 14)
        for i in bytes.indices {
            if bytes[i] == 0 {
                out += "_x0000_".utf8
            } else if isEscape(bytes, at: i) {
                out += "_x005F_".utf8
            } else {
                out.append(bytes[i])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when `_xHHHH_` (four hex digits) starts at byte `i`.
    private static func isEscape(_ bytes: [UInt8], at i: Int) -> Bool {
        guard bytes[i] == 0x5F, i + 6 < bytes.count, bytes[i + 1] == 0x78, bytes[i + 6] == 0x5F else { return false }
        return bytes[(i + 2)...(i + 5)].allSatisfy {
            (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0)
        }
    }
}
