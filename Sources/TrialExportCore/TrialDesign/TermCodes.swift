/// NCI codes of CT terms per codelist: TSVALCD values and the TSPARMCD-to-TSPARM pairing.
///
/// ``Codelist`` holds submission values only; the bundled CT file also carries each term's NCI
/// code, which the trial summary needs.
public struct TermCodes: Sendable, Hashable {
    private var codeByTerm: [String: [String: String]]
    private var termByCode: [String: [String: String]]

    /// `lists` maps a codelist key (short name or NCI code) to `submission value: NCI code`.
    public init(_ lists: [String: [String: String]] = [:]) {
        codeByTerm = lists
        termByCode = lists.mapValues { terms in
            var inverse: [String: String] = [:]
            for (term, code) in terms where inverse[code] == nil || term < inverse[code]! { inverse[code] = term }
            return inverse
        }
    }

    /// The NCI code of `term` in `codelist` (short name or code), e.g. `C15601` for PHASE II TRIAL.
    public func code(of term: String, in codelist: String) -> String? { codeByTerm[codelist]?[term] }

    /// The submission value whose NCI code is `code` in `codelist`.
    public func term(withCode code: String, in codelist: String) -> String? { termByCode[codelist]?[code] }

    public var isEmpty: Bool { codeByTerm.isEmpty }
}
