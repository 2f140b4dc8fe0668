/// TS: one row per trial summary parameter value, TSSEQ counting within TSPARMCD.
extension TrialDesignBuilder {
    /// Null flavor (ISO 21090) for a parameter whose value is unknown.
    static let unknownNullFlavor = "UNK"

    func trialSummary(actualSubjects: Int?, studyStart: String? = nil) -> DesignTable? {
        guard var table = table("TS") else { return nil }
        var sequence: [String: Int] = [:]
        for item in summaryValues(actualSubjects: actualSubjects, studyStart: studyStart) {
            sequence[item.parameter, default: 0] += 1
            table.append(summaryRecord(item, seq: sequence[item.parameter]!))
        }
        return table
    }

    /// The parameter values, in the order of the registry record.
    func summaryValues(actualSubjects: Int?, studyStart: String? = nil) -> [TrialSummaryValue] {
        let design = study.design
        var values: [TrialSummaryValue] = [.text("TITLE", study.title), .text("SPONSOR", study.sponsor)]
        if let id = study.registryId {
            values.append(TrialSummaryValue(parameter: "REGID", value: id, reference: study.registryName, code: id))
        }
        values += [coded("TPHASE", study.phase), coded("STYPE", study.studyType)]
        values += (design.trialTypes ?? [design.primaryPurpose]).map { coded("TTYPE", $0) }
        values += [
            coded("TINDTP", design.primaryPurpose),
            coded("RANDOM", design.allocation, codelist: "NY"),
            coded("TBLIND", design.masking),
            coded("TCNTRL", design.control),
            coded("INTMODEL", design.interventionModel),
            .text("NARMS", String(study.arms.count)),
            .text("PLANSUB", String(study.plannedEnrollment)),
        ]
        if let actualSubjects { values.append(.text("ACTSUB", String(actualSubjects))) }
        values += [
            .iso8601("AGEMIN", "P\(study.population.minimumAge)Y"),
            maximumAge,
            coded("SEXPOP", study.population.sex),
            .cdisc("HLTSUBJI", study.population.healthyVolunteers ? "Y" : "N", codelist: "NY"),
            .text("INDIC", study.condition),
        ]
        // A treatment given only in placebo arms is the comparator (COMPTRT), not an investigational one (TRT).
        let comparators = placeboTreatments
        values += study.treatments.filter { $0.choiceOf == nil }.map {
            .text(comparators.contains($0.code) ? "COMPTRT" : "TRT", $0.code)
        }
        values += (study.trialSummary ?? []).map(declared)
        values.append(.iso8601("SSTDTC", studyStart ?? ""))
        values.append(.iso8601("DCUTDTC", study.dataCutoff))
        values.append(.text("SDTIGVER", metadata.version))
        if let model = metadata.modelVersion { values.append(.text("SDTMVER", model)) }
        return values
    }

    /// AGEMAX, or its null flavor PINF (positive infinity) when the protocol sets no upper limit.
    var maximumAge: TrialSummaryValue {
        guard let maximum = study.population.maximumAge else {
            var open = TrialSummaryValue.text("AGEMAX", "")
            open.nullFlavor = "PINF"
            return open
        }
        return .iso8601("AGEMAX", "P\(maximum)Y")
    }

    /// A parameter the study declares in `trialSummary`: coded through its CT map list, coded
    /// outside CDISC CT, plain text, or a null flavor.
    func declared(_ item: StudyDefinition.TrialSummaryParameter) -> TrialSummaryValue {
        guard let value = item.value, !value.isEmpty else {
            var empty = TrialSummaryValue.text(item.parameter, "")
            empty.nullFlavor = item.nullFlavor
            return empty
        }
        if let codelist = item.codelist { return coded(item.parameter, value, codelist: codelist) }
        return TrialSummaryValue(parameter: item.parameter, value: value, reference: item.reference, code: item.code)
    }

    /// A registry value mapped through the CT map list named after the parameter; an unmapped
    /// value is kept as registered (uncoded) after its finding.
    func coded(_ parameter: String, _ registered: String?, codelist: String? = nil) -> TrialSummaryValue {
        let codelist = codelist ?? parameter
        guard let registered, !registered.isEmpty else { return .cdisc(parameter, "", codelist: codelist) }
        guard let value = submissionValue(registered, list: parameter, codelist: codelist, domain: "TS", variable: parameter)
        else { return .text(parameter, registered) }
        return .cdisc(parameter, value, codelist: codelist)
    }

    func summaryRecord(_ item: TrialSummaryValue, seq: Int) -> [String: String] {
        checkTerm(item.parameter, codelist: "TSPARMCD", domain: "TS", variable: "TSPARMCD")
        var record = [
            "TSSEQ": String(seq), "TSPARMCD": item.parameter, "TSPARM": parameterName(item.parameter),
            "TSVAL": item.value,
        ]
        guard !item.value.isEmpty else {
            record["TSVALNF"] = item.nullFlavor ?? Self.unknownNullFlavor
            return record
        }
        if item.value.count > 200 {
            findings.report(.valueTooLong(domain: "TS", variable: "TSVAL", key: item.parameter, length: item.value.count))
            record["TSVAL"] = String(item.value.prefix(200))
        }
        if let codelist = item.codelist {
            if checkTerm(item.value, codelist: codelist, domain: "TS", variable: item.parameter),
                let code = termCodes.code(of: item.value, in: codelist)
            {
                record["TSVALCD"] = code
                record["TSVCDREF"] = "CDISC CT"
                record["TSVCDVER"] = terminology.version
            }
        } else if let reference = item.reference {
            record["TSVALCD"] = item.code ?? ""
            record["TSVCDREF"] = reference
        }
        return record
    }

    /// TSPARM: the TSPARM term with the same NCI code as the TSPARMCD term.
    func parameterName(_ parameter: String) -> String {
        guard let code = termCodes.code(of: parameter, in: "TSPARMCD"),
            let name = termCodes.term(withCode: code, in: "TSPARM")
        else {
            findings.report(.parameterNameUnknown(parameter: parameter))
            return ""
        }
        return name
    }
}

extension TrialDesignBuilder {
    /// Treatments every arm of which is a placebo arm (arm type `Placebo Comparator`).
    var placeboTreatments: Set<String> {
        Set(
            study.treatments.map(\.code).filter { code in
                let arms = study.arms.filter { $0.treatments.contains(code) }
                return !arms.isEmpty && arms.allSatisfy { $0.type.lowercased().hasPrefix("placebo") }
            })
    }
}
