import Foundation

/// A confidence interval for a proportion (a share of fake fans, a conversion rate).
package struct ProportionInterval: Hashable, Sendable {
    package var low: Double
    package var high: Double
    package var width: Double { high - low }
    package init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
}

/// The Wilson score interval and sample-size planning for proportions.
///
/// Why Wilson and not the textbook Wald interval p̂ ± z·√(p̂(1−p̂)/n): Wald collapses to a zero-width
/// interval at 0 or n successes ("0 of 20 fans are fake, ± 0") and undercovers for small n; Wilson stays
/// inside [0, 1] and keeps close to its nominal coverage (Brown, Cai & DasGupta 2001).
package enum Wilson {
    /// Wilson score interval for `successes` out of `trials` at the given z (1.959964 = 95 %, the default).
    /// centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²).
    /// `nil` when trials ≤ 0, successes is outside 0...trials, or z is not positive.
    package static func interval(successes: Int, trials: Int, z: Double = NormalDistribution.z95)
        -> ProportionInterval?
    {
        guard trials > 0, successes >= 0, successes <= trials, z > 0, z.isFinite else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // Clamp only rounding noise: mathematically the interval is inside [0, 1], and it contains 0
        // (resp. 1) exactly when successes is 0 (resp. trials).
        let low = successes == 0 ? 0 : Swift.max(0, centre - half)
        let high = successes == trials ? 1 : Swift.min(1, centre + half)
        return ProportionInterval(low: low, high: high)
    }

    /// Width of the Wilson interval for a sample of `n` with observed proportion `proportion`, treating
    /// n·p as continuous (planning, not reporting).
    static func width(n: Double, proportion p: Double, z: Double) -> Double {
        let z2 = z * z
        let denominator = 1 + z2 / n
        return 2 * z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
    }

    /// The smallest sample size whose Wilson interval is at most `width` wide (high − low, e.g. 0.10 for
    /// "± 5 points") when the true proportion is about `proportion`. Use 0.5 when nothing is known: it is
    /// the worst case. Found by doubling then bisection on n (the width shrinks as n grows).
    /// For p = 0.5 it equals ⌈z²/w² − z²⌉ (e.g. 381 for w = 0.10 at 95 %), slightly below the Wald
    /// planning formula's 385. `nil` if width is not in (0, 1), proportion not in [0, 1], or z ≤ 0.
    package static func sampleSize(width: Double, proportion: Double = 0.5, z: Double = NormalDistribution.z95)
        -> Int?
    {
        guard width > 0, width < 1, proportion >= 0, proportion <= 1, z > 0, z.isFinite else { return nil }
        var high = 1
        while self.width(n: Double(high), proportion: proportion, z: z) > width {
            high *= 2
            if high > 1 << 40 { return nil }
        }
        var low = high / 2
        // Invariant: width(low) > target (or low = 0), width(high) ≤ target.
        while high - low > 1 {
            let mid = low + (high - low) / 2
            if self.width(n: Double(mid), proportion: proportion, z: z) > width {
                low = mid
            } else {
                high = mid
            }
        }
        return high
    }

    /// The classic Wald planning formula n = ⌈z²·p(1−p)/(w/2)²⌉, for comparison with published tables
    /// (385 for ± 5 points at 95 %). Same `nil` rules as `sampleSize`.
    package static func waldSampleSize(width: Double, proportion: Double = 0.5, z: Double = NormalDistribution.z95)
        -> Int?
    {
        guard width > 0, width < 1, proportion >= 0, proportion <= 1, z > 0, z.isFinite else { return nil }
        let half = width / 2
        let n = z * z * proportion * (1 - proportion) / (half * half)
        // Guard the ceiling against 384.00000000001 style rounding.
        return Swift.max(1, Int((n - 1e-9).rounded(.up)))
    }
}
