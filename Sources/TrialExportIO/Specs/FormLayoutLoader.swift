import Foundation
import TrialExportCore

/// Reads and checks a study's optional `forms.yaml` (see mappings/README.md, "Form layouts").
public enum FormLayoutLoader {
    /// The layouts of `path`, or nil when the study has no such file. A problem names the file,
    /// line and column.
    public static func load(_ path: String) throws -> FormLayouts? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let (layouts, document) = try SpecFile.load(FormLayouts.self, from: path)
        if let defaults = layouts.defaults {
            try check(
                headerRow: defaults.headerRow, skipRows: defaults.skipRows, encoding: defaults.encoding,
                delimiter: defaults.delimiter, at: [.key("defaults")], document: document)
            try check(
                dateFormat: defaults.dateFormat, timeFormat: defaults.timeFormat, at: [.key("defaults")], document: document)
        }
        var seen = Set<String>()
        for (i, form) in (layouts.forms ?? []).enumerated() {
            let at: [SpecDocument.Step] = [.key("forms"), .index(i)]
            guard !form.name.isEmpty, seen.insert(form.name).inserted else {
                throw document.error(
                    at: at + [.key("name")], detail: "every form needs its own, non-empty name; keep one entry per form")
            }
            if let file = form.file, file.isEmpty || file.contains("/") {
                throw document.error(
                    at: at + [.key("file")], detail: "give a file name (or pattern) in the raw folder, without folders")
            }
            try check(
                headerRow: form.headerRow, skipRows: form.skipRows, encoding: form.encoding, delimiter: form.delimiter,
                at: at, document: document)
            try check(dateFormat: form.dateFormat, timeFormat: form.timeFormat, at: at, document: document)
        }
        return layouts
    }

    /// Every declared date and time format must compile (see mappings/README.md, "Dates and times").
    private static func check(
        dateFormat: String?, timeFormat: String?, at: [SpecDocument.Step], document: SpecDocument
    ) throws {
        for (key, pattern, kind) in [("dateFormat", dateFormat, DateFormat.Kind.date), ("timeFormat", timeFormat, .time)] {
            if let pattern, let detail = DateFormatSpecCheck.problem(pattern, kind: kind) {
                throw document.error(at: at + [.key(key)], detail: detail)
            }
        }
    }

    private static func check(
        headerRow: Int?, skipRows: Int?, encoding: String?, delimiter: String?, at: [SpecDocument.Step], document: SpecDocument
    ) throws {
        if let headerRow, headerRow < 1 {
            throw document.error(at: at + [.key("headerRow")], detail: "the header row is a line number: 1 or more")
        }
        if let skipRows, skipRows < 0 {
            throw document.error(at: at + [.key("skipRows")], detail: "rows to skip: 0 or more")
        }
        if let encoding, TextEncoding(name: encoding) == nil {
            throw document.error(
                at: at + [.key("encoding")],
                detail: SpecWording.unknown("encoding", encoding, known: TextEncoding.acceptedNames))
        }
        if let delimiter, ResolvedFormLayout.delimiterByte(delimiter) == nil {
            throw document.error(
                at: at + [.key("delimiter")],
                detail: "the delimiter is one ASCII character other than '\"' (e.g. \",\", \";\", \"|\"), or \"\\t\" for a tab")
        }
    }
}
