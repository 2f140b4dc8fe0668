import Foundation
import TrialExportCore

/// What the libcsv callbacks collect: the fields of the current record and finished records.
///
/// Hot properties skip the runtime exclusivity check: one parse runs on one thread and the
/// callbacks never overlap an access to them (they cost a fifth of the parse time otherwise).
final class CSVParseState {
    let path: String
    /// The physical line being parsed (1-based).
    @exclusivity(unchecked) var line = 1
    /// The line the current record started on.
    @exclusivity(unchecked) var recordLine = 1
    /// The line the current field started on.
    @exclusivity(unchecked) var fieldLine = 1
    @exclusivity(unchecked) var fields: [String] = []
    @exclusivity(unchecked) var completed: [RawRow] = []
    /// Control characters and byte-order marks met in the fields of completed records.
    @exclusivity(unchecked) var notices: [CSVNotice] = []
    /// Notices of the record being read.
    @exclusivity(unchecked) private var recordNotices: [CSVNotice] = []
    /// The current record's line started with a byte-order mark (already skipped).
    @exclusivity(unchecked) var lineStartsWithBOM = false
    /// The first record (the header), for messages.
    @exclusivity(unchecked) var header: [String]?
    /// The first invalid field met; later input is ignored.
    @exclusivity(unchecked) var error: TrialExportError?

    /// How field bytes are decoded.
    let encoding: TextEncoding
    /// The line of the header row (records above it are not the header).
    var headerRow = 1

    init(path: String, encoding: TextEncoding = .utf8) {
        self.path = path
        self.encoding = encoding
    }

    /// Notes that a record, if any, starts on the current line (called at a line start between records).
    func recordMayStart() {
        recordLine = line
        fieldLine = line
    }

    func addField(_ raw: UnsafeRawBufferPointer) {
        guard error == nil else { return }
        let bytes = raw.bindMemory(to: UInt8.self)
        if Self.isPlain(bytes) && !lineStartsWithBOM {
            // Printable ASCII (and tab): valid UTF-8 with nothing to look at.
            fields.append(String(decoding: bytes, as: UTF8.self))
        } else if encoding != .utf8 {
            fields.append(inspect(decodeSingleByte(bytes)))
        } else if let text = Self.decode(bytes) {
            fields.append(inspect(text))
        } else {
            let column = fields.count + 1
            error = .invalidUTF8(
                path: path, line: fieldLine, column: column,
                columnName: header.flatMap { column <= $0.count ? $0[column - 1] : nil },
                bytes: String.escaping(bytes: bytes.prefix(Self.quotedBytes)))
        }
        lineStartsWithBOM = false
        fieldLine = line
    }

    /// Records a notice about the field being read (reported after its record).
    func addNotice(_ notice: CSVNotice) {
        recordNotices.append(notice)
    }

    /// How many bytes of an invalid field an error quotes.
    static let quotedBytes = 120

    /// The field with byte-order marks removed; each BOM and control character becomes a notice.
    private func inspect(_ text: String) -> String {
        let column = fields.count + 1
        let collected = (lineStartsWithBOM ? "\u{FEFF}" : "") + text
        var kept = text
        if collected.unicodeScalars.contains("\u{FEFF}") {
            recordNotices.append(CSVNotice(kind: .byteOrderMark, line: fieldLine, column: column, value: collected))
            kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{FEFF}" }))
        }
        if kept.unicodeScalars.contains(where: Self.isControl) {
            recordNotices.append(CSVNotice(kind: .controlCharacters, line: fieldLine, column: column, value: kept))
        }
        return kept
    }

    /// A control character a field may not hold: C0 other than tab, CR and LF (those are text in
    /// a quoted field), and DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }

    /// True for printable ASCII (and tab) only, which needs no closer look.
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }
    }

    func endRecord() {
        defer {
            fields.removeAll(keepingCapacity: true)
            recordNotices.removeAll(keepingCapacity: true)
            recordLine = line
            fieldLine = line
        }
        guard error == nil else { return }
        notices += recordNotices
        guard !CSVParseState.isBlank(fields) else { return }
        if header == nil, recordLine >= headerRow { header = fields }
        completed.append(RawRow(line: recordLine, values: fields))
    }

    /// The text of UTF-8 bytes, or nil when they are not valid UTF-8.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        // Decoding replaces invalid bytes with U+FFFD, so valid input is exactly the bytes back.
        if bytes.allSatisfy({ $0 < 0x80 }) || text.utf8.elementsEqual(bytes) { return text }
        return nil
    }

    /// True for a record with no data: every field empty or only spaces and tabs.
    static func isBlank(_ fields: [String]) -> Bool {
        fields.allSatisfy { $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }
}
