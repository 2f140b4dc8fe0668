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
                guard meta.variable(variable.variable) != nil else {
                    throw TrialExportError.invalidSpec(path: path, location: location,
                        detail: "\(variable.variable) is not a \(spec.domain) variable in SDTMIG 3.4; non-standard variables go to SUPP\(spec.domain)")
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
        case .armName, .armNullReason, .siteCountry: return (v.variables ?? []).isEmpty ? "variables" : nil
        }
    }
}
