import TrialExportCore

/// Generates a study's dummy EDC export from a generic `simulation.yaml`: subjects, arms and visits
/// from the study and the profile, and every form's items as the profile describes them.
///
/// Deterministic: the same study, profile, subject count and seed give the same rows. Each subject
/// draws from its own random stream; consents and arms from their own.
public struct GenericSimulator {
    public let study: StudyDefinition
    public let profile: GenericProfile
    /// Randomized subjects to generate.
    public let subjects: Int
    public let seed: UInt64

    public init(study: StudyDefinition, profile: GenericProfile, subjects: Int? = nil, seed: UInt64 = EDCSimulator.defaultSeed) {
        self.study = study
        self.profile = profile
        self.subjects = max(1, subjects ?? study.plannedEnrollment)
        self.seed = seed
    }

    /// Every form as a file: header rows, then one row per record, subjects in consent order.
    public func run() throws -> GenericExport {
        try GenericProfileCheck(study: study, profile: profile).run()
        let facts = StudyDefinitionFacts(
            armCodes: study.arms.map(\.code), ratio: study.design.randomization?.ratio ?? study.arms.map { _ in 1 },
            blockSize: study.design.randomization?.blockSize ?? study.arms.count * 2, siteIds: study.sites.map(\.id))
        var cohort = try GenericCohort(study: facts, profile: profile, seed: seed)
        var rows = profile.forms.map { _ in [[String]]() }
        let cutoff = StudyDay(iso: study.dataCutoff)
        var index = 0
        var screened = 0
        while cohort.randomized < subjects {
            var rng = RandomSource(seed: seed, stream: 10_000 + UInt64(index))
            let subject = try cohort.next(index: index, rng: &rng)
            if let cutoff, subject.endOfStudy > cutoff {
                throw GenericProfileError.invalid(
                    "enrolment",
                    "subject \(subject.subject) would end the study after the data cut-off \(study.dataCutoff);"
                        + " the generic generator writes completed studies: screen faster or move dataCutoff in study.yaml")
            }
            var writer = GenericFormWriter(profile: profile, subject: subject, rng: rng)
            for (f, form) in profile.forms.enumerated() { rows[f] += writer.rows(of: form) }
            index += 1
            screened += 1
        }
        let files = profile.forms.enumerated().map { f, form in
            GenericExport.File(name: fileName(form), rows: header(form) + rows[f])
        }
        return GenericExport(
            files: files, lineEnding: profile.export.lineEnding == "lf" ? "\n" : "\r\n",
            byteOrderMark: profile.export.byteOrderMark, screened: screened, randomized: cohort.randomized)
    }

    private func fileName(_ form: GenericProfile.Form) -> String {
        profile.export.fileName.replacingOccurrences(of: "{FORM}", with: form.name.uppercased())
    }

    /// The label row (when the vendor writes one) and the item id row; checkboxes as `id___n`.
    private func header(_ form: GenericProfile.Form) -> [[String]] {
        var labels: [String] = []
        var ids: [String] = []
        for field in form.fields {
            if let box = field.checkbox {
                for (n, option) in box.options.enumerated() {
                    labels.append("\(field.label) (choice=\(option.value))")
                    ids.append("\(field.id)___\(n + 1)")
                }
            } else {
                labels.append(field.label)
                ids.append(field.id)
            }
        }
        return profile.export.labelRow ? [labels, ids] : [ids]
    }
}

/// The files of a generic export, ready to be written.
public struct GenericExport: Sendable {
    public struct File: Sendable {
        public var name: String
        /// Header row(s), then the records.
        public var rows: [[String]]
    }

    public var files: [File]
    public var lineEnding: String
    public var byteOrderMark: Bool
    public var screened: Int
    public var randomized: Int
}
