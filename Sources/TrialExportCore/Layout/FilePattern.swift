/// File-name patterns of `forms.yaml`: `*` stands for any run of characters, `?` for one; every
/// other character stands for itself (case-sensitive, as file names are on Linux).
public enum FilePattern {
    /// True when `name` matches `pattern` as a whole.
    public static func matches(_ name: String, pattern: String) -> Bool {
        let text = Array(name.unicodeScalars)
        let glob = Array(pattern.unicodeScalars)
        var t = 0
        var g = 0
        var star: Int?
        var resume = 0
        while t < text.count {
            if g < glob.count, glob[g] == "?" || glob[g] == text[t], glob[g] != "*" {
                t += 1
                g += 1
            } else if g < glob.count, glob[g] == "*" {
                star = g
                resume = t
                g += 1
            } else if let s = star {
                g = s + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while g < glob.count, glob[g] == "*" { g += 1 }
        return g == glob.count
    }

    /// True when the pattern has a wildcard.
    public static func isPattern(_ text: String) -> Bool {
        text.contains("*") || text.contains("?")
    }
}
