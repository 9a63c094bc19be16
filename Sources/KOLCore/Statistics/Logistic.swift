import Foundation

/// The logistic function and its inverse, written to stay finite for any input (a model's log-odds can
/// be large, and probabilities of exactly 0 or 1 come from data).
package enum Logistic {
    /// σ(x) = 1 / (1 + e^(−x)), evaluated on the side that does not overflow.
    package static func sigmoid(_ x: Double) -> Double {
        if x >= 0 {
            return 1 / (1 + exp(-x))
        }
        let e = exp(x)
        return e / (1 + e)
    }

    /// log(p / (1 − p)). `p` is clamped to [ε, 1 − ε] (ε = 1e-12) so 0 and 1 give large finite log-odds
    /// rather than ±∞. NaN stays NaN.
    package static func logOdds(_ p: Double, epsilon: Double = 1e-12) -> Double {
        guard !p.isNaN else { return p }
        let clamped = Swift.min(1 - epsilon, Swift.max(epsilon, p))
        return log(clamped / (1 - clamped))
    }
}
