import TrialExportCore

/// The description of a derivation in `define.xml`: the spec's algorithm, what it does and its parameters.
enum DefineMethodText {
    /// E.g. `study_day: study day of AESTDTC relative to RFSTDTC (date - RFSTDTC + 1 on or after it, date - RFSTDTC before).`
    static func describe(_ spec: VariableSpec, form: String) -> String {
        var parameters: [String] = []
        if let from = spec.from { parameters.append("field \(DefineOrigin.qualified(from, form: form))") }
        if let variable = spec.fromVariable { parameters.append("variable \(variable)") }
        if let variables = spec.variables { parameters.append("variables " + variables.joined(separator: ", ")) }
        if let value = spec.value { parameters.append("value \(value)") }
        if let sources = spec.sources {
            parameters.append("sources " + sources.map { "\($0.form).\($0.date)" }.joined(separator: ", "))
        }
        if let days = spec.days { parameters.append("\(days) days") }
        if let steps = spec.transform, !steps.isEmpty {
            parameters.append("transform " + steps.map(\.name).joined(separator: ", "))
        }
        let given = parameters.isEmpty ? "" : " (" + parameters.joined(separator: "; ") + ")"
        return "\(spec.algorithm.rawValue): \(spec.algorithm.summary)\(given)."
    }
}
