import Foundation
import TrialExportCore

/// An ODM file read in parts on all cores: the file is cut before `<SubjectData` tags into parts
/// of a few MiB, each part parsed by its own libxml2 parser (inside the file's own `<ODM>` and
/// `<ClinicalData>` start tags, with their namespace declarations) and the parts' tables joined
/// in file order.
///
/// The result is the one a single parser gives, byte for byte (tables, lines, findings and their
/// order), or nothing: whenever a part is not exactly a run of whole SubjectData of the
/// ClinicalData (a cut inside a comment, CDATA section or processing instruction, any error,
/// metadata after the first part, a truncated file), ``read(path:display:partBytes:)`` returns nil
/// and the caller reads the file with one parser, which then reports the problem as usual.
/// Memory stays bounded: as many parts as cores are parsed at a time, and one more is cut.
enum ODMSegmentedRead {
    /// A part of the file: its bytes, and whether it is the last.
    struct Part: Sendable {
        let bytes: [UInt8]
        let last: Bool

        /// What a pass over the bytes finds (line feeds, ASCII, `!`, `?`).
        func survey() -> ODMGuardedStream.Survey { bytes.withUnsafeBufferPointer { ODMGuardedStream.survey($0) } }
    }

    /// What reading the file in parts gave: the reader of the first part, holding all parts'
    /// tables, and the findings of all parts in file order.
    struct Outcome {
        let reader: ODMReader
        let findings: [Finding]
    }

    /// The size a part is cut at (then extended to the next `<SubjectData`).
    static let defaultPartBytes = 4 << 20

    /// The file read in parts of at least `partBytes`; nil when it is no larger than that, or
    /// when the parts do not give exactly what one parser gives.
    static func read(
        path: String, display: String, partBytes: Int = defaultPartBytes, wantedForms: Set<String> = [],
        preset: ODMMetadata? = nil
    ) -> Outcome? {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size, size > partBytes else { return nil }
        guard let cutter = ODMCutter(path: path), let first = cutter.next(atLeast: 0), !first.last else { return nil }
        // The first part (the metadata up to the first SubjectData) is read first: the others need
        // its metadata and its start tags.
        let firstSurvey = first.survey()
        guard
            let (reader, firstFindings) = parse(
                first, line: 1, survey: firstSurvey, path: path, display: display, metadata: nil, prefix: [],
                wantedForms: wantedForms, preset: preset)
        else { return nil }
        let prefix = Array("<ODM\(reader.rootNamespaces)><ClinicalData\(reader.clinicalDataNamespaces)>".utf8)
        guard !prefix.contains(0x0A) else { return nil }
        let metadata = reader.builder.metadata
        var findings = firstFindings
        // Up to `width` parts are parsed at a time; the next part is cut meanwhile, and parts are
        // joined in file order, each as soon as it and those before it are done.
        // Each part is surveyed (its line feeds counted) by the thread that parses it; its first
        // line follows from the parts before it (``LineChain``).
        let width = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        let lines = LineChain(first: 1 + firstSurvey.lineFeeds)
        var pending: [(group: DispatchGroup, result: PartResult)] = []
        var done = false
        var index = 0
        while !done {
            guard let part = cutter.next(atLeast: partBytes) else {
                for running in pending { running.group.wait() }
                return nil
            }
            done = part.last
            // When all cores are busy, the oldest part is waited for; the new part starts before
            // the finished one is joined, so no core idles during the join.
            var finished: PartResult?
            if pending.count >= width {
                let first = pending.removeFirst()
                first.group.wait()
                finished = first.result
            }
            let result = PartResult()
            let group = DispatchGroup()
            DispatchQueue.global().async(group: group) { [index] in
                let survey = part.survey()
                let line = lines.start(of: index, lineFeeds: survey.lineFeeds)
                guard !part.holdsMarkupOtherThanElements(survey) else { return }
                result.set(
                    parse(
                        part, line: line, survey: survey, path: path, display: display, metadata: metadata, prefix: prefix,
                        wantedForms: wantedForms))
            }
            index += 1
            pending.append((group, result))
            if let finished, !join(finished, into: reader, findings: &findings) {
                for running in pending { running.group.wait() }
                return nil
            }
        }
        for (i, running) in pending.enumerated() {
            running.group.wait()
            guard join(running.result, into: reader, findings: &findings) else {
                for later in pending.dropFirst(i + 1) { later.group.wait() }
                return nil
            }
        }
        guard reader.rootClosed else { return nil }
        return Outcome(reader: reader, findings: findings)
    }

    /// Parses one part: the first (`metadata` nil, no prefix) must end between two SubjectData;
    /// a later one (inside `prefix`, with the first part's `metadata`) must be a run of whole
    /// SubjectData without metadata, and the last one must reach the end of the document. nil
    /// when it does not read cleanly so.
    private static func parse(
        _ part: Part, line: Int, survey: ODMGuardedStream.Survey, path: String, display: String, metadata: ODMMetadata?,
        prefix: [UInt8], wantedForms: Set<String>, preset: ODMMetadata? = nil
    ) -> (reader: ODMReader, findings: [Finding])? {
        let findings = FindingCollector()
        let reader = ODMReader(
            path: path, display: display, findings: findings, metadata: metadata ?? preset, wantedForms: wantedForms)
        let parser = ODMPushParser(handler: reader)
        // A part of ASCII bytes without `!` needs no UTF-8 or DOCTYPE check.
        let stream = ODMGuardedStream(bytes: part.bytes, checked: survey.ascii && !survey.bang)
        parser.parse(stream, prefix: prefix, lineOffset: line - 1, terminate: part.last)
        reader.sawCarriageReturn = survey.carriageReturn || stream.sawCarriageReturn
        guard stream.doctypeLine == nil, stream.invalidUTF8 == nil, parser.error == nil, reader.failure == nil,
            metadata == nil || !reader.sawMetadata
        else { return nil }
        if part.last {
            guard reader.rootClosed else { return nil }
        } else {
            guard parser.stoppedInContent, reader.betweenSubjects else { return nil }
        }
        return (reader, findings.findings)
    }

    /// Joins a parsed part; false when it did not read cleanly.
    private static func join(_ result: PartResult, into reader: ODMReader, findings: inout [Finding]) -> Bool {
        guard let part = result.value else { return false }
        reader.absorb(part.reader)
        findings += part.findings
        return true
    }
}

/// The file's line at the start of each part after the first: part `i + 1` starts where part `i`
/// starts plus its line feeds. Each part's thread counts its own line feeds, then waits (briefly:
/// the part before it was started earlier and counts first) for its own start.
private final class LineChain: @unchecked Sendable {
    // @unchecked Sendable: `starts` is only read or written while holding `condition`.
    private let condition = NSCondition()
    private var starts: [Int]

    init(first: Int) { starts = [first] }

    /// Part `index`'s first line, once the parts before it have given theirs; records where the
    /// next part starts (`lineFeeds`: this part's).
    func start(of index: Int, lineFeeds: Int) -> Int {
        condition.lock(); defer { condition.unlock() }
        while starts.count <= index { condition.wait() }
        starts.append(starts[index] + lineFeeds)
        condition.broadcast()
        return starts[index]
    }
}

/// The result of parsing one part, set from the thread that parses it.
private final class PartResult: @unchecked Sendable {
    // @unchecked Sendable: `stored` is only read or written while holding `lock`.
    private let lock = NSLock()
    private var stored: (reader: ODMReader, findings: [Finding])?

    func set(_ result: (reader: ODMReader, findings: [Finding])?) {
        lock.lock(); defer { lock.unlock() }
        stored = result
    }

    /// The part's reader and findings; nil when it failed (or has not run).
    var value: (reader: ODMReader, findings: [Finding])? {
        lock.lock(); defer { lock.unlock() }
        return stored
    }
}

extension ODMSegmentedRead.Part {
    /// Whether the part holds `<!` or `<?` (a comment, CDATA section, DOCTYPE or processing
    /// instruction), inside which a cut could have fallen.
    func holdsMarkupOtherThanElements(_ survey: ODMGuardedStream.Survey) -> Bool {
        guard survey.bang || survey.question else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            ODMByteSearch.first(of: Array("<!".utf8), anchor: 1, in: buffer, from: 0) != nil
                || ODMByteSearch.first(of: Array("<?".utf8), anchor: 1, in: buffer, from: 0) != nil
        }
    }
}

/// Cuts a file into parts, each (after the first) starting at a `<SubjectData` tag: each part's
/// bytes are read straight into its own array, and only the few bytes read past the cut are
/// copied on to the next part.
final class ODMCutter {
    private let handle: FileHandle
    /// Bytes read past the last cut: the start of the next part.
    private var carry: [UInt8] = []
    private var atEnd = false
    private static let pattern = Array("<SubjectData".utf8)
    /// Read past the wanted size before looking for the cut.
    private static let lookahead = 64 << 10
    /// How far past the wanted size a cut may be looked for: a part never grows beyond this.
    private static let slack = 64 << 20

    init?(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next part: at least `atLeast` bytes (unless the file ends), up to the next `<SubjectData`
    /// tag; nil at the end of the file, or when no tag comes within the slack.
    func next(atLeast: Int) -> ODMSegmentedRead.Part? {
        var bytes = read(atLeast + Self.lookahead)
        guard !bytes.isEmpty else { return nil }
        var from = max(atLeast, 1)
        var cut: Int?
        while true {
            if let found = found(in: bytes, from: from) {
                let after = found + Self.pattern.count
                if after < bytes.count {
                    if [0x20, 0x09, 0x0A, 0x0D, 0x3E, 0x2F].contains(bytes[after]) {
                        cut = found
                        break
                    }
                    from = found + 1
                    continue
                }
            } else {
                from = max(from, bytes.count - Self.pattern.count + 1)
            }
            if atEnd { break }
            if bytes.count > atLeast + Self.slack { return nil }
            let more = read(Self.lookahead, keeping: [])
            if more.isEmpty && atEnd { break }
            bytes += more
        }
        if let cut {
            carry = Array(bytes[cut...])
            bytes.removeSubrange(cut...)
        }
        return ODMSegmentedRead.Part(bytes: bytes, last: cut == nil)
    }

    /// The carried bytes (or `keeping`) followed by bytes read from the file up to `count` in all
    /// (fewer at its end), read in place.
    private func read(_ count: Int, keeping: [UInt8]? = nil) -> [UInt8] {
        let kept = keeping ?? carry
        if keeping == nil { carry = [] }
        let capacity = max(count, kept.count)
        let descriptor = handle.fileDescriptor
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            let base = buffer.baseAddress!
            if !kept.isEmpty { kept.withUnsafeBufferPointer { base.initialize(from: $0.baseAddress!, count: $0.count) } }
            initialized = kept.count
            while initialized < capacity, !atEnd {
                let got = Glibc.read(descriptor, base + initialized, capacity - initialized)
                if got > 0 {
                    initialized += got
                } else if got == 0 || errno != EINTR {
                    atEnd = true
                }
            }
        }
    }

    private func found(in bytes: [UInt8], from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        // Anchored on its `j`, far rarer in ODM than `<`.
        return bytes.withUnsafeBufferPointer { ODMByteSearch.first(of: Self.pattern, anchor: 4, in: $0, from: from) }
    }
}

/// Finding a byte pattern: `memchr` jumps to each occurrence of the pattern's byte at `anchor`
/// (chosen rare), then the whole pattern is compared there.
enum ODMByteSearch {
    static func first(of pattern: [UInt8], anchor: Int, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = bytes.baseAddress, !pattern.isEmpty else { return nil }
        var at = from + anchor
        while at < bytes.count {
            guard let hit = memchr(base + at, Int32(pattern[anchor]), bytes.count - at) else { return nil }
            let start = (UnsafeRawPointer(hit) - UnsafeRawPointer(base)) - anchor
            if start + pattern.count <= bytes.count, memcmp(base + start, pattern, pattern.count) == 0 { return start }
            at = start + anchor + 1
        }
        return nil
    }
}
