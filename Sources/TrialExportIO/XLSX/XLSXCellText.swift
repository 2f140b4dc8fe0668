/// Text as an XLSX cell must be given to libxlsxwriter so that Excel shows it unchanged.
///
/// XML 1.0 cannot hold most control characters, so Excel stores them as `_xHHHH_`; libxlsxwriter
/// writes that escape itself for every control character but NUL, which ends a C string (the
/// cell would be cut short there). NUL is escaped here, and text that already looks like an
/// escape (`_x0041_`) gets its underscore escaped (`_x005F_x0041_`), as Excel does, so that it is
/// not read back as another character.
enum XLSXCellText {
    static func encoded(_ text: String) -> String {
        guard text.utf8.contains(0) || text.utf8.contains(0x5F) else { return text }
        guard text.contains("\0") || Self.containsEscapeLookalike(text) else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if scalar == "\0" {
                out += "_x0000_"
            } else if scalar == "_", Self.isEscape(scalars, at: i) {
                out += "_x005F_"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True when `_xHHHH_` starts at `i` (four hex digits).
    private static func isEscape(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_" else { return false }
        return scalars[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func containsEscapeLookalike(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.contains { scalars[$0] == "_" && isEscape(scalars, at: $0) }
    }
}
