import TrialExportCore

/// Loads and checks a study definition (`mappings/<study>/study.yaml`).
public enum StudyLoader {
    /// The study definition; an invalid one throws naming the file, line, column and key.
    public static func load(_ path: String) throws -> StudyDefinition {
        let (study, document) = try SpecFile.load(StudyDefinition.self, from: path)
        let problems = StudyValidator(study: study).problems()
        if let first = problems.first {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more problem(s))" : ""
            throw document.error(at: SpecDocument.steps(parsing: first.key), detail: first.detail + more)
        }
        return study
    }
}
