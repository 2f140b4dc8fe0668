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

    /// This terminology with sponsor-defined terms added to extensible codelists (by name or code).
    ///
    /// Throws the name of the first codelist that is unknown or not extensible.
    public func extending(_ additions: [String: [String]]) -> Result<ControlledTerminology, ExtensionError> {
        var lists = Array(byCode.values)
        for key in additions.keys.sorted() {
            guard let i = lists.firstIndex(where: { $0.code == key || $0.name == key }) else { return .failure(.unknown(key)) }
            guard lists[i].extensible else { return .failure(.notExtensible(key)) }
            let old = lists[i]
            lists[i] = Codelist(
                code: old.code, name: old.name, extensible: true,
                terms: old.terms + (additions[key] ?? []).filter { !old.contains($0) })
        }
        return .success(ControlledTerminology(version: version, codelists: lists))
    }

    public enum ExtensionError: Error, Equatable {
        case unknown(String)
        case notExtensible(String)
    }

    /// A codelist by NCI code (`C66731`) or by short name (`SEX`).
    public func codelist(_ key: String) -> Codelist? { byCode[key] ?? byName[key] }
    public var codelists: [Codelist] { byCode.values.sorted { $0.name < $1.name } }
}
