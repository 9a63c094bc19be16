import Foundation

/// A small, fast, seeded random number generator (SplitMix64, Steele, Lea & Flood 2014) so every
/// randomised analysis (Thompson sampling, cross-validation folds) gives the same answer for the same
/// `seed` on every machine and Swift version. `SystemRandomNumberGenerator` cannot be seeded, and Swift's
/// own `Double.random(in:using:)` is not promised to stay the same across releases, so the conversions to
/// doubles are done here too.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    package mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in (0, 1): safe to take the log of.
    package mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// Uniform integer in 0..<bound (Lemire's multiply-shift with rejection, unbiased). 0 if bound ≤ 0.
    package mutating func nextInt(below bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold {
                m = next().multipliedFullWidth(by: b)
            }
        }
        return Int(m.high)
    }

    /// Standard normal by the Marsaglia polar method (no trigonometry, deterministic given the stream).
    package mutating func nextNormal() -> Double {
        while true {
            let u = 2 * nextUnit() - 1
            let v = 2 * nextUnit() - 1
            let s = u * u + v * v
            if s > 0, s < 1 {
                return u * (-2 * log(s) / s).squareRoot()
            }
        }
    }

    /// Gamma(shape, 1) by Marsaglia & Tsang (2000); for shape < 1 the boost Gamma(shape + 1)·U^(1/shape).
    /// Returns 0 for a non-positive or non-finite shape (a degenerate draw, never a trap).
    package mutating func nextGamma(shape: Double) -> Double {
        guard shape > 0, shape.isFinite else { return 0 }
        if shape < 1 {
            let g = nextGamma(shape: shape + 1)
            return g * pow(nextOpenUnit(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = nextNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = nextOpenUnit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// Beta(alpha, beta) as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta): the draw Thompson sampling
    /// takes from each arm's posterior. 0.5 if either parameter is invalid (an uninformative guess).
    package mutating func nextBeta(alpha: Double, beta: Double) -> Double {
        guard alpha > 0, beta > 0, alpha.isFinite, beta.isFinite else { return 0.5 }
        let x = nextGamma(shape: alpha)
        let y = nextGamma(shape: beta)
        let total = x + y
        guard total > 0 else { return alpha / (alpha + beta) }
        return x / total
    }

    /// A deterministic Fisher–Yates shuffle.
    package mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = nextInt(below: i + 1)
            values.swapAt(i, j)
        }
    }
}
