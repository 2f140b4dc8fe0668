import Testing
import TrialExportCore

struct ReportTextTests {
    @Test(arguments: [
        (5, 21, "23.8% (8.2% to 47.2%)"),
        (0, 20, "0.0% (0.0% to 16.8%)"),
        (20, 20, "100.0% (83.2% to 100.0%)"),
        (7, 20, "35.0% (15.4% to 59.2%)"),
        (0, 0, "n/a"),
    ])
    func rateWithExactInterval(count: Int, total: Int, text: String) {
        #expect(ReportText.rate(Proportion(count: count, total: total)) == text)
    }

    @Test func rateWithCounts() {
        #expect(ReportText.rateWithCounts(Proportion(count: 5, total: 21)) == "5/21 = 23.8% (95% CI 8.2% to 47.2%)")
    }

    @Test(arguments: [(1, 3, "1 (33.3%)"), (2, 3, "2 (66.7%)"), (1, 8, "1 (12.5%)"), (3, 0, "3")])
    func countWithPercent(count: Int, total: Int, text: String) {
        #expect(ReportText.count(count, of: total) == text)
    }

    @Test func medianAndRange() {
        #expect(ReportText.medianRange([40, 50, 61, 35]) == "45 (35 to 61)")
        #expect(ReportText.medianRange([3, 4]) == "3.5 (3 to 4)")
        #expect(ReportText.medianRange([]) == "n/a")
    }

    @Test func markdownAndMermaidEscaping() {
        #expect(ReportText.cell("a|b\nc") == "a\\|b c")
        #expect(ReportText.mermaid("say \"hi\"") == "say #quot;hi#quot;")
    }
}
