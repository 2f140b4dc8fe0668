import Foundation

/// SDTM model identifier variables that any general-observation-class domain may carry, even where
/// the SDTMIG domain table does not list them (AELNKID, SPDEVID in EX, for instance).
extension DatasetMetadata {
    /// Identifier variables in SDTM model order (after STUDYID, DOMAIN, USUBJID); `--` stands for
    /// the domain prefix.
    static let modelIdentifiers: [(name: String, label: String)] = [
        ("POOLID", "Pool Identifier"), ("SPDEVID", "Sponsor Device Identifier"), ("--SEQ", "Sequence Number"),
        ("--GRPID", "Group ID"), ("--REFID", "Reference ID"), ("--SPID", "Sponsor-Defined Identifier"),
        ("--LNKID", "Link ID"), ("--LNKGRP", "Link Group ID"),
    ]

    private var identifierNames: [String] { Self.modelIdentifiers.map { $0.name.replacingOccurrences(of: "--", with: name) } }

    /// Whether `name` is an SDTM model identifier variable for this dataset.
    public func isModelIdentifierVariable(_ name: String) -> Bool { identifierNames.contains(name) }

    /// This metadata with the named model identifier variables added where missing (Perm, Char),
    /// each right after the last identifier before it in model order that the dataset has (else
    /// after USUBJID).
    public func addingIdentifierVariables(_ names: Set<String>) -> DatasetMetadata {
        let all = identifierNames
        let missing = zip(all, Self.modelIdentifiers).filter { names.contains($0.0) && variable($0.0) == nil }
        guard !missing.isEmpty else { return self }
        var copy = self
        for (identifier, model) in missing {
            let rank = all.firstIndex(of: identifier)!
            let earlier = ["STUDYID", "DOMAIN", "USUBJID"] + all[..<rank]
            let anchor = copy.variables.filter { earlier.contains($0.name) }.map(\.order).max() ?? 0
            copy.variables = copy.variables.map { v in
                var w = v
                w.order = v.order * 2
                return w
            }
            copy.variables.append(
                VariableMetadata(
                    dataset: name, order: anchor * 2 + 1, name: identifier, label: model.label, type: .char, core: .perm))
            copy.variables.sort { $0.order < $1.order }
            copy.variables = copy.variables.enumerated().map {
                var w = $1
                w.order = $0 + 1
                return w
            }
        }
        return copy
    }
}
