import Foundation
import ZIPFoundation

extension XLSXArchiveFiles {
    /// Reads one worksheet part and its comments.
    func sheet(name: String, target: String, sharedStrings: [String], boldStyles: Set<Int>) throws -> XLSXSheetContent {
        var sheet = XLSXSheetContent(name: name)
        var cell: (position: XLSXPosition, type: String, style: Int)?
        var text: String?
        func finish() {
            guard let current = cell else { return }
            if boldStyles.contains(current.style) { sheet.boldCells.insert(current.position) }
            if let value = text {
                sheet.cells[current.position] = Self.cell(value, type: current.type, sharedStrings: sharedStrings)
            }
            cell = nil
            text = nil
        }
        for node in try nodes(target) {
            switch node.name {
            case "c":
                finish()
                guard let position = XLSXPosition(reference: node.attributes["r"] ?? "") else { continue }
                cell = (position, node.attributes["t"] ?? "n", Int(node.attributes["s"] ?? "0") ?? 0)
            case "v" where node.path.last == "c": text = node.text
            case "t" where node.path.contains("is"): text = (text ?? "") + node.text
            case "pane" where node.attributes["state"] == "frozen": sheet.frozenRows = Int(node.attributes["ySplit"] ?? "0") ?? 0
            case "autoFilter": sheet.autofilter = node.attributes["ref"]
            case "col": Self.addWidths(node, to: &sheet)
            default: break
            }
        }
        finish()
        sheet.comments = try comments(forSheet: target)
        return sheet
    }

    private static func cell(_ value: String, type: String, sharedStrings: [String]) -> XLSXCell {
        switch type {
        case "s": return .string(decodeEscapes(sharedStrings[Int(value) ?? 0]))
        case "inlineStr", "str": return .string(decodeEscapes(value))
        default: return Double(value).map(XLSXCell.number) ?? .string(value)
        }
    }

    private static func addWidths(_ node: XMLNode, to sheet: inout XLSXSheetContent) {
        guard let min = Int(node.attributes["min"] ?? ""), let max = Int(node.attributes["max"] ?? ""),
            let width = Double(node.attributes["width"] ?? "")
        else { return }
        for column in min...max { sheet.columnWidths[column - 1] = width }
    }

    /// Comments of a worksheet by position, found through the sheet's relationships.
    func comments(forSheet target: String) throws -> [XLSXPosition: String] {
        let folder = (target as NSString).deletingLastPathComponent
        let relsPath = "\(folder)/_rels/\((target as NSString).lastPathComponent).rels"
        var comments: [XLSXPosition: String] = [:]
        for part in try relationships(relsPath, folder: folder).values where part.contains("comments") {
            var position: XLSXPosition?
            for node in try nodes(part) {
                if node.name == "comment" { position = XLSXPosition(reference: node.attributes["ref"] ?? "") }
                if node.name == "t", let position { comments[position, default: ""] += Self.decodeEscapes(node.text) }
            }
        }
        return comments
    }

    /// Undoes the `_xHHHH_` escapes Excel uses for control characters.
    static func decodeEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            result += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                result += "_x"
                rest = after
            }
        }
        return result + rest
    }
}
