import Foundation
import TrialExportCore

/// Resolves the columns a spec names against a form's header, once per form.
///
/// A name matches the header that is spelt exactly so; else the single header equal to it
/// ignoring case and surrounding or repeated white space. Several such headers (`Subject Id`,
/// `Subject ID`) or none is an error naming who needs the column, the header and a close name.
enum ColumnResolver {
    /// The spec spellings that need an alias, each with the position of its header.
    /// `locator` finds where the specs write a column that stops the run, for the message.
    static func aliases(
        header: [String], required: [String: String], path: String, line: Int, form: String = "",
        locator: SpecReferenceLocator? = nil
    ) throws -> [(String, Int)] {
        let exact = Set(header)
        var out: [(String, Int)] = []
        for name in required.keys.sorted() where !exact.contains(name) {
            let key = folded(name)
            let candidates = header.indices.filter { folded(header[$0]) == key }
            switch candidates.count {
            case 1:
                out.append((name, candidates[0]))
            case 0:
                let close = SpecWording.closest(to: name, in: header)
                if let place = locator?.place(ofColumn: name, domain: domain(of: required[name]!)) {
                    throw TrialExportError.invalidSpecAt(
                        path: place.path, line: place.line, column: place.column, variable: place.variable, key: place.key,
                        detail: "\"\(name)\" names no column of form \(form) (\((path as NSString).lastPathComponent), needed by"
                            + " \(required[name]!)).\(close.map { " Did you mean \"\($0)\"?" } ?? "") The form's columns: \(quoted(header))"
                    )
                }
                let guess = close.map { " (did you mean \"\($0)\"?)" } ?? ""
                throw TrialExportError.missingColumn(path: path, column: name, neededBy: required[name]! + guess)
            default:
                if let place = locator?.place(ofColumn: name, domain: domain(of: required[name]!)) {
                    throw TrialExportError.invalidSpecAt(
                        path: place.path, line: place.line, column: place.column, variable: place.variable, key: place.key,
                        detail: "\"\(name)\" matches several columns of form \(form) ignoring case and spaces:"
                            + " \(quoted(candidates.map { header[$0] })); write the one meant exactly as in the header")
                }
                throw TrialExportError.invalidSpec(
                    path: path, location: "line \(line) (header)",
                    detail: "the column \"\(name)\", needed by \(required[name]!), matches several columns ignoring case and"
                        + " spaces: \(quoted(candidates.map { header[$0] })); write the one meant exactly as in the header")
            }
        }
        return out
    }

    /// The domain of a "who needs it" text such as `AE.AETERM (copy)` or `AE spec (where)`.
    private static func domain(of who: String) -> String {
        String(who.prefix { $0 != "." && $0 != " " })
    }

    /// A name as compared loosely: lower case, white space trimmed and runs of it made one space.
    static func folded(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func quoted(_ names: [String]) -> String {
        names.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
