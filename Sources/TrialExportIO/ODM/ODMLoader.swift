import Foundation
import TrialExportCore

/// Loads the ClinicalData of one CDISC ODM 1.3.x file (1.3.1 or 1.3.2) into ``RawTable``s, one per
/// form, as ``RawDataLoader`` does for a folder of CSV forms, so the same specs map either source.
///
/// Streaming: libxml2's SAX2 push parser (``ODMPushParser``) reads the file in 64 KiB chunks,
/// each checked by an ``ODMGuardedStream``; only the current form instance is held besides the tables.
/// A large file is read in parts on all cores (``ODMSegmentedRead``), with the same result.
/// The metadata (MetaDataVersion) must come before the ClinicalData, as ODM orders them.
public enum ODMLoader {
    /// The tables of the file in form-name order; problems in the data become findings (ODM0001-),
    /// a file that cannot be read safely throws ``ODMError``. `displayPath` names the file in findings.
    /// `subjectColumns`: the per-form subject columns of `forms.yaml`, replacing the specs'.
    public static func load(
        path: String, specs: [DomainSpec], findings: FindingSink, displayPath: String? = nil,
        subjectColumns: [String: String] = [:]
    ) throws -> [RawTable] {
        let (read, metadata) = try read(
            path: path, findings: findings, displayPath: displayPath, partBytes: ODMSegmentedRead.defaultPartBytes,
            wantedForms: SpecRequirements.namedForms(of: specs))
        let required = SpecRequirements.columns(of: specs, subjectColumns: subjectColumns)
        // The decodes of coded items the specs name (`sex_DECODE`).
        let decoded = ODMDecodedColumns.add(read, metadata: metadata, required: required)
        // The subject column of a CSV export (`Subject`) found as the SubjectKey.
        let tables = ODMSubjectColumn.bridge(
            decoded, specs: specs, subjectColumns: subjectColumns, file: displayPath ?? path, findings: findings)
        try checkRequired(tables, path: path, required: required)
        return tables
    }

    /// The tables and the metadata (code lists, data types) of the file.
    public static func read(
        path: String, findings: FindingSink, displayPath: String? = nil
    ) throws -> (tables: [RawTable], metadata: ODMMetadata) {
        try read(path: path, findings: findings, displayPath: displayPath, partBytes: ODMSegmentedRead.defaultPartBytes)
    }

    /// As ``read(path:findings:displayPath:)``; a file of more than `partBytes` is read in parts
    /// on all cores (``ODMSegmentedRead``), with one parser when that cannot be done exactly (or
    /// when `partBytes` is nil). `wantedForms`: the forms the specs name, by FormDef Name or
    /// FormOID (``ODMMetadata/tableNames(wanted:)``).
    ///
    /// Forms without a FormDef (a file exported without its metadata, as some EDC web services
    /// give it) are loaded too: the first read notes their ItemOIDs in the order first met, and
    /// the file is read again with those forms defined from the data (`inferred`; ODM0013).
    static func read(
        path: String, findings: FindingSink, displayPath: String?, partBytes: Int?, wantedForms: Set<String> = [],
        inferred: ODMMetadata? = nil
    ) throws -> (tables: [RawTable], metadata: ODMMetadata) {
        let display = displayPath ?? path
        // Findings are held until it is known whether the file is read again.
        let held = FindingCollector()
        let reader: ODMReader
        do {
            if let partBytes,
                let outcome = ODMSegmentedRead.read(
                    path: path, display: display, partBytes: partBytes, wantedForms: wantedForms, preset: inferred)
            {
                for finding in outcome.findings { held.report(finding) }
                outcome.reader.report(to: held)
                reader = outcome.reader
            } else {
                reader = try readWhole(path: path, display: display, wantedForms: wantedForms, preset: inferred, findings: held)
            }
        } catch {
            for finding in held.findings { findings.report(finding) }
            throw error
        }
        if inferred == nil, !reader.builder.undefinedForms.isEmpty {
            var metadata = ODMMetadata()
            for form in reader.builder.undefinedForms { metadata.defineFromData(form.oid, items: form.items, line: form.line) }
            return try read(
                path: path, findings: findings, displayPath: displayPath, partBytes: partBytes, wantedForms: wantedForms,
                inferred: metadata)
        }
        for finding in held.findings { findings.report(finding) }
        reader.report(to: findings)
        let (tables, metadata) = finish(reader, display: display, findings: findings)
        // A REDCap project's file: laid out as REDCap's CSV exports lay out the same records.
        let composed = ODMREDCapRecords.compose(
            tables, metadata: metadata, names: metadata.tableNames(wanted: wantedForms).names, wanted: wantedForms,
            file: display, findings: findings)
        return (composed, metadata)
    }

    /// The whole file read by one parser; throws for a file that cannot be read safely.
    private static func readWhole(
        path: String, display: String, wantedForms: Set<String>, preset: ODMMetadata?, findings: FindingSink
    ) throws -> ODMReader {
        let stream = try ODMGuardedStream(path: path)
        let reader = ODMReader(path: path, display: display, findings: findings, metadata: preset, wantedForms: wantedForms)
        let parser = ODMPushParser(handler: reader)
        parser.parse(stream)
        reader.sawCarriageReturn = stream.sawCarriageReturn
        if let line = stream.doctypeLine { throw ODMError.doctypeRefused(path: path, line: line) }
        if let bad = stream.invalidUTF8 {
            throw ODMError.malformed(
                path: path, line: bad.line, column: bad.column, detail: "bytes \(bad.bytes) are not UTF-8")
        }
        if let failure = reader.failure { throw failure }
        if let error = parser.error {
            let detail = error.message.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
            throw ODMError.malformed(path: path, line: max(error.line, 1), column: error.column, detail: detail)
        }
        guard reader.rootClosed else { throw ODMError.truncated(path: path, line: max(parser.lastLine, 1)) }
        return reader
    }

    /// The tables and metadata of a reader that read the whole file; skipped parts reported.
    private static func finish(
        _ reader: ODMReader, display: String, findings: FindingSink
    ) -> (tables: [RawTable], metadata: ODMMetadata) {
        var builder = reader.builder
        let names = ["AuditRecord": "audit records", "Signature": "signatures", "Annotation": "annotations"]
        for (element, what) in names.sorted(by: { $0.key < $1.key }) {
            guard let seen = reader.skipped[element] else { continue }
            findings.report(.odmSkipped(file: display, what: what, count: seen.count, firstLine: seen.line))
        }
        // Line breaks in element text that may have been CR LF in the file (ODM0018).
        if reader.sawCarriageReturn { for finding in reader.lineBreakValues { findings.report(finding) } }
        return (builder.finish(), builder.metadata)
    }

    /// Throws for a form or column the specs need that the file lacks.
    /// `required`: form -> column -> who needs it (``SpecRequirements/columns(of:subjectColumns:)``).
    static func checkRequired(_ tables: [RawTable], path: String, required: [String: [String: String]]) throws {
        let byName = Dictionary(tables.map { ($0.form, $0) }, uniquingKeysWith: { a, _ in a })
        for form in required.keys.sorted() {
            let who = required[form] ?? [:]
            guard let table = byName[form] else {
                throw ODMError.missingForm(
                    path: path, form: form, neededBy: who.values.sorted().first ?? "a spec", present: byName.keys.sorted())
            }
            for column in who.keys.sorted() where table.columnIndex[column] == nil {
                throw ODMError.missingItem(
                    path: path, form: form, column: column, neededBy: who[column]!, present: table.header)
            }
        }
    }
}
