import Testing
@testable import KOLCore

@Suite struct StatisticsDescriptiveTests {
    @Test func emptySampleIsUnknownNotZero() {
        #expect(Descriptive.mean([]) == nil)
        #expect(Descriptive.median([]) == nil)
        #expect(Descriptive.quantile([], 0.25) == nil)
        #expect(Descriptive.medianAbsoluteDeviation([]) == nil)
        #expect(Descriptive.variance([]) == nil)
        #expect(Descriptive.robustZScore(3, reference: []) == nil)
    }

    @Test func oneValue() {
        #expect(Descriptive.mean([7]) == 7)
        #expect(Descriptive.median([7]) == 7)
        #expect(Descriptive.quantile([7], 0.9) == 7)
        #expect(Descriptive.medianAbsoluteDeviation([7]) == 0)
        // Sample variance needs two values.
        #expect(Descriptive.variance([7]) == nil)
        #expect(Descriptive.populationVariance([7]) == 0)
        // MAD 0: no scale, so no robust z.
        #expect(Descriptive.robustZScore(8, reference: [7]) == nil)
    }

    @Test func medianOddAndEvenCounts() {
        #expect(Descriptive.median([3, 1, 2]) == 2)
        #expect(Descriptive.median([4, 1, 3, 2]) == 2.5)
        #expect(Descriptive.median([-5, 10]) == 2.5)
    }

    @Test func meanAndVariance() {
        // 2,4,4,4,5,5,7,9: mean 5, squared deviations sum 32 → population 4, sample 32/7.
        let x: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        #expect(Descriptive.mean(x) == 5)
        #expect(Descriptive.populationVariance(x) == 4)
        #expect(abs((Descriptive.variance(x) ?? 0) - 32.0 / 7.0) < 1e-12)
        #expect(abs((Descriptive.standardDeviation(x) ?? 0) - (32.0 / 7.0).squareRoot()) < 1e-12)
    }

    @Test func varianceSurvivesLargeOffset() {
        // Naive E[x²] − E[x]² loses everything here; two-pass keeps it exact.
        let x: [Double] = [1e9 + 1, 1e9 + 2, 1e9 + 3]
        #expect(Descriptive.variance(x) == 1)
    }

    @Test func quantilesInterpolateLikeType7() {
        // 1..5: q = 0.25 → h = 1 → 2; q = 0.1 → h = 0.4 → 1.4; q = 0.9 → h = 3.6 → 4.6.
        let x: [Double] = [5, 3, 1, 4, 2]
        #expect(Descriptive.quantile(x, 0.25) == 2)
        #expect(abs((Descriptive.quantile(x, 0.1) ?? 0) - 1.4) < 1e-12)
        #expect(abs((Descriptive.quantile(x, 0.9) ?? 0) - 4.6) < 1e-12)
        #expect(Descriptive.quantile(x, 0) == 1)
        #expect(Descriptive.quantile(x, 1) == 5)
        #expect(Descriptive.quantile(x, -3) == 1)  // clamped
        #expect(Descriptive.quantile(x, .nan) == nil)
        #expect(Descriptive.quantiles(x, [0, 0.5, 1]) == [1, 3, 5])
    }

    @Test func madAndRobustZ() {
        // 1,1,2,2,4,6,9: median 2; |x − 2| = 1,1,0,0,2,4,7 → median 1.
        let x: [Double] = [1, 1, 2, 2, 4, 6, 9]
        #expect(Descriptive.medianAbsoluteDeviation(x) == 1)
        let z = Descriptive.robustZScore(5, reference: x)
        #expect(abs((z ?? 0) - 3 / 1.482602218505602) < 1e-12)
        // Even count: 1,2,3,4 → median 2.5, deviations 1.5,0.5,0.5,1.5 → MAD 1.
        #expect(Descriptive.medianAbsoluteDeviation([4, 1, 3, 2]) == 1)
        // More than half tie: MAD 0 → nil z.
        #expect(Descriptive.medianAbsoluteDeviation([3, 3, 3, 100]) == 0)
        #expect(Descriptive.robustZScore(100, reference: [3, 3, 3, 100]) == nil)
    }

    @Test func robustZIgnoresAnOutlier() {
        let clean: [Double] = [10, 11, 12, 13, 14]
        let dirty: [Double] = [10, 11, 12, 13, 1_000_000]
        #expect(Descriptive.robustZScore(15, reference: clean) == Descriptive.robustZScore(15, reference: dirty))
    }

    @Test func entropy() {
        // Uniform over 4: ln 4, normalised 1.
        #expect(abs((Entropy.shannon([1, 1, 1, 1]) ?? 0) - log(4.0)) < 1e-12)
        #expect(Entropy.normalised([5, 5, 5, 5]) == 1)
        // All in one category out of 3: 0.
        #expect(Entropy.shannon([0, 7, 0]) == 0)
        #expect(Entropy.normalised([0, 7, 0]) == 0)
        // (1/2, 1/4, 1/4): 1.5 bits = 1.5·ln 2 nats; over ln 3.
        let h = Entropy.shannon([2, 1, 1]) ?? 0
        #expect(abs(h - 1.5 * log(2.0)) < 1e-12)
        #expect(abs((Entropy.normalised([2, 1, 1]) ?? 0) - 1.5 * log(2.0) / log(3.0)) < 1e-12)
        #expect(Entropy.shannon([]) == nil)
        #expect(Entropy.shannon([0, 0]) == nil)
        #expect(Entropy.shannon([1, -1]) == nil)
        #expect(Entropy.normalised([3]) == nil)
    }

    @Test func logisticAndLogOdds() {
        #expect(Logistic.sigmoid(0) == 0.5)
        #expect(abs(Logistic.sigmoid(log(3.0)) - 0.75) < 1e-12)
        #expect(Logistic.sigmoid(-1000) == 0)
        #expect(Logistic.sigmoid(1000) == 1)
        #expect(abs(Logistic.logOdds(0.75) - log(3.0)) < 1e-12)
        #expect(Logistic.logOdds(0).isFinite)
        #expect(Logistic.logOdds(1) > 27)
        #expect(abs(Logistic.logOdds(Logistic.sigmoid(2.5)) - 2.5) < 1e-9)
    }
}

import Foundation
