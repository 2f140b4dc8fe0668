import TrialExportCore

/// Resolves the columns a spec names against a form's header, once per form.
///
/// A name matches the header that is spelt exactly so; else the single header equal to it
/// ignoring case and surrounding or repeated white space. Several such headers (`Subject Id`,
/// `Subject ID`) or none is an error naming who needs the column, the header and a close name.
enum ColumnResolver {
    /// The spec spellings that need an alias, each with the position of its header.
    static func aliases(header: [String], required: [String: String], path: String, line: Int) throws -> [(String, Int)] {
        let exact = Set(header)
        var out: [(String, Int)] = []
        for name in required.keys.sorted() where !exact.contains(name) {
            let key = folded(name)
            let candidates = header.indices.filter { folded(header[$0]) == key }
            switch candidates.count {
            case 1:
                out.append((name, candidates[0]))
            case 0:
                let guess = SpecWording.closest(to: name, in: header).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw TrialExportError.missingColumn(path: path, column: name, neededBy: required[name]! + guess)
            default:
                throw TrialExportError.invalidSpec(
                    path: path, location: "line \(line) (header)",
                    detail: "the column \"\(name)\", needed by \(required[name]!), matches several columns ignoring case and"
                        + " spaces: \(quoted(candidates.map { header[$0] })); write the one meant exactly as in the header")
            }
        }
        return out
    }

    /// A name as compared loosely: lower case, white space trimmed and runs of it made one space.
    static func folded(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func quoted(_ names: [String]) -> String {
        names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
