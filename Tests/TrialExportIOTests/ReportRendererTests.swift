import Foundation
import TestSupport
import Testing
import TrialExportCore
import TrialExportIO

/// Template loading, checking and rendering with small hand-written templates.
struct ReportRendererTests {
    static let context = ReportValue.object([
        "title": .text("A & B <tested>"),
        "arms": .list(
            [.object(["code": .text("A"), "n": .text("3")]), .object(["code": .text("B"), "n": .text("0")])],
            element: .object(["code": .scalar, "n": .scalar])),
        "none": .list([], element: .object(["reason": .scalar])),
        "efficacy": .object(["orr": .text("23.8% (8.2% to 47.2%)")]),
    ])

    /// A folder holding `consort.md.mustache`, `arm.md.mustache` (given or trivial) and `extra` files.
    static func folder(consort: String = "x", arm: String = "x", extra: [String: String] = [:]) throws -> URL {
        let folder = TestPaths.temporaryDirectory("templates")
        var files = extra
        files["consort.md.mustache"] = consort
        files["arm.md.mustache"] = arm
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func rendersWithoutHTMLEscapingAndWithPartials() throws {
        let template =
            "# {{title}}\n{{#arms}}\n- {{code}}: {{> count}}\n{{/arms}}\n{{^none}}no reasons{{/none}}\nORR {{efficacy.orr}}\n"
        let renderer = try ReportRenderer(folder: try Self.folder(consort: template, extra: ["count.mustache": "n = {{n}}"]))
        let text = try renderer.render("consort.md", context: Self.context)
        #expect(text == "# A & B <tested>\n- A: n = 3\n- B: n = 0\nno reasons\nORR 23.8% (8.2% to 47.2%)\n")
    }

    @Test(arguments: [
        ("{{title}}\n\n{{titel}}", 3, "titel"),
        ("{{#arms}}\n{{code}} {{orr}}\n{{/arms}}", 2, "orr"),
        ("{{efficacy.dcr}}", 1, "efficacy.dcr"),
        ("{{#none}}{{code}}{{/none}}", 1, "code"),
        ("{{{raw}}}", 1, "raw"),
        ("{{shout(title)}}", 1, "shout()"),
    ])
    func anUnknownFieldNamesTemplateLineAndField(template: String, line: Int, field: String) throws {
        let renderer = try ReportRenderer(folder: try Self.folder(arm: template))
        #expect {
            try renderer.render("arm.md", context: Self.context)
        } throws: { error in
            guard case .unknownField(let file, let l, let f, _)? = error as? ReportError else { return false }
            return file == "arm.md.mustache" && l == line && f == field
                && "\(error)".hasPrefix("arm.md.mustache:\(line): unknown field \"\(field)\"")
        }
    }

    @Test func namesInEnclosingSectionsAndTransformsResolve() throws {
        let template = "{{#arms}}{{title}} {{code}}{{^last()}}, {{/last()}}{{/arms}} {{count(arms)}}{{! a comment }}"
        let renderer = try ReportRenderer(folder: try Self.folder(arm: template))
        #expect(try renderer.render("arm.md", context: Self.context) == "A & B <tested> A, A & B <tested> B 2")
    }

    @Test func anUnknownPartialAndAnUnclosedSectionAreReported() throws {
        let partial = try ReportRenderer(folder: try Self.folder(arm: "line 1\n{{> missing}}"))
        #expect(throws: ReportError.unknownPartial(template: "arm.md.mustache", line: 2, partial: "missing")) {
            try partial.render("arm.md", context: Self.context)
        }
        let unclosedSection = try Self.folder(arm: "a\n{{#arms}}\n{{code}}\n{{#last()}}x{{/last()}}\nend")
        #expect(
            throws: ReportError.invalidTemplate(
                template: "arm.md.mustache", line: 2, detail: "section \"arms\" opened here is never closed ({{/arms}} missing)")
        ) {
            _ = try ReportRenderer(folder: unclosedSection)
        }
        let unclosedTag = try Self.folder(arm: "a\nb {{title")
        #expect(
            throws: ReportError.invalidTemplate(
                template: "arm.md.mustache", line: 2, detail: "tag \"{{\" is never closed with \"}}\"")
        ) {
            _ = try ReportRenderer(folder: unclosedTag)
        }
    }

    @Test func aSectionEndThatClosesAnotherSectionNamesBothLines() throws {
        let crossed = try Self.folder(arm: "{{#arms}}\n{{^last()}}\n{{/arms}}\n{{/last()}}")
        #expect(
            throws: ReportError.invalidTemplate(
                template: "arm.md.mustache", line: 3,
                detail:
                    "section end {{/arms}} does not match section \"last()\" opened on line 2 (close that one first with {{/last()}})"
            )
        ) {
            _ = try ReportRenderer(folder: crossed)
        }
        #expect(throws: ReportError.self) { _ = try ReportRenderer(folder: try Self.folder(arm: "a\n{{/arms}}")) }
    }

    @Test func aTemplateThatIsNotUTF8NamesLineColumnAndBytes() throws {
        let folder = try Self.folder()
        let file = folder.appendingPathComponent("arm.md.mustache")
        try Data(Array("# Arm\nCaf".utf8) + [0xE9] + Array(" {{code}}\n".utf8)).write(to: file)
        #expect(throws: TrialExportError.invalidUTF8(path: file.path, line: 2, column: 4, bytes: "Caf\\xE9 {{code}}")) {
            _ = try ReportRenderer(folder: folder)
        }
    }

    @Test func aFolderWithoutTheArmTemplateIsRejected() throws {
        let folder = try Self.folder()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("arm.md.mustache"))
        #expect(throws: ReportError.templateMissing(folder: folder.path, name: "arm.md.mustache")) {
            _ = try ReportRenderer(folder: folder)
        }
    }

    @Test func theDefaultTemplatesRenderAnExportWithoutData() throws {
        let writer = try ReportWriter(templates: TestPaths.repositoryRoot.appendingPathComponent("templates"))
        let study = try SpecFile.decode(
            StudyDefinition.self, from: TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466/study.yaml").path)
        let report = TrialReportBuilder(study: study, cutoff: "2025-06-30").build([])
        let out = TestPaths.temporaryDirectory("reports")
        let files = try writer.write(report, to: out)
        #expect(
            files.map(\.lastPathComponent) == [
                "consort.md", "consort.svg", "arm-APA+CAM+CT.md", "arm-APA+CAM.md", "arm-CAM+CT.md", "arm-CT.md",
            ])
        let arm = try String(contentsOf: files[2], encoding: .utf8)
        #expect(arm.contains("| Allocated | 0 |"))
        #expect(arm.contains("The investigator's responses agree with the derivation"))
    }
}

/// Report modules per study: the oncology module only when declared; definitions from study.yaml.
struct ReportModuleTests {
    static func render(_ edit: (inout StudyDefinition) -> Void) throws -> (consort: String, arm: String) {
        let writer = try ReportWriter(templates: TestPaths.repositoryRoot.appendingPathComponent("templates"))
        var study = try SpecFile.decode(
            StudyDefinition.self, from: TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466/study.yaml").path)
        edit(&study)
        let files = try writer.write(
            TrialReportBuilder(study: study, cutoff: "2025-06-30").build([]), to: TestPaths.temporaryDirectory("modules"))
        return (try String(contentsOf: files[0], encoding: .utf8), try String(contentsOf: files[2], encoding: .utf8))
    }

    @Test func aStudyWithoutTheRecistModuleHasNoOncologySections() throws {
        let (consort, arm) = try Self.render { $0.reports = nil }
        for text in [consort, arm] {
            #expect(!text.contains("RECIST"), "no RECIST section or definition")
            #expect(!text.contains("ECOG"))
            #expect(!text.contains("Best overall response"))
            #expect(text.contains("## Definitions") && text.contains("treatment-emergent = SUPPAE AETRTEM"))
        }
        #expect(arm.contains("## Safety") && arm.contains("## Exposure"))
    }

    @Test func theDefinitionsSectionShowsTheStudysOwnDefinitions() throws {
        let (_, arm) = try Self.render { study in
            var definitions = ReportDefinitions()
            definitions.treatmentEmergentQualifier = "TRTEMFL"
            definitions.treatmentDispositionCategory = "TREATMENT PERIOD"
            definitions.confirmationDays = 21
            definitions.cycleVisitPrefix = "COURSE"
            study.reports = ReportSettings(efficacy: .recist, definitions: definitions)
        }
        #expect(arm.contains("SUPPAE TRTEMFL = Y"))
        #expect(arm.contains("DSSCAT = TREATMENT PERIOD and DSDECOD"))
        #expect(arm.contains("at least 21 days later, SD at least 42 days"))
        // No EX records, so no cycles: neither the cycles line nor its definition (the example's goldens show both).
        #expect(!arm.contains("COURSE") && !arm.contains("Cycles started"))
        #expect(arm.contains("ECOG = RS RSCAT ECOG at VISITNUM 1"))
        #expect(arm.contains("| TEAE grade >= 3 |") && arm.contains("grade >= 3 = AETOXGR 3 or more"))
    }

    @Test func severeEventsBySeverityRewordTheSafetyLinesAndDefinitions() throws {
        let (consort, arm) = try Self.render { study in
            var definitions = ReportDefinitions()
            definitions.severeEvents = .severity
            study.reports = ReportSettings(definitions: definitions)
        }
        #expect(arm.contains("| Severe TEAE |") && consort.contains("| Severe TEAE |"))
        #expect(arm.contains("severe = AESEV SEVERE") && !arm.contains("AETOXGR") && !consort.contains("grade >= 3"))
    }
}
