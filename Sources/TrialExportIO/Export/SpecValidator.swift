import TrialExportCore

/// Rejects a domain spec that cannot work: unknown variables or codelists, missing algorithm
/// parameters. Each problem names the file, line and column, and the variable.
struct SpecValidator {
    let metadata: StandardMetadata
    /// The study's CT map and the CDISC CT: a `codelist` must name a list of one of them (or `none`).
    var ctMap = CTMap([:])
    var terminology = ControlledTerminology(version: "", codelists: [])

    func validate(_ spec: DomainSpec, document: SpecDocument) throws {
        guard let meta = metadata.dataset(spec.domain) else {
            throw document.error(
                at: [.key("domain")],
                detail: "\"\(spec.domain)\" is not an SDTMIG dataset the project knows")
        }
        for (b, block) in spec.records.enumerated() {
            for (v, variable) in block.variables.enumerated() {
                let entry: [SpecDocument.Step] = [.key("records"), .index(b), .key("variables"), .index(v)]
                try validate(variable, in: meta, domain: spec.domain, at: entry, document: document)
            }
        }
        if let problem = DateFormatSpecCheck.firstProblem(in: spec) {
            throw document.error(at: SpecDocument.steps(parsing: problem.key), detail: problem.detail)
        }
        try validateTransformsAndOrder(spec, meta: meta, document: document)
    }

    private func validate(
        _ variable: VariableSpec, in meta: DatasetMetadata, domain: String, at entry: [SpecDocument.Step],
        document: SpecDocument
    ) throws {
        if let supp = variable.supp {
            guard variable.variable.count <= 8, supp.label.count <= 40, meta.variable(variable.variable) == nil else {
                throw document.error(
                    at: entry + [.key("supp")],
                    detail:
                        "a supplemental qualifier needs a QNAM of at most 8 characters that is not a \(domain) variable, and a label of at most 40"
                )
            }
        } else if meta.variable(variable.variable) == nil && !meta.isModelTimingVariable(variable.variable)
            && !meta.isModelIdentifierVariable(variable.variable)
        {
            let guess =
                SpecWording.closest(to: variable.variable, in: meta.variables.map(\.name)).map { " Did you mean \($0)?" } ?? ""
            throw document.error(
                at: entry + [.key("variable")],
                detail:
                    "\(variable.variable) is neither among the \(domain) variables of SDTMIG 3.4 nor an SDTM model identifier or timing variable; non-standard variables go to SUPP\(domain) (add `supp:`).\(guess)"
            )
        }
        if let missing = variable.algorithm.missingParameter(variable) {
            throw document.error(
                at: entry + [.key("algorithm")],
                detail: "algorithm \(variable.algorithm.rawValue) needs `\(missing)`; add it to this entry")
        }
        if let name = variable.codelist, name != "none", !ctMap.has(list: name), terminology.codelist(name) == nil {
            let known = ctMap.lists.keys.sorted() + terminology.codelists.map(\.name)
            let guess = SpecWording.closest(to: name, in: known).map { " Did you mean \"\($0)\"?" } ?? ""
            throw document.error(
                at: entry + [.key("codelist")],
                detail:
                    "unknown codelist \"\(name)\": it is neither a list of ct-map.yaml nor a codelist (name or code) of CDISC CT \(terminology.version); every value would be mapped to null. Use a list of ct-map.yaml, a CDISC codelist, or `none`.\(guess)"
            )
        }
    }
}
