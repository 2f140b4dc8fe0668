/// XML text built line by line, with attribute and character data escaped.
struct XMLText {
    private(set) var text = ""
    private var depth = 0

    /// `<name a="v"...>` (or `<name .../>` when `empty`), one level deeper unless empty.
    mutating func open(_ name: String, _ attributes: [(String, String?)] = [], empty: Bool = false) {
        var line = "<" + name
        for (key, value) in attributes {
            if let value { line += " \(key)=\"\(Self.escaped(value))\"" }
        }
        add(line + (empty ? "/>" : ">"))
        if !empty { depth += 1 }
    }

    /// `</name>`, one level up.
    mutating func close(_ name: String) {
        depth -= 1
        add("</\(name)>")
    }

    /// `<name a="v">text</name>` on one line.
    mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text content: String) {
        var line = "<" + name
        for (key, value) in attributes {
            if let value { line += " \(key)=\"\(Self.escaped(value))\"" }
        }
        add(line + ">" + Self.escaped(content) + "</\(name)>")
    }

    /// `<Description><TranslatedText xml:lang="en">text</TranslatedText></Description>`.
    mutating func description(_ content: String) {
        open("Description")
        element("TranslatedText", [("xml:lang", "en")], text: content)
        close("Description")
    }

    mutating func add(_ line: String) {
        text += String(repeating: "  ", count: depth) + line + "\n"
    }

    /// `&`, `<`, `>`, `"` as entities; control characters other than tab, line feed and carriage return,
    /// which XML 1.0 cannot hold, as `\u{..}` escapes.
    static func escaped(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out += "&#\(scalar.value);"
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value):
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
