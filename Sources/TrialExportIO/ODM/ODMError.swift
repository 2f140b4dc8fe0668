import Foundation

/// Why an ODM-XML file could not be read; each case names the file and, where known, the XML line
/// and column. The message text lives here and nowhere else.
public enum ODMError: Error, CustomStringConvertible, Equatable {
    /// A `<!DOCTYPE` (a DTD, and with it any entity declaration) was met.
    case doctypeRefused(path: String, line: Int)
    /// Elements nested deeper than ``ODMLimits/maxDepth``.
    case tooDeep(path: String, line: Int, depth: Int)
    /// One value longer than ``ODMLimits/maxValueBytes``.
    case valueTooLarge(path: String, line: Int, bytes: Int)
    /// The XML parser stopped (not well-formed, invalid UTF-8, an undefined entity, ...).
    case malformed(path: String, line: Int, column: Int, detail: String)
    /// The document ended before its root element was closed.
    case truncated(path: String, line: Int)
    /// The root element is not `ODM`.
    case notODM(path: String, root: String)
    /// A form the specs need is not in the ODM file.
    case missingForm(path: String, form: String, neededBy: String, present: [String])
    /// A column the specs need is not among the form's items.
    case missingItem(path: String, form: String, column: String, neededBy: String, present: [String])
    case unreadable(path: String, detail: String)

    public var description: String {
        switch self {
        case let .doctypeRefused(path, line):
            return "\(path):\(line): ODM file has a <!DOCTYPE> (a DTD, which may declare entities or load external"
                + " files); DTDs are refused and nothing was read from them. Export the ODM without a DOCTYPE."
        case let .tooDeep(path, line, depth):
            return "\(path):\(line): XML elements nested \(depth) deep (more than \(ODMLimits.maxDepth));"
                + " this is not an ODM export (possibly a depth bomb), reading stopped"
        case let .valueTooLarge(path, line, bytes):
            return "\(path):\(line): one XML value of more than \(bytes) bytes (limit \(ODMLimits.maxValueBytes));"
                + " reading stopped"
        case let .malformed(path, line, column, detail):
            return "\(path):\(line):\(column): XML is not well-formed or not valid UTF-8 (\(detail));"
                + " fix the file or re-export it"
        case let .truncated(path, line):
            return "\(path):\(line): the ODM document ends before </ODM> (truncated file?)"
        case let .notODM(path, root):
            return "\(path): root element is <\(root)>, not <ODM>; --raw takes an ODM 1.3 file or a folder of CSV forms"
        case let .missingForm(path, form, neededBy, present):
            return "\(path): form \(form), needed by \(neededBy), is not in the ODM file (FormDef Name or FormOID);"
                + " forms present: \(present.joined(separator: ", "))"
        case let .missingItem(path, form, column, neededBy, present):
            let near = present.filter { $0.lowercased() == column.lowercased() }
            return "\(path): form \(form) has no item \(column) (ItemDef Name or ItemOID), needed by \(neededBy)"
                + (near.isEmpty ? "" : " (names differ in case only: \(near.joined(separator: ", ")))")
                + "; its columns: \(present.joined(separator: ", "))"
        case let .unreadable(path, detail):
            return "\(path): cannot read the ODM file: \(detail)"
        }
    }
}

/// Limits that stop a hostile or broken document early.
public enum ODMLimits {
    /// ODM nests 7 levels to ItemData; 64 leaves room for vendor extensions.
    public static let maxDepth = 64
    /// One attribute value or text node (ItemData values are short; images are skipped anyway).
    public static let maxValueBytes = 8 << 20
}
