import Foundation

/// A Beta(α, β) distribution, used as the posterior of a rate (conversion rate, fake share) after
/// observing successes and failures on top of a prior: Beta(α₀ + s, β₀ + f).
///
/// The CDF is the regularised incomplete beta Iₓ(α, β), evaluated with the Lentz continued fraction
/// (Numerical Recipes §6.4), which converges fast on the side x < (α + 1)/(α + β + 2) and is mirrored
/// through Iₓ(α, β) = 1 − I₁₋ₓ(β, α) on the other. Quantiles invert the CDF by bisection: slower than
/// Newton but cannot diverge, and 60 halvings reach ~1e-18 resolution on [0, 1].
package struct BetaDistribution: Hashable, Sendable {
    package var alpha: Double
    package var beta: Double

    /// `nil` unless both parameters are positive and finite.
    package init?(alpha: Double, beta: Double) {
        guard alpha > 0, beta > 0, alpha.isFinite, beta.isFinite else { return nil }
        self.alpha = alpha
        self.beta = beta
    }

    /// The posterior after `successes` and `failures` on a Beta(priorAlpha, priorBeta) prior (default the
    /// uniform Beta(1, 1)). `nil` for negative counts or a non-positive prior.
    package static func posterior(successes: Double, failures: Double, priorAlpha: Double = 1, priorBeta: Double = 1)
        -> BetaDistribution?
    {
        guard successes >= 0, failures >= 0 else { return nil }
        return BetaDistribution(alpha: priorAlpha + successes, beta: priorBeta + failures)
    }

    package var mean: Double { alpha / (alpha + beta) }

    package var variance: Double {
        let s = alpha + beta
        return alpha * beta / (s * s * (s + 1))
    }

    /// The mode, defined only when both parameters exceed 1 (otherwise the density peaks at an edge).
    package var mode: Double? {
        guard alpha > 1, beta > 1 else { return nil }
        return (alpha - 1) / (alpha + beta - 2)
    }

    /// P(X ≤ x) = Iₓ(α, β); 0 below 0 and 1 above 1.
    package func cdf(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        return Self.regularisedIncompleteBeta(x: x, a: alpha, b: beta)
    }

    /// The x with P(X ≤ x) = p, for p in [0, 1]; `nil` otherwise.
    package func quantile(_ p: Double) -> Double? {
        guard p >= 0, p <= 1 else { return nil }
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        var low = 0.0
        var high = 1.0
        for _ in 0..<100 {
            let mid = (low + high) / 2
            if cdf(mid) < p { low = mid } else { high = mid }
            if high - low < 1e-15 { break }
        }
        return (low + high) / 2
    }

    /// The equal-tailed credible interval holding `mass` of the probability (0.95 by default).
    package func credibleInterval(mass: Double = 0.95) -> ProportionInterval? {
        guard mass > 0, mass < 1 else { return nil }
        let tail = (1 - mass) / 2
        guard let low = quantile(tail), let high = quantile(1 - tail) else { return nil }
        return ProportionInterval(low: low, high: high)
    }

    /// Iₓ(a, b) for 0 < x < 1, a, b > 0.
    static func regularisedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
        // Prefactor xᵃ(1−x)ᵇ / (a·B(a, b)), in logs to survive large a, b.
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x: x, a: a, b: b) / a
        }
        // The prefactor is symmetric in (x, a) ↔ (1 − x, b), so it is reused for the mirrored fraction.
        return 1 - exp(logFront) * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    /// Modified Lentz evaluation of the incomplete-beta continued fraction.
    static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-15
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if Swift.abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...300 {
            let m = Double(m)
            let m2 = 2 * m
            // Even step.
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if Swift.abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if Swift.abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // Odd step.
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if Swift.abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if Swift.abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if Swift.abs(delta - 1) < epsilon { break }
        }
        return h
    }
}
