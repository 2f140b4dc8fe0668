import Foundation
import TrialExportCore

/// A study folder as loaded: `study.yaml`, `ct-map.yaml`, `domains/*.yaml`, plus the standards.
public struct StudyBundle: Sendable {
    public var folder: URL
    public var study: StudyDefinition
    public var ctMap: CTMap
    public var specs: [DomainSpec]
    public var metadata: StandardMetadata
    public var terminology: ControlledTerminology
    public var termCodes: TermCodes
    public var visits: VisitSchedule
    /// The study's decisions about reviewed findings (`finding-policy.yaml`, optional).
    public var findingPolicy = FindingPolicy()
    /// The raw files' layouts (`forms.yaml`, optional).
    public var forms: FormLayouts?

    public var studyPath: String { folder.appendingPathComponent("study.yaml").path }
    public var findingPolicyPath: String { folder.appendingPathComponent("finding-policy.yaml").path }
    /// How findings written into an export name a file of the study: `<study folder>/<file>`, so the
    /// export's bytes do not depend on where the study lies (CI checkouts, another machine).
    public func shown(_ file: String) -> String { "\(folder.lastPathComponent)/\(file)" }
    /// Finds where the specs name a column (for a column no raw header has).
    public var referenceLocator: SpecReferenceLocator {
        SpecReferenceLocator(
            domains: folder.appendingPathComponent("domains"), forms: folder.appendingPathComponent("forms.yaml"))
    }

    /// Loads and validates every file; the first problem stops with its file and key named.
    public static func load(study folder: URL, standards: URL) throws -> StudyBundle {
        let study = try StudyLoader.load(folder.appendingPathComponent("study.yaml").path)
        // The registry's wording of design facts is bundled; the study's own map comes first.
        let wordingPath = standards.appendingPathComponent("registry-wording.yaml").path
        let wording = FileManager.default.fileExists(atPath: wordingPath) ? try CTMapLoader.load(wordingPath) : CTMap([:])
        let ctMap = try CTMapLoader.load(folder.appendingPathComponent("ct-map.yaml").path).over(wording)
        let metadata = try StandardsLoader.metadata(at: standards.appendingPathComponent("sdtmig-3.4.json").path)
        let ctPath = standards.appendingPathComponent("ct/sdtm-ct-2025-03-28.json").path
        let (cdisc, termCodes) = try StandardsLoader.controlledTerminology(at: ctPath)
        let terminology = try extend(cdisc, with: folder.appendingPathComponent("ct-extensions.yaml").path)
        let visitsPath = folder.appendingPathComponent("visits.yaml").path
        let visits =
            FileManager.default.fileExists(atPath: visitsPath)
            ? try SpecFile.decode(VisitSchedule.self, from: visitsPath) : VisitSchedule(visits: [])
        let validator = SpecValidator(metadata: metadata, ctMap: ctMap, terminology: terminology)
        let specs = try loadSpecs(folder.appendingPathComponent("domains"), validator: validator)
        var bundle = StudyBundle(
            folder: folder, study: study, ctMap: ctMap, specs: specs, metadata: metadata, terminology: terminology,
            termCodes: termCodes, visits: visits,
            forms: try FormLayoutLoader.load(folder.appendingPathComponent("forms.yaml").path))
        bundle.findingPolicy = try FindingPolicyLoader.load(bundle.findingPolicyPath)
        return bundle
    }

    /// Adds the study's sponsor-defined terms (`ct-extensions.yaml`, optional) to extensible codelists.
    static func extend(_ terminology: ControlledTerminology, with path: String) throws -> ControlledTerminology {
        guard FileManager.default.fileExists(atPath: path) else { return terminology }
        let (additions, document) = try SpecFile.load([String: [String]].self, from: path)
        switch terminology.extending(additions) {
        case .success(let extended): return extended
        case .failure(.unknown(let name)):
            let guess =
                SpecWording.closest(to: name, in: terminology.codelists.map(\.name)).map { " Did you mean \"\($0)\"?" } ?? ""
            throw document.error(
                at: [.key(name)], detail: "no bundled CDISC codelist has this name or code.\(guess)", markKey: true)
        case .failure(.notExtensible(let name)):
            throw document.error(
                at: [.key(name)], detail: "the codelist is not extensible: sponsors may not add terms to it",
                markKey: true)
        }
    }

    /// Domain specs in DM-first, then alphabetical order, each validated against the metadata, CT map and CT.
    static func loadSpecs(_ folder: URL, validator: SpecValidator) throws -> [DomainSpec] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let files = names.filter { $0.hasSuffix(".yaml") }.sorted { a, b in
            (a == "dm.yaml" ? 0 : 1, a) < (b == "dm.yaml" ? 0 : 1, b)
        }
        guard !files.isEmpty else {
            throw TrialExportError.fileNotFound(path: folder.path, what: "domain specs (domains/*.yaml)")
        }
        return try files.map { file in
            let path = folder.appendingPathComponent(file).path
            let (spec, document) = try SpecFile.load(DomainSpec.self, from: path)
            try validator.validate(spec, document: document)
            return spec
        }
    }
}
