import TrialExportCore

/// Draws a ``ConsortDiagram`` as a standalone SVG document (`reports/consort.svg`), so the flow
/// can be seen without a Mermaid renderer. The same diagram gives the same bytes.
public enum ConsortSVG {
    public static let fileName = "consort.svg"

    public static func render(_ diagram: ConsortDiagram, title: String) -> String {
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(diagram.width)" height="\(diagram.height)" \
            viewBox="0 0 \(diagram.width) \(diagram.height)" font-family="Helvetica, Arial, sans-serif" font-size="11">
            <title>\(XMLText.escaped(title))</title>
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" \
            orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#333"/></marker></defs>
            <rect width="100%" height="100%" fill="white"/>

            """
        for box in diagram.boxes { svg += draw(box) }
        for line in diagram.connectors {
            svg +=
                "<line x1=\"\(line.x1)\" y1=\"\(line.y1)\" x2=\"\(line.x2)\" y2=\"\(line.y2)\" stroke=\"#333\" stroke-width=\"1.2\""
                + (line.arrow ? " marker-end=\"url(#arrow)\"" : "") + "/>\n"
        }
        return svg + "</svg>\n"
    }

    private static func draw(_ box: ConsortDiagram.Box) -> String {
        let fill = box.isStage ? "#D9E1F2" : "#FFFFFF"
        var text =
            "<rect x=\"\(box.x)\" y=\"\(box.y)\" width=\"\(box.width)\" height=\"\(box.height)\" rx=\"4\" "
            + "fill=\"\(fill)\" stroke=\"#333\" stroke-width=\"1\"/>\n"
        if box.isStage {
            let y = box.y + box.height / 2 + 4
            return text + "<text x=\"\(box.x + box.width / 2)\" y=\"\(y)\" text-anchor=\"middle\" font-weight=\"bold\">"
                + XMLText.escaped(box.lines.first ?? "") + "</text>\n"
        }
        for (i, line) in box.lines.enumerated() {
            let y = box.y + 8 + 11 + i * 15
            let weight = i == 0 ? " font-weight=\"bold\"" : ""
            text += "<text x=\"\(box.x + 8)\" y=\"\(y)\" xml:space=\"preserve\"\(weight)>\(XMLText.escaped(line))</text>\n"
        }
        return text
    }
}
