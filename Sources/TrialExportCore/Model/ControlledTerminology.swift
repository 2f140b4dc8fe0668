/// One CDISC codelist: its submission values and whether sponsors may extend it.
public struct Codelist: Codable, Hashable, Sendable {
    /// NCI code of the codelist, e.g. `C66731`.
    public var code: String
    /// Short name (the codelist's own submission value), e.g. `SEX`.
    public var name: String
    public var extensible: Bool
    /// Submission values, in the order CDISC publishes them.
    public var terms: [String]
    private var termSet: Set<String>

    public init(code: String, name: String, extensible: Bool, terms: [String]) {
        self.code = code
        self.name = name
        self.extensible = extensible
        self.terms = terms
        self.termSet = Set(terms)
    }

    public func contains(_ value: String) -> Bool { termSet.contains(value) }
}

/// The CDISC SDTM Controlled Terminology the project bundles.
public struct ControlledTerminology: Sendable {
    public var version: String
    private var byCode: [String: Codelist]
    private var byName: [String: Codelist]

    public init(version: String, codelists: [Codelist]) {
        self.version = version
        var code: [String: Codelist] = [:]
        var name: [String: Codelist] = [:]
        for list in codelists {
            code[list.code] = list
            name[list.name] = list
        }
        self.byCode = code
        self.byName = name
    }

    /// A codelist by NCI code (`C66731`) or by short name (`SEX`).
    public func codelist(_ key: String) -> Codelist? { byCode[key] ?? byName[key] }
    public var codelists: [Codelist] { byCode.values.sorted { $0.name < $1.name } }
}
