import TrialExportCore

/// Everything `define.xml` describes, built from the datasets, the specs, the metadata and the CT;
/// ``render()`` (in `DefineDocument+Render.swift`) writes it as Define-XML 2.1.
struct DefineDocument {
    /// One dataset: its `ItemGroupDef` and its variables.
    struct Group {
        var dataset: Dataset
        var metadata: DatasetMetadata?
        var items: [DefineItem]
        /// The XPT files holding it (`ae.xpt`, or `ae1.xpt`, `ae2.xpt`... when split).
        var files: [String]
    }

    /// A `def:ValueListDef` and its items, each with a where-clause.
    struct ValueList {
        var oid: String
        var items: [DefineItem]
    }

    let study: StudyDefinition
    let cutoff: String
    let ctVersion: String
    let igVersion: String
    var groups: [Group] = []
    var valueLists: [ValueList] = []
    var codelists: [DefineCodelist] = []

    /// Value-level metadata: the tested variable and the result variable of each dataset that has one.
    static func valueLevel(_ dataset: String) -> (test: String, result: String, label: String)? {
        if dataset.hasPrefix("SUPP") { return ("QNAM", "QVAL", "QLABEL") }
        switch dataset {
        case "TS": return ("TSPARMCD", "TSVAL", "TSPARM")
        case "TR", "RS", "TU", "VS": return ("\(dataset)TESTCD", "\(dataset)ORRES", "\(dataset)TEST")
        default: return nil
        }
    }

    init(study: StudyDefinition, cutoff: String, datasets: [Dataset], sources: DefineSources?, files: [String: [String]]) {
        self.study = study
        self.cutoff = cutoff
        ctVersion = sources?.terminology.version ?? "2025-03-28"
        igVersion = sources?.metadata.version ?? "3.4"
        var used: [String: Set<String>] = [:]
        for dataset in datasets {
            let metadata = sources?.metadata.dataset(dataset.name)
            var items: [DefineItem] = []
            for (i, variable) in dataset.variables.enumerated() {
                var item = Self.item(variable, dataset: dataset, column: i, sources: sources)
                if let code = item.codelist {
                    used[code, default: []].formUnion(dataset.rows.lazy.map { $0[i] }.filter { !$0.isEmpty })
                    item.codelist = sources?.terminology.codelist(code).map { "CL.\($0.name)" }
                }
                if let level = Self.valueLevel(dataset.name), level.result == variable.name,
                    let list = Self.valueList(dataset, level: level, sources: sources)
                {
                    item.valueList = list.oid
                    valueLists.append(list)
                }
                items.append(item)
            }
            groups.append(
                Group(
                    dataset: dataset, metadata: metadata, items: items,
                    files: files[dataset.name] ?? ["\(dataset.name.lowercased()).xpt"]))
        }
        if let sources { codelists = DefineCodelist.build(used, terminology: sources.terminology, termCodes: sources.termCodes) }
        dropEmptyCodelists()
    }

    /// A codelist none of whose variables holds a value (e.g. QEVAL never set) has no item, which
    /// Define-XML does not allow: it is left out, and so are the references to it.
    private mutating func dropEmptyCodelists() {
        let empty = Set(codelists.filter(\.items.isEmpty).map(\.oid))
        guard !empty.isEmpty else { return }
        codelists.removeAll { empty.contains($0.oid) }
        for g in groups.indices {
            for i in groups[g].items.indices where groups[g].items[i].codelist.map(empty.contains) == true {
                groups[g].items[i].codelist = nil
            }
        }
    }

    private static func item(_ variable: VariableMetadata, dataset: Dataset, column: Int, sources: DefineSources?) -> DefineItem {
        let shape = DefineItem.shape(dataset.rows.lazy.map { $0[column] }, numeric: variable.type == .num, name: variable.name)
        let keySequence = dataset.keys.firstIndex(of: variable.name).map { $0 + 1 }
        return DefineItem(
            oid: DefineOID.item(dataset.name, variable.name), name: variable.name, label: variable.label,
            dataType: shape.type, length: shape.length, significantDigits: shape.digits,
            origin: DefineOrigin.of(variable.name, in: dataset.name, specs: sources?.specs ?? []),
            codelist: variable.codelist, mandatory: variable.core == .req,
            role: variable.role ?? sources.flatMap { Self.role(of: variable.name, in: $0.metadata) }, keySequence: keySequence)
    }

    /// The role a variable the dataset's own metadata does not describe (e.g. EX VISITNUM, from the
    /// SDTM model's timing variables) has in the other datasets of the IG: the first by dataset name.
    static func role(of variable: String, in metadata: StandardMetadata) -> String? {
        metadata.datasets.keys.sorted().lazy.compactMap { metadata.datasets[$0]?.variable(variable)?.role }.first
    }

    /// The value list of a dataset's result variable: one item per distinct value of the tested variable.
    private static func valueList(
        _ dataset: Dataset, level: (test: String, result: String, label: String),
        sources: DefineSources?
    ) -> ValueList? {
        guard let test = dataset.index(of: level.test), let result = dataset.index(of: level.result) else { return nil }
        let labelColumn = dataset.index(of: level.label)
        var order: [String] = []
        var rowsByValue: [String: [Int]] = [:]
        for row in dataset.rows where !row[test].isEmpty {
            if rowsByValue[row[test]] == nil { order.append(row[test]) }
            rowsByValue[row[test], default: []].append(row.position)
        }
        let listOID = "VL.\(dataset.name).\(level.result)"
        let items = order.sorted().map { value in
            let rows = rowsByValue[value] ?? []
            let shape = DefineItem.shape(rows.lazy.map { dataset.rows[$0][result] }, numeric: false, name: level.result)
            let label = labelColumn.map { dataset.rows[rows[0]][$0] } ?? value
            let originVariable = dataset.name.hasPrefix("SUPP") ? value : level.result
            return DefineItem(
                oid: "\(DefineOID.item(dataset.name, level.result)).\(value)",
                name: dataset.name.hasPrefix("SUPP") ? value : level.result,
                label: label.isEmpty ? value : label, dataType: shape.type, length: shape.length,
                origin: DefineOrigin.of(originVariable, in: dataset.name, specs: sources?.specs ?? []),
                mandatory: false,
                whereClause: ("WC.\(dataset.name).\(level.test).\(value)", DefineOID.item(dataset.name, level.test), value))
        }
        return items.isEmpty ? nil : ValueList(oid: listOID, items: items)
    }
}
