import Foundation
import TestSupport
import Testing

/// Prints the example's workbook as LibreOffice does (headless, to PDF) and reads every page back:
/// each is one sheet wide with the study and the sheet in its header, "Page n of m" in its footer,
/// and a dataset's header row on every page of its sheet. Runs when LibreOffice (`soffice`) and
/// poppler's `pdftotext` are installed, as `.ci/run` installs them, with Carlito (metric-compatible
/// with Excel's Calibri): with a wider substitute font LibreOffice printed one page of the DS sheet
/// blank in place of its last rows.
@Suite(.serialized)
struct WorkbookPrintTests {
    static func tool(_ name: String) -> String? {
        ["/usr/bin/\(name)", "/usr/local/bin/\(name)"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let printable = tool("soffice") != nil && tool("pdftotext") != nil

    /// The text of every printed page of the example's workbook, in order, and whether each page is landscape.
    static func pages() throws -> [String] { try printout().pages }

    static func printout() throws -> (pages: [String], landscape: [Bool]) {
        let folder = TestPaths.temporaryDirectory("print")
        let export = folder.appendingPathComponent("export")
        let result = try BinaryRunner.run(["export", "--out", export.path, "--quiet"])
        try #require(result.status == 0, "\(result.stderr)")
        let workbook = export.appendingPathComponent("NCT05549466-sdtm.xlsx")
        let home = folder.appendingPathComponent("home")  // LibreOffice's profile, never the user's
        try run(
            tool("soffice")!,
            [
                "-env:UserInstallation=file://\(home.path)", "--headless", "--convert-to", "pdf",
                "--outdir", folder.path, workbook.path,
            ])
        let pdf = folder.appendingPathComponent("NCT05549466-sdtm.pdf")
        let text = folder.appendingPathComponent("pages.txt")
        try run(tool("pdftotext")!, ["-layout", pdf.path, text.path])
        var pages = try String(contentsOf: text, encoding: .utf8).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        // `Page    3 size: 841.89 x 595.276 pts (A4)`: wider than high is landscape.
        let info = try BinaryRunner.runTool(["pdfinfo", "-f", "1", "-l", String(pages.count), pdf.path])
        let landscape = info.stdout.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains(" size: ") }.map {
            line -> Bool in
            let numbers = line.split(separator: ":")[1].split(separator: " ").compactMap { Double($0) }
            return numbers.count >= 2 && numbers[0] > numbers[1]
        }
        return (pages, landscape)
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(tool) \(arguments) exited \(process.terminationStatus)")
    }

    @Test(.enabled(if: printable, "LibreOffice (soffice) and pdftotext are not installed"))
    func everyPageHasItsHeaderFooterAndHeaderRow() throws {
        let (pages, landscape) = try Self.printout()
        #expect(landscape.count == pages.count && landscape.allSatisfy { $0 }, "every page is landscape: \(landscape)")
        // About 850 pages before print setup; one page wide now (155 with LibreOffice 7.4 and Carlito).
        #expect((50...200).contains(pages.count), "\(pages.count) pages")
        for (index, page) in pages.enumerated() {
            let lines = page.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let first = String(lines.first ?? ""), last = String(lines.last ?? "")
            #expect(
                first.contains("Study NCT05549466") && first.contains("Data cut-off: 2025-06-30"), "page \(index + 1): \(first)")
            #expect(last.contains("Page \(index + 1) of \(pages.count)"), "page \(index + 1): \(last)")
            let sheet = first.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2).first.map(String.init) ?? ""
            if !["Study", "Summary", "Findings", "Reconciliation", "Changes", "Chart"].contains(sheet) {
                #expect(lines.count > 1 && lines[1].contains("STUDYID"), "page \(index + 1) of \(sheet) lacks its header row")
            }
        }
        #expect(pages.first?.contains("Contents") == true, "the Study sheet prints first, on one page")
        #expect(pages.count > 1 && !pages[1].contains("Contents"))
    }
}
