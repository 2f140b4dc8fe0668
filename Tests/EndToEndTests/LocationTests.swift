import Foundation
import TestSupport
import Testing
import TrialExportIO

/// Every finding and every stopping error says where the user can fix it: SDTM check findings name
/// the raw file and line(s) their record came from; spec and template errors name file, line and
/// column in plain words.
struct LocationTests {
    /// A copy of the example EDC folder with line `line` (1-based) of `form` changed by `edit`.
    func editedCopy(_ form: String, line: Int, _ edit: (String) -> String) throws -> URL {
        let source = TestPaths.repositoryRoot.appendingPathComponent("examples/NCT05549466/edc")
        let copy = TestPaths.temporaryDirectory("loc").appendingPathComponent("edc")
        try FileManager.default.copyItem(at: source, to: copy)
        let file = copy.appendingPathComponent("\(form).csv")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\r\n")
        lines[line - 1] = edit(lines[line - 1])
        try lines.joined(separator: "\r\n").write(to: file, atomically: true, encoding: .utf8)
        return copy
    }

    func export(_ raw: URL) throws -> (BinaryRunner.Result, [[String: String]]) {
        let out = raw.deletingLastPathComponent().appendingPathComponent("out")
        let result = try BinaryRunner.run(["export", "--raw", raw.path, "--out", out.path, "--quiet"])
        var header: [String] = [], rows: [[String: String]] = []
        try CSVReader(path: out.appendingPathComponent("findings.csv").path).read(
            header: { header = $0 }, record: { rows.append(Dictionary(uniqueKeysWithValues: zip(header, $0.values))) })
        return (result, rows)
    }

    /// A good export of the example into `base/export`, and its files' bytes.
    func previousExport(in base: URL) throws -> (URL, [String: Data]) {
        let out = base.appendingPathComponent("export")
        let result = try BinaryRunner.run(["export", "--out", out.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return (out, try snapshot(out))
    }

    /// Every file below `folder` by relative path, with its bytes.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)! {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func endBeforeStartNamesTheRawFileAndLine() throws {
        // ae.csv line 18: 101-0005's third AE, 13 JAN 2023 to 18 JAN 2023; now it ends on 10 JAN.
        let raw = try editedCopy("ae", line: 18) { $0.replacingOccurrences(of: ",18 JAN 2023,", with: ",10 JAN 2023,") }
        let (result, findings) = try export(raw)
        #expect(result.status == 1)
        let f = try #require(findings.first { $0["Code"] == "CHK0006" })
        #expect(f["File"] == "ae.csv" && f["Line"] == "18", "\(f)")
        // Sorted by AEDECOD, Fatigue comes before RCCEP: record 3 of the file is AESEQ 2.
        #expect(f["Domain"] == "AE" && f["USUBJID"] == "NCT05549466-101-0005" && f["SEQ"] == "2")
        #expect(f["Value"] == "2023-01-13T14:23")
        #expect(result.stderr.contains("ae.csv:18"), "the error on standard error names the line too")
    }

    @Test func blankRequiredValueNamesTheRawFileAndLine() throws {
        // ae.csv line 17: 101-0005's second AE (RCCEP, AESEQ 3 once sorted by AEDECOD); AETERM (4th field) blanked.
        let raw = try editedCopy("ae", line: 17) { line in
            var fields = line.components(separatedBy: ",")
            fields[3] = ""
            return fields.joined(separator: ",")
        }
        let (result, findings) = try export(raw)
        #expect(result.status == 1)
        let f = try #require(findings.first { $0["Code"] == "CHK0001" && $0["Variable"] == "AETERM" })
        #expect(f["File"] == "ae.csv" && f["Line"] == "17" && f["USUBJID"] == "NCT05549466-101-0005" && f["SEQ"] == "3")
    }

    @Test func duplicateSubjectNamesBothLines() throws {
        let source = TestPaths.repositoryRoot.appendingPathComponent("examples/NCT05549466/edc/dm.csv")
        let dm = try String(contentsOf: source, encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // 101-0003 (line 4) entered a second time, on a new last line, with another date of birth.
        let copy = try editedCopy("dm", line: dm.count) { last in
            last + "\r\n" + dm[3].replacingOccurrences(of: ",Screening,", with: ",Screening 2,")
        }
        let (result, findings) = try export(copy)
        #expect(result.status == 1)
        // The loader keeps the first record and reports the second at its line, naming the first.
        let f = try #require(findings.first { $0["Code"] == "RAW0002" })
        #expect(f["File"] == "dm.csv" && f["Line"] == "\(dm.count + 1)", "\(f)")
        #expect(f["Message"]?.contains("first on line 4") == true && f["Value"] == "101-0003", "\(f)")
        #expect(!findings.contains { $0["Code"] == "CHK0005" }, "the second record never reaches DM")
    }

    @Test func anUnclosedTemplateSectionNamesTheLineWhereItOpened() throws {
        let base = TestPaths.temporaryDirectory("loc-template")
        let templates = base.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent("templates"), to: templates)
        let arm = templates.appendingPathComponent("arm.md.mustache")
        var lines = try String(contentsOf: arm, encoding: .utf8).components(separatedBy: "\n")
        let close = try #require(lines.firstIndex(of: "{{/flow}}"))
        let open = try #require(lines.firstIndex(of: "{{#flow}}"))
        lines.remove(at: close)
        try lines.joined(separator: "\n").write(to: arm, atomically: true, encoding: .utf8)
        let (out, before) = try previousExport(in: base)
        let result = try BinaryRunner.run(["export", "--templates", templates.path, "--out", out.path, "--quiet"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "arm.md.mustache:\(open + 1): section \"flow\" opened here is never closed ({{/flow}} missing)"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("expectedSectionEnd"))
        #expect(try snapshot(out) == before, "the previous export is left byte for byte")
    }

    /// A copy of the example study whose `domains/ae.yaml` line holding `old` has it replaced by `new`;
    /// returns the folder, the file and the 1-based line and column where `new` starts.
    func editedStudy(_ old: String, _ new: String) throws -> (URL, String, Int, Int) {
        let base = TestPaths.temporaryDirectory("loc-spec")
        let study = base.appendingPathComponent("study")
        try FileManager.default.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent("mappings/NCT05549466"), to: study)
        let file = study.appendingPathComponent("domains/ae.yaml")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let i = try #require(lines.firstIndex { $0.contains(old) })
        lines[i] = lines[i].replacingOccurrences(of: old, with: new)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let column = lines[i].distance(from: lines[i].startIndex, to: lines[i].range(of: new)!.lowerBound) + 1
        return (study, file.path, i + 1, column)
    }

    @Test func anUnknownAlgorithmNamesFileLineColumnVariableAndTheValidNames() throws {
        let (study, file, line, column) = try editedStudy(
            "{variable: AESER, algorithm: assign_ct", "{variable: AESER, algorithm: assign_magic")
        let (out, before) = try previousExport(in: study.deletingLastPathComponent())
        let result = try BinaryRunner.run(["export", "--study", study.path, "--out", out.path, "--quiet"])
        #expect(result.status == 1)
        let at = "\(file):\(line):\(column + "{variable: AESER, algorithm: ".count): variable AESER"
        #expect(result.stderr.contains(at), "\(result.stderr)")
        #expect(result.stderr.contains("unknown algorithm \"assign_magic\"; valid algorithms: actual_arm_code, age_years"))
        #expect(result.stderr.contains("assign_ct, assign_datetime, assign_no_ct"))
        #expect(!result.stderr.contains("Cannot initialize"))
        #expect(try snapshot(out) == before, "the previous export is left byte for byte")
    }

    @Test func aCodelistThatDoesNotExistIsASpecError() throws {
        let (study, file, line, column) = try editedStudy("from: AESER, codelist: NY}", "from: AESER, codelist: NYX}")
        let (out, before) = try previousExport(in: study.deletingLastPathComponent())
        let result = try BinaryRunner.run(["export", "--study", study.path, "--out", out.path, "--quiet"])
        #expect(result.status == 1)
        let at = "\(file):\(line):\(column + "from: AESER, codelist: ".count): variable AESER (records[0].variables[10].codelist)"
        #expect(result.stderr.contains(at), "\(result.stderr)")
        #expect(result.stderr.contains("unknown codelist \"NYX\"") && result.stderr.contains("Did you mean \"NY\"?"))
        #expect(try snapshot(out) == before, "no export with every AESER null replaces the previous one")
    }

    @Test func aMisspeltKeyIsASpecErrorNotIgnored() throws {
        let (study, file, line, column) = try editedStudy("from: AEOUT, codelist: OUT}", "from: AEOUT, codelst: OUT}")
        let result = try BinaryRunner.run([
            "export", "--study", study.path, "--out", study.appendingPathExtension("out").path, "--quiet",
        ])
        #expect(result.status == 1)
        let at = "\(file):\(line):\(column + "from: AEOUT, ".count): variable AEOUT"
        #expect(result.stderr.contains(at) && result.stderr.contains("unknown key \"codelst\""), "\(result.stderr)")
        #expect(result.stderr.contains("Did you mean \"codelist\"?"))
    }
}
