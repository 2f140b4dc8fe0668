import Foundation

/// The `.trialexport` file an export or a generate run writes last into its folder: what wrote
/// the folder and every file it holds, so a later run replaces only a folder the tool wrote.
///
/// Deterministic (no clock, no process id): the same run gives the same bytes.
public struct OutputMarker: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case export, generate

        /// What such a folder holds, for messages.
        var contents: String { self == .export ? "an SDTM export" : "dummy EDC forms written by `trialexport generate`" }
    }

    public static let fileName = ".trialexport"
    /// The version of the tool, written into every marker.
    public static let toolVersion = "0.10.0"

    public var tool = "trialexport"
    public var version = OutputMarker.toolVersion
    public var kind: Kind
    public var studyId: String
    /// Export: the data cut-off (`YYYY-MM-DD`) and the raw folder; generate: the `--as-of` date, if any.
    public var cutoff: String?
    public var raw: String?
    /// Generate: the seed and the number of subjects asked for (nil: the study's planned enrollment).
    public var seed: UInt64?
    public var subjects: Int?
    /// Every file the run wrote, relative to the folder, sorted (filled in by ``StagingFolder``).
    public var files: [String] = []

    public init(
        kind: Kind, studyId: String, cutoff: String? = nil, raw: String? = nil, seed: UInt64? = nil,
        subjects: Int? = nil
    ) {
        self.kind = kind
        self.studyId = studyId
        self.cutoff = cutoff
        self.raw = raw
        self.seed = seed
        self.subjects = subjects
    }

    /// Writes the marker into `folder`, listing the files already there.
    func write(into folder: URL) throws {
        var marker = self
        marker.files = try OutputMarker.files(in: folder)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try (encoder.encode(marker) + Data("\n".utf8)).write(to: folder.appendingPathComponent(Self.fileName))
    }

    /// The marker of `folder`: nil when there is none, an error text when it cannot be read.
    static func read(in folder: URL) -> Result<OutputMarker, MarkerProblem>? {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = try? Data(contentsOf: url), let marker = try? JSONDecoder().decode(OutputMarker.self, from: data),
            marker.tool == "trialexport"
        else { return .failure(MarkerProblem()) }
        return .success(marker)
    }

    struct MarkerProblem: Error {}

    /// Every file and folder below `folder` (the marker excluded), relative, sorted; folders end in "/".
    static func entries(in folder: URL) throws -> [String] {
        let fm = FileManager.default
        var out: [String] = []
        var pending = [""]
        while let prefix = pending.popLast() {
            for name in try fm.contentsOfDirectory(atPath: folder.appendingPathComponent(prefix).path) {
                let relative = prefix + name
                if relative == fileName { continue }
                var isDirectory: ObjCBool = false
                let path = folder.appendingPathComponent(relative).path
                let isLink = (try? fm.destinationOfSymbolicLink(atPath: path)) != nil
                if !isLink, fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    out.append(relative + "/")
                    pending.append(relative + "/")
                } else {
                    out.append(relative)
                }
            }
        }
        return out.sorted()
    }

    /// The files (not folders) below `folder`, relative, sorted.
    static func files(in folder: URL) throws -> [String] { try entries(in: folder).filter { !$0.hasSuffix("/") } }
}
