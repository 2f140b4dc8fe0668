import TrialExportCore

/// Rejects a domain spec that cannot work: unknown variables, missing algorithm parameters.
struct SpecValidator {
    let metadata: StandardMetadata

    func validate(_ spec: DomainSpec, path: String) throws {
        guard let meta = metadata.dataset(spec.domain) else {
            throw TrialExportError.invalidSpec(path: path, location: "domain",
                                               detail: "\"\(spec.domain)\" is not an SDTMIG dataset the project knows")
        }
        for (b, block) in spec.records.enumerated() {
            for (v, variable) in block.variables.enumerated() {
                let location = "records[\(b)].variables[\(v)] (\(variable.variable))"
                if let supp = variable.supp {
                    guard variable.variable.count <= 8, supp.label.count <= 40, meta.variable(variable.variable) == nil else {
                        throw TrialExportError.invalidSpec(path: path, location: location,
                            detail: "a supplemental qualifier needs a QNAM of at most 8 characters that is not a \(spec.domain) variable, and a label of at most 40")
                    }
                } else if meta.variable(variable.variable) == nil && !meta.isModelTimingVariable(variable.variable) {
                    throw TrialExportError.invalidSpec(path: path, location: location,
                        detail: "\(variable.variable) is neither among the \(spec.domain) variables of SDTMIG 3.4 nor an SDTM timing variable; non-standard variables go to SUPP\(spec.domain) (add `supp:`)")
                }
                if let missing = missingParameter(variable) {
                    throw TrialExportError.invalidSpec(path: path, location: location,
                        detail: "algorithm \(variable.algorithm.rawValue) needs `\(missing)`")
                }
            }
        }
    }

    /// The first parameter the variable's algorithm needs but the spec lacks.
    private func missingParameter(_ v: VariableSpec) -> String? {
        switch v.algorithm {
        case .assignNoCT: return v.from == nil ? "from" : nil
        case .assignCT: return v.from == nil ? "from" : v.codelist == nil ? "codelist" : nil
        case .hardcodeNoCT, .template: return v.value == nil ? "value" : nil
        case .hardcodeCT: return v.value == nil ? "value" : v.codelist == nil ? "codelist" : nil
        case .assignDatetime: return v.date == nil ? "date" : nil
        case .copy: return v.fromVariable == nil ? "fromVariable" : nil
        case .firstDatetime, .lastDatetime: return (v.sources ?? []).isEmpty ? "sources" : nil
        case .actualArmCode: return (v.sources ?? []).isEmpty ? "sources" : (v.variables ?? []).isEmpty ? "variables" : nil
        case .ageYears, .studyDay: return (v.variables ?? []).count != 2 ? "variables (two names)" : nil
        case .armName, .armNullReason, .siteCountry, .epoch, .treatmentEmergent, .criterionText:
            return (v.variables ?? []).isEmpty ? "variables" : nil
        case .treatmentAttribute: return (v.variables ?? []).isEmpty ? "variables" : v.value == nil ? "value" : nil
        case .sum, .assignNumber, .visit, .visitNumber: return v.from == nil ? "from" : nil
        }
    }
}
