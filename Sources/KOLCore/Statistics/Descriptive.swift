/// Descriptive statistics shared by the analyses (fan audit, scoring, returns).
///
/// Every function takes plain `[Double]` and returns `nil` when the answer is undefined (an empty sample, a
/// variance of one value) instead of a made-up zero: "missing is unknown, never zero" holds for results too.
/// Non-finite inputs are the caller's job to filter; they propagate as in IEEE arithmetic.
package enum Descriptive {
    /// Arithmetic mean, `nil` for an empty sample.
    package static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        // Kahan-free two-pass is enough here: samples are small (hundreds) and the next step (variance)
        // re-centres anyway.
        return values.reduce(0, +) / Double(values.count)
    }

    /// Sample variance with Bessel's correction (divides by n − 1), `nil` below two values.
    /// Two-pass (centre first) so large offsets such as follower counts do not cancel catastrophically.
    package static func variance(_ values: [Double]) -> Double? {
        guard values.count >= 2, let m = mean(values) else { return nil }
        var sum = 0.0
        for v in values { sum += (v - m) * (v - m) }
        return sum / Double(values.count - 1)
    }

    /// Population variance (divides by n), `nil` for an empty sample. Used to standardise model features,
    /// where the spread of the training rows themselves is what matters.
    package static func populationVariance(_ values: [Double]) -> Double? {
        guard let m = mean(values) else { return nil }
        var sum = 0.0
        for v in values { sum += (v - m) * (v - m) }
        return sum / Double(values.count)
    }

    /// Sample standard deviation (n − 1), `nil` below two values.
    package static func standardDeviation(_ values: [Double]) -> Double? {
        variance(values).map { $0.squareRoot() }
    }

    /// Median: the middle value, or the mean of the two middle values for an even count; `nil` if empty.
    package static func median(_ values: [Double]) -> Double? {
        quantile(values, 0.5)
    }

    /// Quantile `q` in [0, 1] by linear interpolation between order statistics (Hyndman & Fan type 7, the
    /// default of R and NumPy): position h = (n − 1)·q, value x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
    /// `q` outside [0, 1] is clamped; `nil` for an empty sample or a NaN `q`.
    package static func quantile(_ values: [Double], _ q: Double) -> Double? {
        guard !values.isEmpty, !q.isNaN else { return nil }
        return sortedQuantile(values.sorted(), q)
    }

    /// Several quantiles with one sort.
    package static func quantiles(_ values: [Double], _ qs: [Double]) -> [Double]? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        var out: [Double] = []
        out.reserveCapacity(qs.count)
        for q in qs {
            guard let v = sortedQuantile(sorted, q) else { return nil }
            out.append(v)
        }
        return out
    }

    static func sortedQuantile(_ sorted: [Double], _ q: Double) -> Double? {
        guard let first = sorted.first, let last = sorted.last, !q.isNaN else { return nil }
        if q <= 0 { return first }
        if q >= 1 { return last }
        let h = Double(sorted.count - 1) * q
        let lower = Int(h.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        let fraction = h - Double(lower)
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }

    /// The constant that makes the MAD a consistent estimator of the standard deviation for normal data
    /// (1 / Φ⁻¹(0.75)).
    package static let madNormalConsistency = 1.482602218505602

    /// Median absolute deviation from the median, *unscaled* (multiply by `madNormalConsistency` to compare
    /// with a standard deviation). `nil` if empty; 0 for one value or when more than half the values tie.
    package static func medianAbsoluteDeviation(_ values: [Double]) -> Double? {
        guard let m = median(values) else { return nil }
        return median(values.map { Swift.abs($0 - m) })
    }

    /// Robust z-score of `value` against a reference sample: (value − median) / (1.4826 · MAD).
    /// Outliers in the reference barely move it, unlike the classic z-score. Returns `nil` when the
    /// reference is empty or its MAD is 0 (more than half the values equal), where no scale is defined;
    /// callers then fall back to another rule rather than divide by zero.
    package static func robustZScore(_ value: Double, reference: [Double]) -> Double? {
        guard let m = median(reference), let mad = medianAbsoluteDeviation(reference), mad > 0 else {
            return nil
        }
        return (value - m) / (madNormalConsistency * mad)
    }
}
