import Foundation
import TrialExportCore

/// What `--raw` names, chosen by content: a folder of CSV forms, or a CDISC ODM-XML file (given
/// itself, or as the only `.xml` file with root element `ODM` in a folder without CSV forms).
public enum RawSourceChooser {
    public enum Source: Equatable, Sendable {
        case csvFolder(URL)
        case odmFile(URL)
    }

    /// Loads the raw tables of `raw`, whichever kind it is.
    public static func load(_ raw: URL, specs: [DomainSpec], findings: FindingSink) throws -> [RawTable] {
        try loadData(raw, specs: specs, layouts: nil, findings: findings).tables.values.sorted { $0.form < $1.form }
    }

    /// The raw data of `raw`, whichever kind it is, with the forms' layouts (`forms.yaml`): which
    /// forms to read and each one's subject column apply to both kinds; files, header rows,
    /// encodings and delimiters to CSV forms only.
    public static func loadData(
        _ raw: URL, specs: [DomainSpec], layouts: FormLayouts?, findings: FindingSink, locator: SpecReferenceLocator? = nil
    ) throws -> RawData {
        switch try choose(raw) {
        case .csvFolder(let folder):
            return try RawDataLoader.loadData(
                folder: folder, specs: specs, layouts: layouts, findings: findings, locator: locator)
        case .odmFile(let file):
            let layouts = layouts ?? FormLayouts()
            var subjectColumns: [String: String] = [:]
            for form in SpecRequirements.namedForms(of: specs) { subjectColumns[form] = layouts.resolved(form).subjectColumn }
            let tables = try ODMLoader.load(
                path: file.path, specs: specs, findings: findings, displayPath: file.lastPathComponent,
                subjectColumns: subjectColumns)
            let required = SpecRequirements.columns(of: specs, subjectColumns: subjectColumns)
            for table in tables { PaddedValues.report(table, columns: (required[table.form] ?? [:]).keys, findings: findings) }
            return RawData(
                tables: tables, subjectColumn: specs.first?.subjectColumn ?? "Subject", subjectColumns: subjectColumns)
        }
    }

    /// The kind of `raw`: a file must be ODM-XML; a folder is CSV unless it holds no `.csv` and
    /// exactly one ODM file.
    public static func choose(_ raw: URL) throws -> Source {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: raw.path, isDirectory: &isFolder) else {
            throw TrialExportError.fileNotFound(path: raw.path, what: "raw data (a folder of CSV forms or an ODM-XML file)")
        }
        guard isFolder.boolValue else {
            if let root = rootElement(of: raw), root == "ODM" { return .odmFile(raw) }
            throw ODMError.notODM(path: raw.path, root: rootElement(of: raw) ?? "none")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: raw.path)) ?? []
        if names.contains(where: { $0.lowercased().hasSuffix(".csv") }) { return .csvFolder(raw) }
        let odm = names.filter { $0.lowercased().hasSuffix(".xml") }.sorted()
            .map { raw.appendingPathComponent($0) }.filter { rootElement(of: $0) == "ODM" }
        if odm.count > 1 {
            throw TrialExportError.usage(
                "\(raw.path) holds \(odm.count) ODM files (\(odm.map(\.lastPathComponent).joined(separator: ", "))); pass one with --raw"
            )
        }
        return odm.first.map { .odmFile($0) } ?? .csvFolder(raw)
    }

    /// The name of the first element of an XML file (after a byte-order mark, the XML declaration,
    /// comments, processing instructions and a DOCTYPE), read from its first 64 KiB; nil if none.
    static func rootElement(of file: URL) -> String? {
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 1 << 16),
            var text = String(data: data, encoding: .utf8) ?? String(data: data.prefix(4096), encoding: .isoLatin1)
        else { return nil }
        while let open = text.firstIndex(of: "<") {
            let rest = text[text.index(after: open)...]
            if rest.hasPrefix("?") || rest.hasPrefix("!") {
                let close =
                    rest.hasPrefix("!--")
                    ? rest.range(of: "-->")?.upperBound : rest.firstIndex(of: ">").map { rest.index(after: $0) }
                guard let close else { return nil }
                text = String(text[close...])
                continue
            }
            let name = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            return name.isEmpty ? nil : String(name)
        }
        return nil
    }
}
