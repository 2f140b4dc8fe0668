/// Counts in words for messages: `1 error`, `2 errors`.
public enum Plural {
    /// `count` and the noun, with an `s` (or `plural`) unless the count is one.
    public static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
