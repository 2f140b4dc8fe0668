/// Shares one copy of each repeated text: a dataset repeats USUBJID, dates and terms on many rows.
///
/// Swift keeps texts of up to 15 UTF-8 bytes inside the value; longer ones live on the heap,
/// one allocation per copy. Interning stores each distinct long text once.
public struct StringInterner {
    private var seen: [String: String] = [:]

    public init() {}

    /// The stored copy equal to `text` (short texts are returned as they are).
    public mutating func intern(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        if let shared = seen[text] { return shared }
        seen[text] = text
        return text
    }
}
