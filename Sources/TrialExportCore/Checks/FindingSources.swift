import Foundation

/// Gives findings about SDTM records the raw file and line(s) those records came from.
///
/// The one place where a check finding learns its raw location: a finding naming a domain, a
/// USUBJID and a --SEQ is matched to its record through the dataset's ``RecordSources``. In a
/// dataset without --SEQ (DM) the subject's records are the match (a duplicated subject names
/// every line it came from; a SUPP-- finding only when the subject has one record there); a dataset without USUBJID (trial design) names its one source file.
/// Findings that already name a file, and subject-level findings of a dataset with --SEQ, are
/// passed on unchanged. Indexes are built on a dataset's first finding, one word per record.
public final class FindingSources: FindingSink, @unchecked Sendable {
    // @unchecked Sendable: `indexes` is only read or written while holding `lock`; the rest is immutable.
    private let lock = NSLock()
    private let next: FindingSink
    private let datasets: [String: Dataset]
    private var indexes: [String: RecordIndex] = [:]

    /// Passes located findings on to `next`.
    public init(datasets: [Dataset], next: FindingSink) {
        self.next = next
        self.datasets = Dictionary(datasets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func report(_ finding: Finding) { next.report(locate(finding)) }

    /// `finding` with the raw file and line(s) of its record, when they can be known.
    public func locate(_ finding: Finding) -> Finding {
        guard finding.file == nil, let domain = finding.domain, let dataset = datasets[domain],
            dataset.sources.count == dataset.rows.count, dataset.sources.count > 0
        else { return finding }
        var located = finding
        guard dataset.index(of: "USUBJID") != nil else {
            if finding.usubjid == nil, dataset.sources.files.count == 1 { located.file = dataset.sources.files[0] }
            return located
        }
        guard let subject = finding.usubjid else { return finding }
        let index = self.index(of: dataset)
        let rows = index.rows(subject: subject, seq: finding.seq)
        // A SUPP-- finding names no record of the subject's several; one record is located.
        guard !rows.isEmpty, rows.count == 1 || !domain.hasPrefix("SUPP") else { return finding }
        let sources = rows.map { dataset.sources[$0] }
        guard sources.allSatisfy({ $0.file == sources[0].file }) else { return finding }
        let lines = sources.flatMap(\.lines)
        located.file = sources[0].file
        located.line = lines.first
        if lines.count > 1 { located.lines = Self.text(of: lines) }
        return located
    }

    /// The record index of `dataset`, built on first use.
    private func index(of dataset: Dataset) -> RecordIndex {
        lock.lock(); defer { lock.unlock() }
        if let known = indexes[dataset.name] { return known }
        let index = RecordIndex(dataset)
        indexes[dataset.name] = index
        return index
    }

    /// Lines as text, runs of three or more consecutive lines as `first-last`: `3, 17` or `12-40`.
    static func text(of lines: [Int]) -> String {
        var parts: [String] = []
        var start = 0
        while start < lines.count {
            var end = start
            while end + 1 < lines.count, lines[end + 1] == lines[end] + 1 { end += 1 }
            if end - start >= 2 {
                parts.append("\(lines[start])-\(lines[end])")
            } else {
                parts += lines[start...end].map(String.init)
            }
            start = end + 1
        }
        return parts.joined(separator: ", ")
    }
}

/// The rows of a dataset by USUBJID and --SEQ (by USUBJID alone when it has no --SEQ).
private struct RecordIndex {
    let subjects: [ExactText: UInt32]
    let hasSeq: Bool
    /// The first row of each key (USUBJID code and --SEQ in one word).
    private var first: [UInt64: Int32] = [:]
    /// Further rows of keys that more than one row has (a duplicated subject).
    private var more: [UInt64: [Int32]] = [:]

    init(_ dataset: Dataset) {
        let usubjid = dataset.cells.columns[dataset.index(of: "USUBJID")!]
        let seq = dataset.index(of: "\(dataset.name)SEQ").map { dataset.cells.columns[$0] }
        subjects = usubjid.codesByValue()
        hasSeq = seq != nil
        let numbers = seq.map { $0.values.map { UInt64(UInt32(clamping: Int($0) ?? 0)) } }
        first.reserveCapacity(dataset.rows.count)
        for row in 0..<dataset.rows.count {
            let key = Self.key(usubjid.codes[row], numbers.map { $0[Int(seq!.codes[row])] } ?? 0)
            if first[key] == nil {
                first[key] = Int32(row)
            } else {
                more[key, default: []].append(Int32(row))
            }
        }
    }

    /// The rows of `subject` with `seq` (every row of the subject in a dataset without --SEQ).
    func rows(subject: String, seq: Int?) -> [Int] {
        guard let code = subjects[ExactText(subject)], hasSeq == (seq != nil) else { return [] }
        let key = Self.key(code, UInt64(UInt32(clamping: seq ?? 0)))
        guard let row = first[key] else { return [] }
        return [Int(row)] + (more[key] ?? []).map(Int.init)
    }

    private static func key(_ code: UInt32, _ seq: UInt64) -> UInt64 { UInt64(code) << 32 | seq }
}
