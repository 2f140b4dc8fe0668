import TrialExportCore

/// A `CodeList` of `define.xml`: a CDISC codelist with the values the export uses, each with its
/// NCI code, sponsor extensions (values without one) marked `def:ExtendedValue="Yes"`.
struct DefineCodelist {
    var oid: String
    var name: String
    var code: String
    var items: [(value: String, nciCode: String?)]

    /// The codelists of `used` (codelist code -> values), in name order; codes the CT lacks are skipped.
    static func build(_ used: [String: Set<String>], terminology: ControlledTerminology, termCodes: TermCodes) -> [DefineCodelist]
    {
        used.keys.compactMap { terminology.codelist($0) }.sorted { $0.name < $1.name }.map { list in
            let values = used[list.code] ?? []
            let standard = list.terms.filter { values.contains($0) && termCodes.code(of: $0, in: list.code) != nil }
            let extended = values.subtracting(standard).sorted()
            return DefineCodelist(
                oid: "CL.\(list.name)", name: list.name, code: list.code,
                items: standard.map { ($0, termCodes.code(of: $0, in: list.code)) } + extended.map { ($0, nil) })
        }
    }
}
