import Foundation
import TestSupport
import Testing

/// The CDISC pilot round trip (scripts/pilot-roundtrip): raw Rave-like forms de-mapped at run time
/// from the published SDTM of CDISCPILOT01 (../shared/reference/examples/msg-v2-submission), exported
/// with the specs of Fixtures/PilotRoundTrip (YAML only), and compared cell by cell with the
/// published datasets. The export must be clean (exit 0) and the share of equal cells must not fall
/// below the figures reached (rounded down), so a regression of the tool or the specs fails here.
@Suite(.serialized)
struct PilotRoundTripTests {
    static let published = TestPaths.repositoryRoot
        .appendingPathComponent("../shared/reference/examples/msg-v2-submission").standardizedFileURL
    static let study = TestPaths.repositoryRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/PilotRoundTrip")
    static let scripts = TestPaths.repositoryRoot.appendingPathComponent("scripts/pilot-roundtrip")

    /// Why the test cannot run here, or nil.
    static let absent: String? = {
        guard FileManager.default.fileExists(atPath: published.appendingPathComponent("dm.xpt").path) else {
            return "the published CDISC pilot SDTM is not at \(published.path) (../shared beside the repository)"
        }
        let probe = try? BinaryRunner.runTool(["python3", "-c", "import pyreadstat"])
        return probe?.status == 0 ? nil : "python3 with pyreadstat is not available (pip install pyreadstat)"
    }()

    /// Lowest accepted share of equal cells, in percent: the figures measured on 2026-12-06
    /// (scripts/pilot-roundtrip/README.md), rounded down to one decimal.
    static let minimum: [String: Double] = [
        "OVERALL": 99.7, "DM": 99.7, "SUPPDM": 100, "AE": 99.3, "EX": 99.7, "DS": 99.0, "IE": 100,
    ]

    @Test(.enabled(if: absent == nil, "\(absent ?? "")"))
    func publishedSDTMIsReproducedFromYAMLSpecs() throws {
        let work = TestPaths.temporaryDirectory("pilot")
        let raw = work.appendingPathComponent("raw"), out = work.appendingPathComponent("out")

        let made = try BinaryRunner.runTool(["python3", Self.scripts.appendingPathComponent("make_raw.py").path, raw.path])
        #expect(made.status == 0, "\(made.stdout)\(made.stderr)")

        let export = try BinaryRunner.run([
            "export", "--raw", raw.path, "--study", Self.study.path, "--out", out.path, "--quiet", "--formats", "csv",
        ])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("0 errors"), "\(export.stderr)")

        let compared = try BinaryRunner.runTool(["python3", Self.scripts.appendingPathComponent("compare.py").path, out.path])
        #expect(compared.status == 0, "\(compared.stderr)")
        let shares = Self.shares(compared.stdout)
        for (name, minimum) in Self.minimum {
            let share = try #require(shares[name], "no figure for \(name) in:\n\(compared.stdout)")
            #expect(share >= minimum, "\(name): \(share) % equal cells, at least \(minimum) % expected\n\(compared.stdout)")
        }
    }

    /// Percent of equal cells per dataset (`DM      cells ... 99.79 %`) and overall (`OVERALL ... pct=94.28`).
    static func shares(_ output: String) -> [String: Double] {
        var shares: [String: Double] = [:]
        for line in output.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard let first = words.first else { continue }
            if first == "OVERALL", let pct = words.last(where: { $0.hasPrefix("pct=") }) {
                shares["OVERALL"] = Double(pct.dropFirst(4))
            } else if line.first != " ", let percent = words.firstIndex(of: "%"), percent > 0 {
                shares[String(first)] = Double(words[percent - 1])
            }
        }
        return shares
    }
}
