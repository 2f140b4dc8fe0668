/// Checks against other datasets' keys: TR lesions in TU (CG0024), IE criteria in TI, EPOCH in TA (SD1077, CG0009).
extension CrossDomainChecks {
    /// Reports, once per subject and lesion, a TRLNKID with no TU record (SUMDIAM records are exempt).
    func checkLesionLinks(_ context: Context) {
        guard let tu = context.byName["TU"], let tr = context.byName["TR"] else { return }
        let tuSubject = Column(tu, "USUBJID"), tuLink = Column(tu, "TULNKID")
        var lesions = Set<Pair>()
        for row in tu.rows where !tuLink(row).isEmpty { lesions.insert(Pair(tuSubject(row), tuLink(row))) }
        let locate = RecordLocator(tr), link = Column(tr, "TRLNKID"), test = Column(tr, "TRTESTCD")
        var missing = FirstOccurrences<Pair>()
        for row in tr.rows where !link(row).isEmpty && test(row) != "SUMDIAM" {
            let key = Pair(locate.usubjid(row), link(row))
            if !lesions.contains(key) { missing.add(key, locate(row)) }
        }
        for entry in missing.entries {
            findings.report(.lesionNotInTU(entry.record, link: entry.key.second, records: entry.count))
        }
    }

    /// Reports IE records whose IETESTCD is not a criterion in TI.
    func checkCriteria(_ context: Context) {
        guard let ie = context.byName["IE"], let ti = context.byName["TI"] else { return }
        let tiTest = Column(ti, "IETESTCD")
        let known = Set(ti.rows.map { tiTest($0) })
        let inStudy = Set(study.allCriteria.map(\.id))
        let locate = RecordLocator(ie), test = Column(ie, "IETESTCD")
        for row in ie.rows where !test(row).isEmpty && !known.contains(test(row)) {
            findings.report(.criterionNotInTI(locate(row), value: test(row), inStudyDefinition: inStudy.contains(test(row))))
        }
    }

    /// Reports, once per dataset and value, an EPOCH that is not an EPOCH of TA.
    func checkEpochs(_ context: Context) {
        guard let ta = context.byName["TA"] else { return }
        let taEpoch = Column(ta, "EPOCH")
        let epochs = Set(ta.rows.map { taEpoch($0) }.filter { !$0.isEmpty })
        let planned = Set(study.elements.map(\.epoch))
        for dataset in context.datasets where dataset.name != "TA" {
            let locate = RecordLocator(dataset), epoch = Column(dataset, "EPOCH")
            guard epoch.exists else { continue }
            var unknown = FirstOccurrences<String>()
            for row in dataset.rows where !epoch(row).isEmpty && !epochs.contains(epoch(row)) {
                unknown.add(epoch(row), locate(row))
            }
            for entry in unknown.entries {
                findings.report(
                    .epochNotInTA(
                        entry.record, value: entry.key, records: entry.count,
                        inStudyDefinition: planned.contains(entry.key)))
            }
        }
    }
}
