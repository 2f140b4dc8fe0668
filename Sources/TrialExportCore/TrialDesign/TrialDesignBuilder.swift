/// Builds the trial design datasets TS, TA, TE and TI from a study definition.
///
/// Registry wording becomes CDISC submission values through the study's CT map (lists named
/// after the codelist or TS parameter, e.g. `TPHASE: {Phase 2: PHASE II TRIAL}`); every coded
/// value is checked against the bundled CT and problems flow to `findings`.
public struct TrialDesignBuilder {
    public let study: StudyDefinition
    public let ctMap: CTMap
    public let metadata: StandardMetadata
    public let terminology: ControlledTerminology
    public let termCodes: TermCodes
    let findings: FindingSink

    public init(
        study: StudyDefinition, ctMap: CTMap, metadata: StandardMetadata,
        terminology: ControlledTerminology, termCodes: TermCodes, findings: FindingSink
    ) {
        self.study = study
        self.ctMap = ctMap
        self.metadata = metadata
        self.terminology = terminology
        self.termCodes = termCodes
        self.findings = findings
    }

    /// TS, TA, TE and TI, in that order; `actualSubjects` (ACTSUB) is left out when nil;
    /// `studyStart` (SSTDTC, the earliest informed consent of a subject in the trial) is `UNK` when nil.
    public func build(actualSubjects: Int?, studyStart: String? = nil) -> [Dataset] {
        [
            trialSummary(actualSubjects: actualSubjects, studyStart: studyStart), trialArms(), trialElements(),
            trialInclusionExclusion(),
        ]
        .compactMap { $0?.dataset(studyId: study.studyId) }
    }

    /// An empty table for `domain`, or nil (with a finding) when the metadata lacks it.
    func table(_ domain: String) -> DesignTable? {
        guard let meta = metadata.dataset(domain) else {
            findings.report(.codelistMissing(domain: domain, variable: domain, codelist: "SDTMIG \(domain) metadata"))
            return nil
        }
        return DesignTable(metadata: meta)
    }

    /// Reports `value` when it is not a term of `codelist`; returns true when it is.
    @discardableResult
    func checkTerm(_ value: String, codelist name: String, domain: String, variable: String) -> Bool {
        guard let codelist = terminology.codelist(name) else {
            findings.report(.codelistMissing(domain: domain, variable: variable, codelist: name))
            return false
        }
        guard codelist.contains(value) else {
            findings.report(.designValueNotInCodelist(domain: domain, variable: variable, value: value, codelist: codelist))
            return false
        }
        return true
    }

    /// The submission value for a registry value through CT map `list` (`codelist` names the
    /// terms to suggest); nil, with a finding, when the map does not cover the value.
    func submissionValue(_ registered: String, list: String, codelist: String, domain: String, variable: String) -> String? {
        if let value = ctMap.submissionValue(for: registered, in: list) { return value }
        // A CDISC term written as such (e.g. `trialTypes: [EFFICACY, SAFETY]`) needs no map entry.
        if let terms = terminology.codelist(codelist), terms.contains(registered) { return registered }
        findings.report(
            .registryValueNotInCTMap(
                parameter: variable, value: registered, list: list,
                codelist: terminology.codelist(codelist), domain: domain))
        return nil
    }
}
