/// Conformance checks across datasets (DM against EX, AE, DS; TU against TR; IE against TI; TA against EPOCH), in the
/// manner of Pinnacle 21 / CDISC CORE.
///
/// Every cross-reference goes through a dictionary or set built in one pass, so the cost grows linearly with the rows.
/// A check that needs an absent dataset is skipped. Findings come out in a fixed order: check by check, datasets in
/// the order given, rows in dataset order.
public struct CrossDomainChecks {
    let study: StudyDefinition
    let findings: FindingSink

    public init(study: StudyDefinition, findings: FindingSink) {
        self.study = study
        self.findings = findings
    }

    /// Runs every check on `datasets` (looked up by `name`; the first dataset of a name wins).
    public func run(_ datasets: [Dataset]) {
        let context = Context(datasets)
        checkSequenceNumbers(context)
        checkSubjectsInDemographics(context)
        checkReferenceExposureDates(context)
        checkDoses(context)
        checkSeriousness(context)
        checkOutcomeAndDeath(context)
        checkDeathDisposition(context)
        checkLesionLinks(context)
        checkCriteria(context)
        checkEpochs(context)
        checkStudyDays(context)
        checkDatesBeforeBirth(context)
    }

    /// Counts the records behind one aggregated finding, keeping the first record, in order of first occurrence.
    struct FirstOccurrences<Key: Hashable> {
        private(set) var keys: [Key] = []
        private(set) var first: [Key: (record: Record, count: Int)] = [:]

        mutating func add(_ key: Key, _ record: Record) {
            if let seen = first[key] {
                first[key] = (seen.record, seen.count + 1)
            } else {
                keys.append(key)
                first[key] = (record, 1)
            }
        }

        /// Each key with its first record and count, in order of first occurrence.
        var entries: [(key: Key, record: Record, count: Int)] {
            keys.map { key in
                let entry = first[key]!; return (key, entry.record, entry.count)
            }
        }
    }

    /// A hashable pair of texts, e.g. USUBJID and TULNKID.
    struct Pair: Hashable {
        let first: String
        let second: String

        init(_ first: String, _ second: String) {
            self.first = first
            self.second = second
        }
    }
}
