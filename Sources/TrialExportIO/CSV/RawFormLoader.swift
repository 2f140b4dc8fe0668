import Foundation
import TrialExportCore

/// Loads one EDC form export into a ``RawTable``, checking its header against the spec.
public enum RawFormLoader {
    /// Loads one form into a RawTable (form = file name without .csv), reporting what it meets to `findings`.
    ///
    /// `requiredColumns` maps each column the spec reads to who needs it (e.g. `DM.BRTHDTC`), for
    /// the message when it is missing. Fatal problems throw ``TrialExportError``. Findings, each at
    /// its line: a record whose field count differs from the header's (`RAW0001`) and an exact copy
    /// of an earlier record (`RAW0006`) are rejected records; control characters (`RAW0003`, kept), a
    /// byte-order mark inside the file (`RAW0004`, removed), line ends of several styles (`RAW0005`).
    /// `displayPath` is how findings name the file (default: `path`), e.g. just `ae.csv` so that
    /// findings do not depend on where the data lives.
    /// `layout` (from `forms.yaml`) gives the delimiter, encoding, header row and rows to skip;
    /// a spec's spelling of a column that differs from the header in case or spaces only is
    /// resolved here, once (``ColumnResolver``).
    public static func load(
        path: String, form: String, requiredColumns: [String: String], findings: FindingSink, displayPath: String? = nil,
        layout: ResolvedFormLayout? = nil, locator: SpecReferenceLocator? = nil
    ) throws -> RawTable {
        let shown = displayPath ?? path
        var table: RawTable?
        var digests = RecordDigests()
        let reader = layout.map { CSVReader(path: path, layout: $0) } ?? CSVReader(path: path)
        let lineEnds = try reader.read(
            header: { names in
                try checkHeader(names, path: path, requiredColumns: [:])
                var made = RawTable(form: form, file: shown, header: names)
                for (name, index) in try ColumnResolver.aliases(
                    header: names, required: requiredColumns, path: path, line: reader.headerRow, form: form,
                    locator: locator)
                {
                    made.addAlias(name, for: index)
                    findings.report(.columnMatchedLoosely(file: shown, column: name, header: names[index]))
                }
                table = made
            },
            record: { row in
                guard let width = table?.header.count else { return }
                let finding: Finding
                if row.values.count != width {
                    finding = Finding.raggedRow(file: shown, line: row.line, fields: row.values.count, expected: width)
                } else if let first = table?.appendUnlessCopy(row, digests: &digests), let firstLine = table?.line(first) {
                    finding = .duplicateRecord(
                        form: form, file: shown, line: row.line, firstLine: firstLine,
                        value: row.values.joined(separator: ","))
                } else {
                    return
                }
                findings.report(finding)
                table?.rejected.append(RejectedRecord(form: form, line: row.line, reason: finding.message))
            },
            notice: { notice in
                findings.report(finding(for: notice, file: shown, header: table?.header ?? []))
            })
        guard var table else { throw TrialExportError.emptyFile(path: path) }
        if lineEnds.isMixed {
            findings.report(
                .mixedLineEnds(
                    file: shown,
                    CSVLineEnds.Style.allCases.compactMap { style in
                        lineEnds.counts[style].map { (style.rawValue, $0, lineEnds.firstLine[style] ?? 0) }
                    }))
        }
        table.compact()
        return table
    }

    /// The finding of something the reader met in a field, naming the column by its header name.
    static func finding(for notice: CSVNotice, file: String, header: [String]) -> Finding {
        let column = notice.column <= header.count ? header[notice.column - 1] : "column \(notice.column)"
        switch notice.kind {
        case .controlCharacters: return .controlCharacters(file: file, line: notice.line, column: column, value: notice.value)
        case .byteOrderMark: return .byteOrderMark(file: file, line: notice.line, column: column, value: notice.value)
        case .undefinedBytes(let bytes):
            return .undefinedBytes(file: file, line: notice.line, column: column, bytes: bytes, value: notice.value)
        }
    }

    /// The form name of an export file: its name without folder and `.csv`.
    public static func formName(ofPath path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return name.lowercased().hasSuffix(".csv") ? String(name.dropLast(4)) : name
    }

    /// Throws for a duplicated header name or a column the spec needs that is missing.
    static func checkHeader(_ names: [String], path: String, requiredColumns: [String: String]) throws {
        var positions: [String: [Int]] = [:]
        for (i, name) in names.enumerated() { positions[name, default: []].append(i + 1) }
        for name in names {
            if let found = positions[name], found.count > 1 {
                throw TrialExportError.duplicateHeader(path: path, column: name, positions: found)
            }
        }
        for column in requiredColumns.keys.sorted() where positions[column] == nil {
            throw TrialExportError.missingColumn(path: path, column: column, neededBy: requiredColumns[column]!)
        }
    }
}
