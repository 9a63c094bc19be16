import Foundation

/// Shannon entropy: how evenly something is spread (topics over posts, posts over hours, followers over
/// regions). Normalised entropy divides by log(k) so 1 means "perfectly even over the k categories" and 0
/// means "all in one", whatever k is; that makes it comparable across KOLs with different category counts.
package enum Entropy {
    /// Entropy in nats of the distribution given by non-negative `weights` (counts or shares; they are
    /// normalised here). Zero weights contribute nothing (0·log 0 = 0). `nil` when there is no positive
    /// weight or a weight is negative or not finite.
    package static func shannon(_ weights: [Double]) -> Double? {
        guard weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        var h = 0.0
        for w in weights where w > 0 {
            let p = w / total
            h -= p * log(p)
        }
        return h
    }

    /// Entropy divided by log(k), k = number of categories (including the empty ones, because "spread over
    /// 4 possible regions" is the question). In [0, 1]. With k = 1 there is no spread to measure: `nil`.
    package static func normalised(_ weights: [Double]) -> Double? {
        guard weights.count >= 2, let h = shannon(weights) else { return nil }
        return Swift.min(1, Swift.max(0, h / log(Double(weights.count))))
    }
}
