/// Adverse event checks: seriousness (SD0009), fatal outcome and death (SD0090, SD1255), grade 5, DS death record.
extension CrossDomainChecks {
    /// The AE seriousness criteria; any of them Y means AESER = Y.
    static let seriousnessCriteria = ["AESDTH", "AESHOSP", "AESLIFE", "AESDISAB", "AESCONG", "AESMIE"]

    /// Reports a criterion Y with AESER not Y, and AESER Y with no criterion Y.
    func checkSeriousness(_ context: Context) {
        guard let ae = context.byName["AE"] else { return }
        let criteria = Self.seriousnessCriteria.map { Column(ae, $0) }
        let names = Self.seriousnessCriteria.filter { ae.index(of: $0) != nil }
        guard !names.isEmpty else { return }
        let locate = RecordLocator(ae), serious = Column(ae, "AESER")
        for row in ae.rows {
            let met = zip(Self.seriousnessCriteria, criteria).filter { $0.1(row) == "Y" }.map(\.0)
            if !met.isEmpty, serious(row) != "Y" {
                findings.report(.criterionWithoutSerious(locate(row), value: serious(row), criteria: met))
            } else if met.isEmpty, serious(row) == "Y" {
                findings.report(.seriousWithoutCriterion(locate(row), criteria: names))
            }
        }
    }

    /// Reports FATAL without AESDTH = Y, AESDTH = Y without DM.DTHFL = Y, and grade 5 not FATAL.
    func checkOutcomeAndDeath(_ context: Context) {
        guard let ae = context.byName["AE"] else { return }
        let locate = RecordLocator(ae)
        let outcome = Column(ae, "AEOUT"), death = Column(ae, "AESDTH"), grade = Column(ae, "AETOXGR")
        for row in ae.rows {
            let record = locate(row)
            if outcome(row) == "FATAL", death(row) != "Y" { findings.report(.fatalWithoutDeath(record, value: death(row))) }
            if death(row) == "Y", let flag = context.dmValue("DTHFL", subject: record.usubjid), flag != "Y" {
                findings.report(.deathWithoutDeathFlag(record, flag: flag))
            }
            if Double(grade(row)) == 5, outcome(row) != "FATAL" {
                findings.report(.gradeFiveNotFatal(record, grade: grade(row), outcome: outcome(row)))
            }
        }
    }

    /// Reports a subject with DM.DTHFL = Y but no DS record with DSDECOD = DEATH.
    func checkDeathDisposition(_ context: Context) {
        guard let dm = context.dm, let ds = context.byName["DS"] else { return }
        let dsSubject = Column(ds, "USUBJID"), decod = Column(ds, "DSDECOD")
        var died = Set<String>()
        for row in ds.rows where decod(row) == "DEATH" { died.insert(dsSubject(row)) }
        let locate = RecordLocator(dm), flag = Column(dm, "DTHFL")
        for row in dm.rows where flag(row) == "Y" && !died.contains(locate.usubjid(row)) {
            findings.report(.deathWithoutDisposition(locate(row)))
        }
    }
}
