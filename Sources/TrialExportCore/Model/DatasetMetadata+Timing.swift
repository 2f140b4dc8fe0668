import Foundation

/// SDTM model timing variables that any general-observation-class domain may carry, even where
/// the SDTMIG domain table does not list them (VISIT in EX, for instance).
extension DatasetMetadata {
    /// Timing variables in SDTM model order; `--` stands for the domain prefix.
    static let modelTiming: [(name: String, label: String, type: VariableMetadata.DataType)] = [
        ("VISITNUM", "Visit Number", .num), ("VISIT", "Visit Name", .char), ("VISITDY", "Planned Study Day of Visit", .num),
        ("TAETORD", "Planned Order of Element within Arm", .num), ("EPOCH", "Epoch", .char),
        ("--DTC", "Date/Time of Collection", .char), ("--STDTC", "Start Date/Time", .char), ("--ENDTC", "End Date/Time", .char),
        ("--DY", "Study Day", .num), ("--STDY", "Study Day of Start", .num), ("--ENDY", "Study Day of End", .num),
    ]

    /// Whether `name` is an SDTM model timing variable for this dataset.
    public func isModelTimingVariable(_ name: String) -> Bool {
        Self.modelTiming.contains { $0.name.replacingOccurrences(of: "--", with: self.name) == name }
    }

    /// This metadata with the named model timing variables added where missing, placed in model order
    /// among the timing variables the domain already has (Perm).
    public func addingTimingVariables(_ names: Set<String>) -> DatasetMetadata {
        let timing = Self.modelTiming.map { ($0.name.replacingOccurrences(of: "--", with: name), $0.label, $0.type) }
        let missing = timing.filter { names.contains($0.0) && variable($0.0) == nil }
        guard !missing.isEmpty else { return self }
        var copy = self
        for (timingName, label, type) in missing {
            let rank = timing.firstIndex { $0.0 == timingName }!
            // Before the first existing timing variable that comes later in the model, else at the end.
            let later = Set(timing[(rank + 1)...].map(\.0))
            let anchor = copy.variables.first { later.contains($0.name) }
            let order = anchor.map { Double($0.order) - 0.5 } ?? Double((copy.variables.map(\.order).max() ?? 0) + 1)
            copy.variables.append(
                VariableMetadata(
                    dataset: name, order: Int(order * 2), name: timingName, label: label,
                    type: type, core: .perm))
            copy.variables = copy.variables.map { v in
                guard v.name != timingName else { return v }
                var w = v
                w.order = v.order * 2
                return w
            }
            copy.variables.sort { $0.order < $1.order }
            copy.variables = copy.variables.enumerated().map {
                var w = $1; w.order = $0 + 1; return w
            }
        }
        return copy
    }
}
