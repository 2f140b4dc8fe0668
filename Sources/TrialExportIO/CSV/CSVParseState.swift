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
    /// The first invalid field met; later input is ignored.
    @exclusivity(unchecked) var error: TrialExportError?

    init(path: String) {
        self.path = path
    }

    /// Notes that a record, if any, starts on the current line (called at a line start between records).
    func recordMayStart() {
        recordLine = line
        fieldLine = line
    }

    func addField(_ bytes: UnsafeRawBufferPointer) {
        guard error == nil else { return }
        if let text = Self.decode(bytes.bindMemory(to: UInt8.self)) {
            fields.append(text)
        } else {
            error = .invalidUTF8(path: path, line: fieldLine, column: fields.count + 1)
        }
        fieldLine = line
    }

    func endRecord() {
        defer {
            fields.removeAll(keepingCapacity: true)
            recordLine = line
            fieldLine = line
        }
        guard error == nil, !CSVParseState.isBlank(fields) else { return }
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
