/// Where each record of a dataset came from: the raw file and line (or lines), kept beside the cells.
///
/// A record costs one code for its file (1 byte while a dataset draws on fewer than 256 files) and
/// one 4-byte word for its line; a record built from several raw lines (grouped, summed) keeps
/// them in a shared list and its word points there. No line (0) means "the whole file" (e.g. trial
/// design records, which come from the study definition).
public struct RecordSources: Sendable, Equatable {
    /// The files records came from, in order of first use.
    public private(set) var files: [String] = []
    private var fileCodes = CodeArray()
    /// Per record: its line, or (with ``groupFlag``) the position of its lines in ``groupStarts``.
    private var words: [UInt32] = []
    /// Lines of records built from several raw lines: group `g` is `groupLines[groupStarts[g]..<groupStarts[g + 1]]`.
    private var groupStarts: [UInt32] = [0]
    private var groupLines: [UInt32] = []

    private static let groupFlag: UInt32 = 1 << 31

    /// No records.
    public init() {}

    /// `count` records all from `file`, lines unknown.
    public init(file: String, count: Int) {
        files = [file]
        fileCodes = CodeArray(repeating: 0, count: count)
        words = Array(repeating: 0, count: count)
    }

    /// The number of records.
    public var count: Int { words.count }

    /// Adds a record from `lines` (in the order given; none when unknown) of `file`.
    public mutating func append(file: String, lines: some Collection<Int>) {
        let code: Int
        if let known = files.lastIndex(of: file) {
            code = known
        } else {
            code = files.count
            files.append(file)
        }
        fileCodes.append(UInt32(code))
        if lines.count <= 1 {
            words.append(UInt32(clamping: lines.first ?? 0) & ~Self.groupFlag)
        } else {
            words.append(UInt32(groupStarts.count - 1) | Self.groupFlag)
            groupLines.append(contentsOf: lines.map { UInt32(clamping: $0) })
            groupStarts.append(UInt32(groupLines.count))
        }
    }

    /// Adds the source of record `row` of `other` (e.g. a SUPP-- record takes its parent's).
    public mutating func append(_ row: Int, of other: RecordSources) {
        let source = other[row]
        append(file: source.file, lines: source.lines)
    }

    /// The source of record `row`.
    public subscript(row: Int) -> RecordSource {
        let file = files[Int(fileCodes[row])]
        let word = words[row]
        guard word & Self.groupFlag != 0 else { return RecordSource(file: file, lines: word == 0 ? [] : [Int(word)]) }
        let group = Int(word & ~Self.groupFlag)
        let lines = groupLines[Int(groupStarts[group])..<Int(groupStarts[group + 1])]
        return RecordSource(file: file, lines: lines.map(Int.init))
    }

    /// The records in the order `order` gives (positions into these records).
    public func reordered(_ order: [Int]) -> RecordSources {
        var result = self
        result.fileCodes = fileCodes.reordered(order)
        result.words = order.map { words[$0] }
        return result
    }
}

/// The raw file and lines one SDTM record was built from.
public struct RecordSource: Hashable, Sendable {
    public var file: String
    /// The raw lines, in the order read; empty when only the file is known.
    public var lines: [Int]

    public init(file: String, lines: [Int]) {
        self.file = file
        self.lines = lines
    }
}
