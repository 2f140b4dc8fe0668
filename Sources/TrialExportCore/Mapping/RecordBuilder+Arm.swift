extension RecordBuilder {
    /// ARM (or ACTARM) from an arm code variable, through the study definition.
    func armName(_ spec: VariableSpec) -> String {
        guard let codeVariable = spec.variables?.first else { return "" }
        let code = variable(codeVariable)
        guard !code.isEmpty else { return "" }
        guard let arm = context.study.arm(code: code) else {
            findings.report(.unknownArm(domain: domain, usubjid: usubjidForFindings, variable: codeVariable, value: code,
                                        studyFile: context.studyPath))
            return ""
        }
        return arm.name
    }

    /// ACTARMCD: the arm whose treatments match those the subject received; null when never treated.
    func actualArmCode(_ spec: VariableSpec) -> String {
        let received = receivedTreatments(spec.sources ?? [])
        guard !received.isEmpty else { return "" }
        let planned = spec.variables?.first.map(variable) ?? ""
        let plannedArm = context.study.arm(code: planned)
        if let plannedArm, Set(plannedArm.treatments) == received { return planned }
        if let exact = context.study.arms.first(where: { Set($0.treatments) == received }) { return exact.code }
        if let plannedArm, received.isSubset(of: Set(plannedArm.treatments)) { return planned }
        findings.report(.unplannedTreatment(domain: domain, usubjid: usubjidForFindings, planned: planned,
                                            received: received.sorted()))
        return planned
    }

    /// Arm-level treatment codes given to the subject (a chosen chemotherapy counts as its choice group).
    private func receivedTreatments(_ sources: [DateTimeSource]) -> Set<String> {
        var codes = Set<String>()
        for source in sources {
            guard let table = context.raw.table(source.form), let column = source.treatment else { continue }
            for index in context.raw.rows(of: subject, in: source.form) {
                let row = table.rows[index]
                let lookup: (String?, String?) -> String = { c, _ in c.flatMap { table.value($0, in: row) } ?? "" }
                if let condition = source.where, !condition.holds(lookup) { continue }
                if let cutoff = context.cutoff, case .success(let date?) = EDCDateParser.parseDate(table.value(source.date, in: row) ?? ""),
                   date.isComplete, date > cutoff { continue }
                guard let collected = table.value(column, in: row).map(RawData.clean), !collected.isEmpty else { continue }
                let code = context.ctMap.submissionValue(for: collected, in: "EXTRT") ?? collected.uppercased()
                codes.insert(armLevelCode(code))
            }
        }
        return codes
    }

    private func armLevelCode(_ code: String) -> String {
        context.study.treatments.first { $0.choiceOf?.contains(code) == true }?.code ?? code
    }

    /// ARMNRS: SCREEN FAILURE, NOT ASSIGNED or ASSIGNED, NOT TREATED (CT ARMNULRS).
    func armNullReason(_ spec: VariableSpec) -> String {
        let names = spec.variables ?? ["ARMCD", "ACTARMCD"]
        let planned = variable(names[0])
        let actual = names.count > 1 ? variable(names[1]) : ""
        if planned.isEmpty {
            if let screenFailure = spec.screenFailure, screenFailure.holds(lookup) { return "SCREEN FAILURE" }
            return "NOT ASSIGNED"
        }
        return actual.isEmpty ? "ASSIGNED, NOT TREATED" : ""
    }

    /// COUNTRY of the site named by `variables[0]` (SITEID).
    func siteCountry(_ spec: VariableSpec) -> String {
        let site = spec.variables?.first.map(variable) ?? ""
        return context.study.sites.first { $0.id == site }?.country ?? ""
    }
}
