/// Everything a mapping run reads: the study, its CT map, the standards, the raw data.
///
/// A class, not a struct: every record builder refers to it, and copying a struct of this size
/// per record cost more than the mapping itself.
public final class MappingContext: @unchecked Sendable {
    // @unchecked: the properties are set before domains are mapped on several threads (DM's
    // records, the visit schedule); during the concurrent mapping they are only read.
    public var study: StudyDefinition
    public var ctMap: CTMap
    public var metadata: StandardMetadata
    public var terminology: ControlledTerminology
    /// NCI codes of CT terms (TSVALCD and TSPARM lookups).
    public var termCodes: TermCodes
    public var raw: RawData
    /// Records dated after this day are excluded (`YYYY-MM-DD`); nil keeps everything.
    public var cutoff: PartialDate?
    /// Paths shown in hints, e.g. `mappings/NCT05549466/ct-map.yaml`.
    public var ctMapPath: String
    public var studyPath: String
    /// Folder name -> VISIT / VISITNUM.
    public var visits = VisitSchedule(visits: [])
    /// Date and time columns an `assign_datetime` maps (and reports), with the format it reads them
    /// with (`form.COLUMN` or `form.COLUMN|PATTERN`, see ``RawDateFormats/mappedDateColumns(of:)``);
    /// invalid values of other columns, or read with another format, are reported by the aggregate.
    public var mappedDateColumns: Set<String> = []
    /// Date and time formats declared for the study and per form (forms.yaml); fields and blocks declare their own.
    public var rawDateFormats = RawDateFormats()
    /// The mapped DM dataset, once DM is mapped: `DM.VAR` references read it.
    public private(set) var dm: Dataset?
    /// The row of each subject in ``dm``, by the raw subject key of DM's form (by SUBJID for a
    /// record whose source is unknown).
    public private(set) var subjects: [String: Int] = [:]

    /// Makes DM's records readable by the other domains' `DM.VAR` references.
    public func setDemographics(_ dm: Dataset) {
        self.dm = dm
        subjects = [:]
        let subjid = dm.index(of: "SUBJID")
        let keys = rawSubjectKeys(of: dm)
        for (r, row) in dm.rows.enumerated() {
            if let key = keys[r] ?? subjid.map({ row[$0] }) { subjects[key] = r }
        }
    }

    public init(
        study: StudyDefinition, ctMap: CTMap, metadata: StandardMetadata, terminology: ControlledTerminology,
        termCodes: TermCodes = TermCodes(), raw: RawData, cutoff: PartialDate?, ctMapPath: String, studyPath: String
    ) {
        self.termCodes = termCodes
        self.study = study
        self.ctMap = ctMap
        self.metadata = metadata
        self.terminology = terminology
        self.raw = raw
        self.cutoff = cutoff
        self.ctMapPath = ctMapPath
        self.studyPath = studyPath
    }
}
