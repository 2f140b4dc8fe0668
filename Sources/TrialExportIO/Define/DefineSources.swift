import TrialExportCore

/// What `define.xml` is generated from besides the datasets: the specs (origins, methods), the
/// standard's metadata (class, structure) and the CT (codelists, NCI codes, sponsor extensions).
public struct DefineSources: Sendable {
    public var specs: [DomainSpec]
    public var metadata: StandardMetadata
    /// The CT as the study extends it (`ct-extensions.yaml`).
    public var terminology: ControlledTerminology
    /// NCI codes of the CDISC terms (sponsor extensions have none).
    public var termCodes: TermCodes

    public init(specs: [DomainSpec], metadata: StandardMetadata, terminology: ControlledTerminology, termCodes: TermCodes) {
        self.specs = specs
        self.metadata = metadata
        self.terminology = terminology
        self.termCodes = termCodes
    }
}
