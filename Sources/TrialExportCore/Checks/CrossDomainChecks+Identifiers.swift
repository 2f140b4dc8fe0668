/// Identifier checks: --SEQ unique within USUBJID (SD0005) and every USUBJID present in DM (SD0064).
extension CrossDomainChecks {
    /// Reports every record whose --SEQ repeats an earlier record's of the same subject.
    func checkSequenceNumbers(_ context: Context) {
        for dataset in context.datasets {
            let locate = RecordLocator(dataset)
            guard locate.usubjid.exists, locate.seq.exists else { continue }
            var seen = Set<Pair>(minimumCapacity: dataset.rows.count)
            for row in dataset.rows {
                let seq = locate.seq(row)
                guard !seq.isEmpty, !seen.insert(Pair(locate.usubjid(row), seq)).inserted else { continue }
                findings.report(.duplicateSequence(locate(row), value: seq))
            }
        }
    }

    /// Reports, once per dataset and subject, a USUBJID that DM does not have.
    func checkSubjectsInDemographics(_ context: Context) {
        guard context.dm != nil else { return }
        for dataset in context.datasets where dataset.name != "DM" {
            let locate = RecordLocator(dataset)
            guard locate.usubjid.exists else { continue }
            var missing = FirstOccurrences<String>()
            for row in dataset.rows {
                let subject = locate.usubjid(row)
                if !subject.isEmpty, context.dmRowBySubject[subject] == nil { missing.add(subject, locate(row)) }
            }
            for entry in missing.entries { findings.report(.subjectNotInDM(entry.record, records: entry.count)) }
        }
    }
}
