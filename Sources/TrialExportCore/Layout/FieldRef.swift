/// A reference to a raw field as a spec writes it: `form.COLUMN` or `COLUMN` (the block's form).
///
/// The text before the first dot is a form only when it names one of the study's forms (exact,
/// else ignoring case); otherwise the whole text is a column, dots and all (`IT.AETERM`,
/// `Wt. (kg)`). Everything after a form's dot is the column, so `ae.IT.AETERM` always names
/// column `IT.AETERM` of form `ae`: the one quoting rule.
struct FieldRef: Hashable {
    let form: String
    let column: String

    init(_ text: String, defaultForm: String, forms: FormNames) {
        if let dot = text.firstIndex(of: "."), let named = forms.canonical(text[..<dot]) {
            form = named
            column = String(text[text.index(after: dot)...])
        } else {
            form = defaultForm
            column = text
        }
    }
}

/// The form names of a study, for resolving `form.COLUMN` references (see ``FieldRef``).
public struct FormNames: Sendable, Hashable {
    private let exact: Set<String>
    private let folded: [String: String]

    public init(_ names: some Sequence<String>) {
        exact = Set(names)
        var folded: [String: String] = [:]
        for name in exact.sorted() where folded[name.lowercased()] == nil { folded[name.lowercased()] = name }
        self.folded = folded
    }

    /// The form `text` names: the form spelt so, else the one equal ignoring case.
    public func canonical(_ text: some StringProtocol) -> String? {
        let name = String(text)
        return exact.contains(name) ? name : folded[name.lowercased()]
    }

    public var all: Set<String> { exact }
}
