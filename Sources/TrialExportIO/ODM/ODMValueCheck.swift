import TrialExportCore

/// The checks of one item's values against its ItemDef: DataType, Length and CodeList, resolved
/// once per form column rather than looked up for every value.
struct ODMValueCheck {
    let dataType: String
    let kind: ODMDataType.Kind
    let length: Int?
    /// The code list's OID and coded values, when the item has a non-empty one.
    let codeList: (oid: String, values: Set<String>)?

    init(_ def: ODMMetadata.ItemDef, metadata: ODMMetadata) {
        dataType = def.dataType
        kind = ODMDataType.Kind(def.dataType)
        length = def.length
        if let oid = def.codeListOID, let list = metadata.codeLists[oid], !list.items.isEmpty {
            codeList = (oid, Set(list.items.map(\.coded)))
        } else {
            codeList = nil
        }
    }

    /// The findings for a value that does not fit (none, most of the time).
    func findings(_ value: String, file: String, line: Int, at location: () -> ODMLocation) -> [Finding] {
        var found: [Finding] = []
        if !ODMDataType.fits(value, kind) {
            found.append(.odmDataType(file: file, line: line, at: location(), value: value, dataType: dataType))
        }
        // A value no longer in bytes than the Length is no longer in characters either.
        if let length, value.utf8.count > length, value.count > length {
            found.append(.odmLength(file: file, line: line, at: location(), value: value, length: length))
        }
        if let codeList, !codeList.values.contains(value) {
            found.append(.odmNotInCodeList(file: file, line: line, at: location(), value: value, codeList: codeList.oid))
        }
        return found
    }
}
