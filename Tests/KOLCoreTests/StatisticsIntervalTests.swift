import Foundation
import Testing
@testable import KOLCore

@Suite struct StatisticsIntervalTests {
    private func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-4) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test func wilsonTenOfHundred() throws {
        // Hand-computed: p̂ = 0.1, z² = 3.8415; centre = (0.1 + 0.019207)/1.038415 = 0.114797;
        // half = 1.96/1.038415 · √(0.0009 + 0.00009604) = 0.059568 → [0.0552, 0.1744].
        let i = try #require(Wilson.interval(successes: 10, trials: 100))
        #expect(close(i.low, 0.0552))
        #expect(close(i.high, 0.1744))
    }

    @Test func wilsonEdges() throws {
        // 0 of 10: low exactly 0, high z²/(n + z²) = 3.8415/13.8415 = 0.2775.
        let none = try #require(Wilson.interval(successes: 0, trials: 10))
        #expect(none.low == 0)
        #expect(close(none.high, 0.2775))
        // 5 of 5: high exactly 1, low n/(n + z²) = 5/8.8415 = 0.5655.
        let all = try #require(Wilson.interval(successes: 5, trials: 5))
        #expect(all.high == 1)
        #expect(close(all.low, 0.5655))
        // 1 of 2 is symmetric about 0.5.
        let half = try #require(Wilson.interval(successes: 1, trials: 2))
        #expect(close(half.low + half.high, 1, 1e-12))
        #expect(close(half.low, 0.0945))
        #expect(Wilson.interval(successes: 0, trials: 0) == nil)
        #expect(Wilson.interval(successes: 11, trials: 10) == nil)
        #expect(Wilson.interval(successes: -1, trials: 10) == nil)
    }

    @Test func wilsonAnyZ() throws {
        // z = 1: 10 of 100 → centre 0.105/1.01 = 0.103960, half 0.990099·√(0.0009 + 0.000025) = 0.030113.
        let i = try #require(Wilson.interval(successes: 10, trials: 100, z: 1))
        #expect(close(i.low, 0.07385))
        #expect(close(i.high, 0.13407))
        #expect(Wilson.interval(successes: 1, trials: 2, z: 0) == nil)
    }

    @Test func normalQuantiles() {
        #expect(close(NormalDistribution.twoSidedZ(confidence: 0.95), 1.959964, 1e-6))
        #expect(close(NormalDistribution.twoSidedZ(confidence: 0.90), 1.644854, 1e-6))
        #expect(close(NormalDistribution.quantile(0.5), 0, 1e-12))
        #expect(close(NormalDistribution.quantile(0.001), -3.090232, 1e-6))
        #expect(close(NormalDistribution.cdf(1.959964), 0.975, 1e-6))
        #expect(NormalDistribution.quantile(0) == nil)
        #expect(NormalDistribution.quantile(1) == nil)
    }

    @Test func sampleSizeForWidth() {
        // p = 0.5: Wilson width = z/√(n + z²) ≤ w ⇔ n ≥ z²/w² − z² = 384.15 − 3.84 = 380.3 → 381.
        #expect(Wilson.sampleSize(width: 0.10) == 381)
        #expect(Wilson.sampleSize(width: 0.20) == 93)  // 96.04 − 3.84 = 92.2
        // Smaller when the share is far from one half (checked: width(285) = 0.10009, width(286) = 0.09992).
        #expect(Wilson.sampleSize(width: 0.10, proportion: 0.25) == 286)
        #expect(Wilson.sampleSize(width: 0.05, proportion: 0.10) == 557)
        // Wald planning formula: 1.96²·0.25/0.05² = 384.15 → 385.
        #expect(Wilson.waldSampleSize(width: 0.10) == 385)
        #expect(Wilson.sampleSize(width: 0) == nil)
        #expect(Wilson.sampleSize(width: 0.1, proportion: 1.5) == nil)
        // The plan delivers: 381 fans at a 50 % share gives an interval no wider than 0.10.
        let i = Wilson.interval(successes: 190, trials: 381)
        #expect((i?.width ?? 1) <= 0.1001)
    }

    @Test func betaClosedForms() throws {
        // Beta(1, 1) is uniform: cdf(x) = x, quantile(p) = p.
        let uniform = try #require(BetaDistribution(alpha: 1, beta: 1))
        #expect(close(uniform.cdf(0.3), 0.3, 1e-12))
        #expect(close(uniform.quantile(0.8), 0.8, 1e-10))
        // Beta(2, 1): cdf = x² → quantile(0.25) = 0.5.
        let rising = try #require(BetaDistribution(alpha: 2, beta: 1))
        #expect(close(rising.cdf(0.6), 0.36, 1e-12))
        #expect(close(rising.quantile(0.25), 0.5, 1e-10))
        // Beta(2, 3): cdf(0.3) = Σ_{j=2..4} C(4,j)·0.3ʲ·0.7⁴⁻ʲ = 0.2646 + 0.0756 + 0.0081 = 0.3483.
        let b23 = try #require(BetaDistribution(alpha: 2, beta: 3))
        #expect(close(b23.cdf(0.3), 0.3483, 1e-12))
        #expect(close(b23.quantile(0.5), 0.3857276, 1e-6))
        #expect(close(b23.mean, 0.4, 1e-15))
        #expect(close(b23.variance, 6.0 / (25 * 6), 1e-15))
        #expect(close(b23.mode, 1.0 / 3.0, 1e-15))
        // Beta(½, ½): arcsine law, cdf = (2/π)·asin(√x).
        let arcsine = try #require(BetaDistribution(alpha: 0.5, beta: 0.5))
        #expect(close(arcsine.cdf(0.2), 2 / Double.pi * asin(0.2.squareRoot()), 1e-10))
        #expect(arcsine.mode == nil)
        #expect(BetaDistribution(alpha: 0, beta: 1) == nil)
    }

    @Test func betaPosteriorInterval() throws {
        // 10 of 100 on a uniform prior: Beta(11, 91), mean 11/102; its 95 % interval sits close to Wilson's.
        let post = try #require(BetaDistribution.posterior(successes: 10, failures: 90))
        #expect(post.alpha == 11 && post.beta == 91)
        #expect(close(post.mean, 11.0 / 102.0, 1e-15))
        let ci = try #require(post.credibleInterval())
        #expect(close(post.cdf(ci.low), 0.025, 1e-9))
        #expect(close(post.cdf(ci.high), 0.975, 1e-9))
        #expect(ci.low > 0.05 && ci.low < 0.06)
        #expect(ci.high > 0.17 && ci.high < 0.18)
        // Large counts (lgamma path) stay accurate: Beta(5001, 5001) is symmetric.
        let big = try #require(BetaDistribution(alpha: 5001, beta: 5001))
        #expect(close(big.cdf(0.5), 0.5, 1e-9))
        #expect(BetaDistribution.posterior(successes: -1, failures: 3) == nil)
    }
}
