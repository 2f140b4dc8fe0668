import Foundation
import TestSupport
import Testing
import TrialExportCore
import TrialExportIO

/// Hostile and broken ODM files are refused with the line (and column), never read through.
struct ODMSecurityTests {
    func refusal(_ text: String) throws -> ODMError {
        try refusal(Data(text.utf8))
    }

    func refusal(_ data: Data) throws -> ODMError {
        let path = try ODMFixtures.write(data)
        let error = #expect(throws: ODMError.self) { try ODMLoader.read(path: path, findings: FindingCollector()) }
        // Read in parts, the same refusal.
        #expect(throws: ODMError.self) { try ODMFixtures.readBothWays(path, display: nil) }
        return try #require(error)
    }

    @Test func externalEntityIsRefusedAndTheFileNeverRead() throws {
        let secret = TestPaths.temporaryDirectory("xxe").appendingPathComponent("secret.txt")
        try "TOP-SECRET".write(to: secret, atomically: true, encoding: .utf8)
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE ODM [ <!ENTITY xxe SYSTEM "file://\(secret.path)"> ]>
            <ODM><ClinicalData><SubjectData SubjectKey="&xxe;"/></ClinicalData></ODM>
            """
        let error = try refusal(xxe)
        guard case .doctypeRefused(_, let line) = error else { Issue.record("\(error)"); return }
        #expect(line == 2)
        #expect(error.description.contains(":2: ODM file has a <!DOCTYPE>"))
        #expect(!error.description.contains("TOP-SECRET"))
    }

    @Test func billionLaughsIsRefusedBeforeAnyExpansion() throws {
        var entities = "<!ENTITY a0 \"lol\">"
        for i in 1...10 { entities += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        let error = try refusal("<?xml version=\"1.0\"?>\n\n<!DOCTYPE ODM [\(entities)]>\n<ODM>&a10;</ODM>")
        guard case .doctypeRefused(_, let line) = error else { Issue.record("\(error)"); return }
        #expect(line == 3)
    }

    @Test func deepNestingStopsWithAClearError() throws {
        let depth = ODMLimits.maxDepth + 10
        let text = "<ODM>\n" + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth) + "</ODM>"
        let error = try refusal(text)
        guard case .tooDeep(_, let line, let reached) = error else { Issue.record("\(error)"); return }
        #expect(line == 2 && reached == ODMLimits.maxDepth + 1)
        #expect(error.description.contains("depth bomb"))
    }

    @Test func malformedXMLNamesLineAndColumn() throws {
        let error = try refusal(
            ODMFixtures.document("<SubjectData SubjectKey=\"1\">\n<StudyEventData StudyEventOID=\"E\"></SubjectData>"))
        guard case .malformed(_, let line, let column, _) = error else { Issue.record("\(error)"); return }
        #expect(line == 24 && column > 0, "\(error)")
    }

    @Test func invalidUTF8NamesLineAndColumn() throws {
        let parts = ODMFixtures.document("<SubjectData SubjectKey=\"A\"/>\n<SubjectData SubjectKey=\"B@\"/>").split(
            separator: "@")
        let data = Data(parts[0].utf8) + Data([0xC3, 0x28]) + Data(parts[1].utf8)
        let error = try refusal(data)
        guard case .malformed(_, let line, let column, let detail) = error else { Issue.record("\(error)"); return }
        #expect(line == 24 && column == 27, "\(error)")
        #expect(detail == "bytes \\xC3\\x28 are not UTF-8")
    }

    @Test func truncatedDocumentAndOtherRootsAreRefused() throws {
        let whole = ODMFixtures.document("")
        let cut = whole.replacingOccurrences(of: "</ODM>", with: "")
        let truncated = try refusal(cut)
        switch truncated {
        case .truncated(_, let line), .malformed(_, let line, _, _): #expect(line == 26, "\(truncated)")
        default: Issue.record("\(truncated)")
        }
        guard case .notODM(_, let root) = try refusal("<?xml version=\"1.0\"?><html/>") else {
            Issue.record("not refused"); return
        }
        #expect(root == "html")
    }
}
