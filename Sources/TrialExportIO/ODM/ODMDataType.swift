import Foundation

/// Whether a value is written as its ODM DataType requires (ODM 1.3.2, section 3.1.3).
enum ODMDataType {
    static func fits(_ value: String, _ dataType: String) -> Bool {
        switch dataType {
        case "integer": return Int(value) != nil
        case "float", "double":
            return Double(value) != nil
                && value.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic || $0 == "e" || $0 == "E" }
        case "boolean": return ["true", "false", "1", "0", "yes", "no"].contains(value.lowercased())
        case "date": return matches(value, #"^\d{4}-\d{2}-\d{2}$"#)
        case "time": return matches(value, #"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?$"#)
        case "datetime": return matches(value, #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?$"#)
        case "partialDate": return matches(value, #"^\d{4}(-\d{2}(-\d{2})?)?$"#)
        case "partialTime": return matches(value, #"^\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?$"#)
        case "partialDatetime", "incompleteDatetime", "incompleteDate", "incompleteTime", "durationDatetime", "intervalDatetime":
            return !value.isEmpty
        default: return true  // text, string, URI, hexBinary, base64...: any text
        }
    }

    private static func matches(_ value: String, _ pattern: String) -> Bool {
        value.range(of: pattern, options: .regularExpression) != nil
    }
}
