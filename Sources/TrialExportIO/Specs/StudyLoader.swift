import TrialExportCore

/// Loads and checks a study definition (`mappings/<study>/study.yaml`).
public enum StudyLoader {
    /// The study definition; an invalid one throws `invalidSpec` naming the file and the key.
    public static func load(_ path: String) throws -> StudyDefinition {
        let study = try SpecFile.decode(StudyDefinition.self, from: path)
        let problems = StudyValidator(study: study).problems()
        if let first = problems.first {
            let more = problems.count > 1 ? " (and \(problems.count - 1) more problem(s))" : ""
            throw TrialExportError.invalidSpec(path: path, location: first.key, detail: first.detail + more)
        }
        return study
    }
}
