/// Findings about the raw files as read (RAW0003-RAW0006), with their severity and wording, in one place.
///
/// Values are quoted with invisible characters as escapes (`\u{0}`, `\u{FEFF}`).
extension Finding {
    public static func controlCharacters(file: String, line: Int, column: String, value: String) -> Finding {
        let shown = value.escapingInvisibles
        return Finding(
            severity: .error, code: "RAW0003",
            message: "\"\(shown)\" holds control characters (\(controlNames(value))); the value is kept as"
                + " collected: byte for byte in the CSV files, as the escape _xHHHH_ in the workbook cell (Excel shows"
                + " the character)",
            hint: "SDTM text may not hold control characters: remove them from the value in the EDC and re-export the form.",
            file: file, line: line, column: column, value: shown)
    }

    /// The control characters of `value`, each once, as `U+0000`.
    private static func controlNames(_ value: String) -> String {
        var seen: [Unicode.Scalar] = []
        for scalar in value.unicodeScalars
        where (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || scalar.value == 0x7F {
            if !seen.contains(scalar) { seen.append(scalar) }
        }
        return seen.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
        }.joined(separator: ", ")
    }

    public static func byteOrderMark(file: String, line: Int, column: String, value: String) -> Finding {
        let kept = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0 != "\u{FEFF}" }))
        return Finding(
            severity: .warning, code: "RAW0004",
            message: "\"\(value.escapingInvisibles)\" holds a byte-order mark (U+FEFF), which belongs only at"
                + " the start of a file; it was removed, the value used is \"\(kept.escapingInvisibles)\"",
            hint: "Files were probably joined together or edited by hand: re-export the form from the EDC.",
            file: file, line: line, column: column, value: value.escapingInvisibles)
    }

    public static func mixedLineEnds(file: String, _ ends: [(style: String, count: Int, firstLine: Int)]) -> Finding {
        let parts = ends.map { "\($0.count) \($0.style) (first on line \($0.firstLine))" }.joined(separator: ", ")
        return Finding(
            severity: .note, code: "RAW0005",
            message: "records end in more than one line-end style: \(parts); every style ends a line, so line numbers"
                + " are those an editor shows",
            hint: "The file was probably edited or joined by hand: check it against the EDC export.",
            file: file, line: ends.min { $0.count < $1.count }?.firstLine)
    }

    public static func duplicateRecord(form: String, file: String, line: Int, firstLine: Int, value: String) -> Finding {
        Finding(
            severity: .warning, code: "RAW0006",
            message: "record is an exact copy of the record on line \(firstLine) of form \(form); the copy was dropped"
                + " (counted as rejected in the reconciliation)",
            hint: "If both records are real, make them differ in the EDC (e.g. a sequence number); otherwise delete the copy.",
            file: file, line: line, value: value.escapingInvisibles)
    }

    /// A value a spec reads that begins or ends with spaces or tabs (RAW0009): used trimmed.
    public static func paddedValue(file: String, line: Int, column: String, value: String) -> Finding {
        let used = value.trimmingSpaces
        return Finding(
            severity: .note, code: "RAW0009",
            message: "\"\(value.escapingInvisibles)\" begins or ends with spaces or tabs; they were removed, the value used is "
                + (used.isEmpty ? "empty (null)" : "\"\(used.escapingInvisibles)\""),
            hint: "Nothing to do when the spaces are padding; if they matter, correct the value in the EDC.",
            file: file, line: line, column: column, value: value.escapingInvisibles)
    }

    /// The count of further padded values of one column, past the ones reported each at its line.
    public static func morePaddedValues(file: String, line: Int, column: String, count: Int, shown: Int) -> Finding {
        Finding(
            severity: .note, code: "RAW0009",
            message: "\(count) more \(count == 1 ? "value" : "values") of this column (after the first \(shown), each reported"
                + " at its line) begin or end with spaces or tabs, removed alike; the first of them is on this line",
            hint: "Nothing to do when the spaces are padding; a whole column padded usually comes from a fixed-width export.",
            file: file, line: line, column: column)
    }
}
