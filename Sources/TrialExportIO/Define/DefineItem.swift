import TrialExportCore

/// One `ItemDef` of `define.xml` (a variable, or a value-level item of a value list) and its `ItemRef`.
struct DefineItem {
    var oid: String
    var name: String
    var label: String
    /// `text`, `integer`, `float` or `datetime`.
    var dataType: String
    var length: Int?
    var significantDigits: Int?
    var origin: DefineOrigin
    var codelist: String?
    var valueList: String?
    var mandatory: Bool
    /// The SDTMIG role of the variable (`ItemRef/@Role`).
    var role: String? = nil
    var keySequence: Int?
    /// Value-level items: the where-clause (its OID, the item it tests and the value).
    var whereClause: (oid: String, item: String, value: String)?

    var methodOID: String? { origin.kind == .derived ? "MT" + oid.dropFirst(2) : nil }

    /// Data type, length and significant digits of values as stored: `Num` as integer or float,
    /// `--DTC` as datetime, the rest as text as long as the longest value in bytes.
    static func shape<S: Sequence>(_ values: S, numeric: Bool, name: String)
        -> (type: String, length: Int?, digits: Int?) where S.Element == String
    {
        if !numeric && name.hasSuffix("DTC") { return ("datetime", nil, nil) }
        var longest = 1
        var decimals = 0
        var integer = true
        for value in values where !value.isEmpty {
            longest = max(longest, value.utf8.count)
            if numeric, let point = value.utf8.firstIndex(of: UInt8(ascii: ".")) {
                integer = false
                decimals = max(decimals, value.utf8.distance(from: point, to: value.utf8.endIndex) - 1)
            } else if numeric, value.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
                integer = false
            }
        }
        guard numeric else { return ("text", longest, nil) }
        return integer ? ("integer", longest, nil) : ("float", longest, max(decimals, 1))
    }
}
