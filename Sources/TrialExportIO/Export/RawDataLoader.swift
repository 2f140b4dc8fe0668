import Foundation
import TrialExportCore

/// Loads the EDC forms the specs read from a raw data folder, each in its layout (`forms.yaml`),
/// checking the columns the specs need. Other files are not parsed; they are listed as not read.
public enum RawDataLoader {
    /// Forms in name order; a form the specs need but the folder lacks stops the run.
    public static func load(folder: URL, specs: [DomainSpec], findings: FindingSink) throws -> [RawTable] {
        try loadData(folder: folder, specs: specs, layouts: nil, findings: findings).tables.values.sorted { $0.form < $1.form }
    }

    /// The forms the specs name (each file found by its layout's name or pattern), the per-form
    /// subject columns and the files no spec reads. `locator` places a column no header has in
    /// the spec that names it (file, line, column).
    public static func loadData(
        folder: URL, specs: [DomainSpec], layouts: FormLayouts?, findings: FindingSink, locator: SpecReferenceLocator? = nil
    ) throws -> RawData {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { name in
                var isFolder: ObjCBool = false
                let path = folder.appendingPathComponent(name).path
                return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
                    && !isFolder.boolValue
            }.sorted()
        } catch {
            throw TrialExportError.fileNotFound(path: folder.path, what: "raw data folder")
        }
        let layouts = layouts ?? FormLayouts()
        let forms = SpecRequirements.namedForms(of: specs).sorted()
        var subjectColumns: [String: String] = [:]
        for form in forms { subjectColumns[form] = layouts.resolved(form).subjectColumn }
        let required = SpecRequirements.columns(of: specs, subjectColumns: subjectColumns)
        var claimed = Set<String>()
        var tables: [RawTable] = []
        for form in Set(forms).union(required.keys).sorted() {
            let layout = layouts.resolved(form)
            let file = try fileName(of: layout, in: names, folder: folder, neededBy: required[form])
            claimed.insert(file)
            let table = try RawFormLoader.load(
                path: folder.appendingPathComponent(file).path, form: form, requiredColumns: required[form] ?? [:],
                findings: findings, displayPath: file, layout: layout, locator: locator)
            PaddedValues.report(table, columns: (required[form] ?? [:]).keys, findings: findings)
            tables.append(table)
        }
        return RawData(
            tables: tables, subjectColumn: specs.first?.subjectColumn ?? "Subject", subjectColumns: subjectColumns,
            unreadFiles: names.filter { !claimed.contains($0) })
    }

    /// The one file of the folder that is `layout`'s form; none or several stop the run.
    static func fileName(of layout: ResolvedFormLayout, in names: [String], folder: URL, neededBy: [String: String]?) throws
        -> String
    {
        let matches = names.filter(layout.matches(fileName:))
        if matches.count == 1 { return matches[0] }
        let pattern = layout.file ?? "\(layout.form).csv"
        guard matches.isEmpty else {
            throw TrialExportError.invalidSpec(
                path: folder.appendingPathComponent(pattern).path, location: "form \(layout.form)",
                detail: "\(matches.count) files match: \(matches.joined(separator: ", ")); keep one in the raw folder or"
                    + " give the form's file in forms.yaml exactly")
        }
        let who = neededBy?.values.sorted().first ?? "a spec"
        throw TrialExportError.fileNotFound(
            path: folder.appendingPathComponent(pattern).path, what: "form \(layout.form), needed by \(who),")
    }
}
