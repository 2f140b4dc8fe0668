import Foundation
import TrialExportCore
import Yams

/// Loads and checks a study definition (`mappings/<study>/study.yaml`).
public enum StudyLoader {
    /// The top-level keys a study definition must have, with what each holds: all missing ones are
    /// named at once.
    static let requiredKeys: [(key: String, meaning: String)] = [
        ("studyId", "STUDYID of every dataset, e.g. ABC-123"),
        ("title", "the official title (TS TITLE)"),
        ("sponsor", "the sponsor's name (TS SPONSOR)"),
        ("condition", "the condition studied (TS INDIC)"),
        ("phase", "the phase as the registry words it, e.g. Phase 2 (TS TPHASE)"),
        ("studyType", "Interventional or Observational (TS STYPE)"),
        ("design", "allocation, interventionModel, masking, primaryPurpose (TS RANDOM, INTMODEL, TBLIND, TINDTP)"),
        ("plannedEnrollment", "the planned number of subjects (TS PLANSUB)"),
        ("population", "minimumAge, optional maximumAge, sex, healthyVolunteers (TS AGEMIN, AGEMAX, SEXPOP, HLTSUBJI)"),
        ("sites", "each site's id, name and ISO 3166-1 alpha-3 country (DM SITEID, COUNTRY)"),
        ("treatments", "each study treatment's code (EXTRT) and name"),
        ("arms", "each arm's code (ARMCD), name (ARM), type, treatments and elements (TA)"),
        ("elements", "each trial element's code, name, epoch and start rule (TE, TA)"),
        ("criteria", "inclusion and exclusion criteria: id and text (TI)"),
        ("dataCutoff", "the default data cut-off, YYYY-MM-DD (TS DCUTDTC)"),
    ]

    /// The study definition; an invalid one throws naming the file, line, column and key, and
    /// every other problem found with it.
    public static func load(_ path: String) throws -> StudyDefinition {
        try checkRequiredKeys(path)
        let (study, document) = try SpecFile.load(StudyDefinition.self, from: path)
        let problems = StudyValidator(study: study).problems()
        if let first = problems.first {
            let others = problems.dropFirst().map { "\n  \($0.key): \($0.detail)" }.joined()
            let more = problems.count > 1 ? "\nAlso:" + others : ""
            throw document.error(at: SpecDocument.steps(parsing: first.key), detail: first.detail + more)
        }
        return study
    }

    /// Throws one error naming every required top-level key the file lacks, with its meaning.
    static func checkRequiredKeys(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
            case .mapping(let mapping)? = try? Yams.compose(yaml: text)
        else { return }  // an unreadable or non-mapping file is reported by the decoder, with its line
        let present = Set(mapping.keys.compactMap(\.string))
        let missing = requiredKeys.filter { !present.contains($0.key) }
        guard !missing.isEmpty else { return }
        throw TrialExportError.invalidSpec(
            path: path, location: "top level",
            detail: "\(Plural.count(missing.count, "required key")) missing:"
                + missing.map { "\n  \($0.key): \($0.meaning)" }.joined())
    }
}
