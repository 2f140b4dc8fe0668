/// Findings of the trial design builder (codes TDS...), worded in one place.
extension Finding {
    static func registryValueNotInCTMap(
        parameter: String, value: String, list: String, codelist: Codelist?,
        domain: String
    ) -> Finding {
        let examples =
            codelist.map {
                " (CDISC terms: " + $0.terms.prefix(8).joined(separator: ", ")
                    + ($0.terms.count > 8 ? ", ...)" : ")")
            } ?? ""
        return Finding(
            severity: .error, code: "TDS0001",
            message: "\(parameter): registry value \"\(value)\" is not in the CT map list \(list); kept as registered",
            hint: "Add `\(value): <submission value>` under \(list) in the study's ct-map.yaml\(examples).",
            domain: domain, variable: parameter, value: value)
    }

    static func designValueNotInCodelist(domain: String, variable: String, value: String, codelist: Codelist) -> Finding {
        Finding(
            severity: codelist.extensible ? .warning : .error, code: "TDS0002",
            message: "\(variable) = \"\(value)\" is not a term of codelist \(codelist.name) (\(codelist.code), "
                + (codelist.extensible ? "extensible)" : "non-extensible)"),
            hint: "Correct the value in study.yaml or in the CT map so that it is a CDISC submission value.",
            domain: domain, variable: variable, value: value)
    }

    static func codelistMissing(domain: String, variable: String, codelist: String) -> Finding {
        Finding(
            severity: .error, code: "TDS0003",
            message: "\(variable): codelist \(codelist) is not in the bundled controlled terminology",
            hint: "Add the codelist to standards/tools/extract_standards.py and re-extract.",
            domain: domain, variable: variable)
    }

    static func parameterNameUnknown(parameter: String) -> Finding {
        Finding(
            severity: .error, code: "TDS0004",
            message: "TSPARM for TSPARMCD \(parameter) is not in codelist TSPARM; TSPARM is left null",
            hint: "Check that the bundled CT file carries term codes (termCodes) for TSPARMCD and TSPARM.",
            domain: "TS", variable: "TSPARM", value: parameter)
    }

    static func valueTooLong(domain: String, variable: String, key: String, length: Int) -> Finding {
        Finding(
            severity: .error, code: "TDS0005",
            message: "\(variable) of \(key) has \(length) characters, more than 200; it is cut to 200",
            hint: "Give a shortText of at most 200 characters for \(key) in study.yaml.",
            domain: domain, variable: variable, value: key)
    }
}
