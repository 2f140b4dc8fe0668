import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An XML element met while parsing: its name, attributes and the text directly inside.
struct XMLNode {
    var name: String
    var attributes: [String: String]
    /// Names of the enclosing elements, outermost first.
    var path: [String]
    var text = ""
}

/// Parses XML into a flat list of elements in document order.
final class XMLFlattener: NSObject, XMLParserDelegate {
    private(set) var nodes: [XMLNode] = []
    private var open: [Int] = []

    static func parse(_ data: Data) throws -> [XMLNode] {
        let parser = XMLParser(data: data)
        let flattener = XMLFlattener()
        parser.delegate = flattener
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return flattener.nodes
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String]
    ) {
        nodes.append(XMLNode(name: name, attributes: attributes, path: open.map { nodes[$0].name }))
        open.append(nodes.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { nodes[last].text += string }
    }
}

/// The parts of an XLSX package the reader needs.
struct XLSXArchiveFiles {
    let archive: Archive

    func data(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return data
    }

    func nodes(_ path: String) throws -> [XMLNode] {
        guard let data = try data(path) else { return [] }
        return try XMLFlattener.parse(data)
    }

    /// Relationship targets by id, resolved against `folder`.
    func relationships(_ path: String, folder: String) throws -> [String: String] {
        var targets: [String: String] = [:]
        for node in try nodes(path) where node.name == "Relationship" {
            guard let id = node.attributes["Id"], let target = node.attributes["Target"] else { continue }
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : Self.resolve(target, in: folder)
        }
        return targets
    }

    static func resolve(_ target: String, in folder: String) -> String {
        var parts = folder.split(separator: "/").map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." { parts.removeLast() } else { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    /// Sheet names and their part paths, in workbook order.
    func sheetTargets() throws -> [(String, String)] {
        let rels = try relationships("xl/_rels/workbook.xml.rels", folder: "xl")
        return try nodes("xl/workbook.xml").filter { $0.name == "sheet" }.map { node in
            (node.attributes["name"] ?? "", rels[node.attributes["r:id"] ?? ""] ?? "")
        }
    }

    func sharedStrings() throws -> [String] {
        var strings: [String] = []
        for node in try nodes("xl/sharedStrings.xml") {
            if node.name == "si" { strings.append("") }
            if node.name == "t", node.path.contains("si") { strings[strings.count - 1] += node.text }
        }
        return strings
    }

    /// Indexes of cell styles (`cellXfs`) whose font is bold.
    func boldStyles() throws -> Set<Int> {
        let nodes = try nodes("xl/styles.xml")
        var boldFonts: Set<Int> = []
        var fontIndex = -1
        for node in nodes where node.path.last == "font" || node.name == "font" {
            if node.name == "font", node.path.last == "fonts" { fontIndex += 1 }
            if node.name == "b", node.attributes["val"] != "0" { boldFonts.insert(fontIndex) }
        }
        let styles = nodes.filter { $0.name == "xf" && $0.path.last == "cellXfs" }
        return Set(styles.indices.filter { boldFonts.contains(Int(styles[$0].attributes["fontId"] ?? "") ?? -1) })
    }
}
