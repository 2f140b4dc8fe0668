extension RecordBuilder {
    /// ARM (or ACTARM) from an arm code variable, through the study definition.
    func armName(_ variable: CompiledVariable) -> String {
        guard let reference = variable.references.first, let codeVariable = variable.spec.variables?.first else { return "" }
        let code = value(reference)
        guard !code.isEmpty else { return "" }
        guard let arm = context.study.arm(code: code) else {
            findings.report(
                .unknownArm(
                    domain: domain, usubjid: usubjidForFindings, variable: codeVariable, value: code,
                    studyFile: context.studyPath))
            return ""
        }
        return arm.name
    }

    /// ACTARMCD: the arm whose treatments match those the subject received; null when never treated.
    func actualArmCode(_ variable: CompiledVariable) -> String {
        let received = receivedTreatments(variable.sources)
        guard !received.isEmpty else { return "" }
        let planned = variable.references.first.map(value) ?? ""
        let plannedArm = context.study.arm(code: planned)
        if let plannedArm, Set(plannedArm.treatments) == received { return planned }
        if let exact = context.study.arms.first(where: { Set($0.treatments) == received }) { return exact.code }
        if let plannedArm, received.isSubset(of: Set(plannedArm.treatments)) { return planned }
        findings.report(
            .unplannedTreatment(
                domain: domain, usubjid: usubjidForFindings, planned: planned,
                received: received.sorted()))
        return planned
    }

    /// Arm-level treatment codes given to the subject (a chosen chemotherapy counts as its choice group).
    private func receivedTreatments(_ sources: [CompiledSource]) -> Set<String> {
        var codes = Set<String>()
        for source in sources {
            guard let table = source.table, let column = source.treatment else { continue }
            for index in source.subjectRows[subject] ?? [] {
                if let condition = source.condition, !source.holds(condition, row: index) { continue }
                let dateText = source.date.map { table.value(index, $0) } ?? ""
                if let cutoff = context.cutoff,
                    case .success(let (date, _)?) = DateReading.date(dateText, format: source.formats.date),
                    date.isComplete, date > cutoff
                {
                    continue
                }
                let collected = table.cleanValue(index, column)
                guard !collected.isEmpty else { continue }
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
    func armNullReason(_ variable: CompiledVariable) -> String {
        let references = variable.references
        let planned = references.first.map(value) ?? ""
        let actual = references.count > 1 ? value(references[1]) : ""
        if planned.isEmpty {
            if let screenFailure = variable.screenFailure, holds(screenFailure) { return "SCREEN FAILURE" }
            return "NOT ASSIGNED"
        }
        return actual.isEmpty ? "ASSIGNED, NOT TREATED" : ""
    }

    /// COUNTRY of the site named by `variables[0]` (SITEID).
    func siteCountry(_ variable: CompiledVariable) -> String {
        let site = variable.references.first.map(value) ?? ""
        return context.study.sites.first { $0.id == site }?.country ?? ""
    }
}
