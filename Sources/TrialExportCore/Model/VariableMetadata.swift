/// SDTMIG metadata of one variable of one dataset.
public struct VariableMetadata: Codable, Hashable, Sendable {
    public enum DataType: String, Codable, Sendable { case char = "Char", num = "Num" }
    public enum Core: String, Codable, Sendable { case req = "Req", exp = "Exp", perm = "Perm" }

    /// The dataset it belongs to (`DM`, `SUPPQUAL`, ...).
    public var dataset: String
    /// Position in the SDTMIG order, 1-based.
    public var order: Int
    public var name: String
    public var label: String
    public var type: DataType
    public var core: Core
    /// The CDISC CT codelist code (e.g. `C66731`), when the variable has one.
    public var codelist: String?
    /// The SDTMIG role (`Identifier`, `Topic`, `Timing`, ...), when the metadata gives it.
    public var role: String?
    /// Values the SDTMIG prescribes although the codelist lacks them (DM.RACE `MULTIPLE`).
    public var igValues: [String]?

    public init(
        dataset: String, order: Int, name: String, label: String,
        type: DataType, core: Core, codelist: String? = nil
    ) {
        self.dataset = dataset
        self.order = order
        self.name = name
        self.label = label
        self.type = type
        self.core = core
        self.codelist = codelist
    }
}

/// SDTMIG metadata of one dataset: label, structure, natural keys and variables in order.
public struct DatasetMetadata: Codable, Hashable, Sendable {
    public var name: String
    public var label: String
    public var structure: String
    /// The SDTM class (`Events`, `Findings`, `Special-Purpose`, `Trial Design`...), when the metadata gives it.
    public var datasetClass: String?
    /// Natural keys, used to sort rows, assign --SEQ and match records between exports.
    public var keys: [String]
    public var variables: [VariableMetadata]

    enum CodingKeys: String, CodingKey {
        case name, label, structure, keys, variables
        case datasetClass = "class"
    }

    public init(
        name: String, label: String, structure: String, keys: [String], variables: [VariableMetadata],
        datasetClass: String? = nil
    ) {
        self.datasetClass = datasetClass
        self.name = name
        self.label = label
        self.structure = structure
        self.keys = keys
        self.variables = variables.sorted { $0.order < $1.order }
    }

    public func variable(_ name: String) -> VariableMetadata? { variables.first { $0.name == name } }
}

/// The SDTMIG metadata the project bundles, by dataset name.
public struct StandardMetadata: Sendable {
    /// The implementation guide's version (TS.SDTIGVER), e.g. `3.4`.
    public var version: String
    /// The SDTM model version the guide implements (TS.SDTMVER), e.g. `2.0`.
    public var modelVersion: String?
    public var datasets: [String: DatasetMetadata]

    public init(version: String, modelVersion: String? = nil, datasets: [String: DatasetMetadata]) {
        self.version = version
        self.modelVersion = modelVersion
        self.datasets = datasets
    }

    /// Metadata for a dataset; `SUPPxx` datasets use the `SUPPQUAL` template with its name.
    public func dataset(_ name: String) -> DatasetMetadata? {
        if let meta = datasets[name] { return meta }
        guard name.hasPrefix("SUPP"), var supp = datasets["SUPPQUAL"] else { return nil }
        let parent = String(name.dropFirst(4))
        supp.name = name
        supp.label = "Supplemental Qualifiers for \(parent)"
        supp.variables = supp.variables.map {
            var v = $0; v.dataset = name; return v
        }
        return supp
    }
}
