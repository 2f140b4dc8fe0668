import Foundation
import TestSupport

/// Checks the Mermaid flowchart of consort.md: a strict structural check of the subset the template
/// writes, and, when `TRIALEXPORT_MERMAID_PARSER` names Mermaid's parser bundle (`parser.bundle.js`
/// of the PyPI package mermaid-parser-py, Mermaid 11), a parse with Mermaid itself under node.
enum MermaidCheck {
    /// The text of the first ```mermaid block, nil when there is none.
    static func diagram(in markdown: String) -> String? {
        guard let start = markdown.range(of: "```mermaid\n"),
            let end = markdown.range(of: "\n```", range: start.upperBound..<markdown.endIndex)
        else { return nil }
        return String(markdown[start.upperBound..<end.lowerBound])
    }

    /// Lines that are not `flowchart TD`, `id["label"]` or `id --> id`; ids used but not defined; duplicate ids.
    static func problems(_ diagram: String) -> [String] {
        let lines = diagram.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard lines.first == "flowchart TD" else { return ["first line is not `flowchart TD`"] }
        var problems: [String] = [], defined: [String] = [], used: [String] = []
        for line in lines.dropFirst() {
            if let (id, label) = node(line) {
                if defined.contains(id) { problems.append("node \(id) defined twice") }
                if label.contains("\"") || label.isEmpty { problems.append("bad label in \(line)") }
                defined.append(id)
            } else if let (from, to) = edge(line) {
                used += [from, to]
            } else {
                problems.append("not a node or an edge: \(line)")
            }
        }
        problems += Set(used).subtracting(defined).sorted().map { "edge uses undefined node \($0)" }
        problems += Set(defined).subtracting(used).sorted().map { "node \($0) is not connected" }
        return problems
    }

    static func nodeCount(_ diagram: String) -> Int {
        diagram.split(separator: "\n").filter { node($0.trimmingCharacters(in: .whitespaces)) != nil }.count
    }

    private static func isIdentifier(_ text: Substring) -> Bool {
        guard let first = text.first, first.isLetter, first.isASCII else { return false }
        return text.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII }
    }

    private static func node(_ line: String) -> (String, String)? {
        guard let open = line.range(of: "[\""), line.hasSuffix("\"]") else { return nil }
        let id = line[..<open.lowerBound]
        guard isIdentifier(id), open.upperBound <= line.index(line.endIndex, offsetBy: -2) else { return nil }
        return (String(id), String(line[open.upperBound..<line.index(line.endIndex, offsetBy: -2)]))
    }

    private static func edge(_ line: String) -> (String, String)? {
        let parts = line.components(separatedBy: " --> ")
        guard parts.count == 2, isIdentifier(Substring(parts[0])), isIdentifier(Substring(parts[1])) else { return nil }
        return (parts[0], parts[1])
    }

    /// Nil when Mermaid parses the diagram or no parser is configured; else Mermaid's error.
    static func parseWithMermaid(_ diagram: String) -> String? {
        guard let bundle = ProcessInfo.processInfo.environment["TRIALEXPORT_MERMAID_PARSER"], !bundle.isEmpty else { return nil }
        let folder = TestPaths.temporaryDirectory("mermaid")
        let input = folder.appendingPathComponent("diagram.mmd"), script = folder.appendingPathComponent("check.cjs")
        let js = """
            const parse = require(process.argv[2]);
            parse(require('fs').readFileSync(process.argv[3], 'utf8'))
              .then(() => process.exit(0)).catch(e => { console.error(String(e.message || e)); process.exit(1); });
            """
        do {
            try Data(diagram.utf8).write(to: input)
            try Data(js.utf8).write(to: script)
            let process = Process(), err = Pipe()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["node", script.path, bundle, input.path]
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = String(decoding: readAll(err.fileHandleForReading), as: UTF8.self)
            process.waitUntilExit()
            return process.terminationStatus == 0 ? nil : message
        } catch {
            return "cannot run node: \(error)"
        }
    }
}
