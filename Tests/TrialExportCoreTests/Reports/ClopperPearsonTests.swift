import Testing
import TrialExportCore

@Suite("Exact confidence intervals and summary statistics")
struct ClopperPearsonTests {
    /// References from scipy: beta.ppf(0.025, x, n-x+1) and beta.ppf(0.975, x+1, n-x).
    @Test(
        "Clopper-Pearson 95% intervals match scipy",
        arguments: [
            (5, 21, 0.08217587559302258, 0.4716598276546214),
            (0, 10, 0.0, 0.3084971078187607),
            (10, 10, 0.6915028921812392, 1.0),
            (1, 1, 0.025, 1.0),
            (21, 84, 0.16189497300347014, 0.3564158237432018),
            (0, 1, 0.0, 0.975),
            (1, 20, 0.0012650894979498038, 0.24873276277202777),
            (42, 84, 0.3888504697415508, 0.6111495302584492),
        ])
    func interval(x: Int, n: Int, lower: Double, upper: Double) throws {
        let ci = try #require(ClopperPearson.interval(successes: x, trials: n))
        #expect(abs(ci.lower - lower) < 1e-9, "lower \(ci.lower) vs \(lower)")
        #expect(abs(ci.upper - upper) < 1e-9, "upper \(ci.upper) vs \(upper)")
    }

    @Test("5 of 21 is 8.2% to 47.2% when rounded")
    func rounded() throws {
        let ci = try #require(ClopperPearson.interval(successes: 5, trials: 21))
        #expect((ci.lower * 1000).rounded() == 82)
        #expect((ci.upper * 1000).rounded() == 472)
    }

    @Test("impossible counts give no interval", arguments: [(0, 0), (-1, 5), (6, 5)])
    func invalid(x: Int, n: Int) {
        #expect(ClopperPearson.interval(successes: x, trials: n) == nil)
    }

    @Test(
        "the beta CDF matches scipy on both sides of the mean",
        arguments: [
            (0.3, 2.5, 4.0, 0.3521975859067672),
            (0.9, 30.0, 3.0, 0.36668351908062025),
            (0.01, 0.5, 0.5, 0.06376856085851985),
            (0.0, 2.0, 3.0, 0.0),
            (1.0, 2.0, 3.0, 1.0),
        ])
    func betaCDF(x: Double, a: Double, b: Double, expected: Double) {
        #expect(abs(BetaDistribution.cdf(x, a: a, b: b) - expected) < 1e-12)
    }

    @Test("the beta quantile inverts the CDF")
    func quantileInverts() {
        for p in [0.001, 0.025, 0.5, 0.975, 0.999] {
            let x = BetaDistribution.quantile(p, a: 3, b: 7)
            #expect(abs(BetaDistribution.cdf(x, a: 3, b: 7) - p) < 1e-12)
        }
    }

    @Test("a proportion carries its estimate and interval")
    func proportion() throws {
        let orr = Proportion(count: 5, total: 21)
        #expect(orr.estimate == 5.0 / 21.0)
        #expect(orr.interval == ClopperPearson.interval(successes: 5, trials: 21))
        #expect(Proportion(count: 0, total: 0).estimate == nil)
        #expect(Proportion(count: 0, total: 0).interval == nil)
    }

    @Test(
        "median: the middle value, or the mean of the middle two",
        arguments: [
            ([3.0, 1.0, 2.0], Optional(2.0)),
            ([4.0, 1.0, 3.0, 2.0], 2.5),
            ([7.0], 7.0),
            ([], nil),
        ])
    func median(values: [Double], expected: Double?) {
        #expect(SummaryStatistics.median(values) == expected)
    }

    @Test("median and range of integers")
    func integers() {
        #expect(SummaryStatistics.median([60, 45, 52, 70]) == 56)
        #expect(SummaryStatistics.range([60, 45, 52, 70]) == 45...70)
        #expect(SummaryStatistics.range([Int]()) == nil)
        #expect(SummaryStatistics.range([2.5, -1.0]) == -1.0...2.5)
        #expect(SummaryStatistics.mean([1.0, 2.0, 6.0]) == 3)
    }
}
