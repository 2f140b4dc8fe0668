import TrialExportCore

/// The metadata's CodeLists made available to the specs: a spec that names a column
/// `<item>_DECODE` (any case of the suffix) of an ODM form reads the decode of the item's coded
/// value (its CodeListItem's first TranslatedText; an EnumeratedItem's value), e.g. `sex_DECODE`
/// reads `Female` where `sex` reads `0`.
///
/// Only the decoded columns the specs name are made (each from the distinct values of its item's
/// column, not per record). A value that is not a coded value of the list is kept as given (it
/// was reported at load, ODM0009). A name the table already has is never replaced.
enum ODMDecodedColumns {
    static let suffix = "_DECODE"

    /// `tables` with the decoded columns that `required` (form -> columns the specs need) names.
    static func add(_ tables: [RawTable], metadata: ODMMetadata, required: [String: [String: String]]) -> [RawTable] {
        guard !metadata.codeLists.isEmpty else { return tables }
        // The code list of each item, by ItemOID and by ItemDef Name (the first item of a Name).
        var lists: [String: ODMMetadata.CodeList] = [:]
        for oid in metadata.formOrder {
            for item in metadata.itemOIDs(ofForm: oid) {
                guard let listOID = metadata.items[item]?.codeListOID, let list = metadata.codeLists[listOID] else { continue }
                if lists[item] == nil { lists[item] = list }
                let name = metadata.itemName(item)
                if lists[name] == nil { lists[name] = list }
            }
        }
        return tables.map { table in
            var table = table
            for column in (required[table.form] ?? [:]).keys.sorted() where table.columnIndex[column] == nil {
                guard column.count > suffix.count, column.uppercased().hasSuffix(suffix) else { continue }
                let base = String(column.dropLast(suffix.count))
                guard let source = table.columnIndex[base] else { continue }
                let list = lists[base] ?? lists[table.header[source]]
                guard let list else { continue }
                let decodes = Dictionary(list.items.map { ($0.coded, $0.decode) }, uniquingKeysWith: { a, _ in a })
                table = table.addingColumn(column, from: source) { decodes[$0] ?? $0 }
            }
            return table
        }
    }
}
