/// Centres and scales each feature column to mean 0, standard deviation 1 on the training rows, so an
/// L2 penalty treats all features alike and a weight reads as "log-odds per standard deviation".
///
/// A missing value (`nil`) is replaced by the training mean, i.e. 0 after standardising: it then adds
/// nothing to the log-odds and the model falls back on what is known. A column with no spread in training
/// (always missing, or constant) gets scale 0, which marks it: it contributes 0 for every row, so the trainer learns no
/// weight for it rather than dividing by zero.
///
/// Standardised values are clipped to ±`clip` (4 by default). A linear model extrapolates without
/// limit: in fans-dev every account is 2–10 years old, so log-age has a small spread and a 9-day-old
/// account would sit 16 deviations out and outweigh everything else. Clipping keeps any single feature
/// to what the training range can vouch for.
package struct Standardiser: Hashable, Sendable {
    package var means: [Double]
    package var scales: [Double]
    /// Largest |standardised value|; `.infinity` turns clipping off.
    package var clip: Double = 4

    package init(means: [Double], scales: [Double], clip: Double = 4) {
        self.means = means
        self.scales = scales
        self.clip = clip
    }

    /// Fit on rows of equal length (`nil` = missing). A column with no known value or zero spread gets
    /// scale 0 (and mean = its known value, or 0).
    package init(fitting rows: [[Double?]], columns: Int, clip: Double = 4) {
        self.clip = clip
        var means = [Double](repeating: 0, count: columns)
        var scales = [Double](repeating: 0, count: columns)
        for j in 0..<columns {
            let known = rows.compactMap { j < $0.count ? $0[j] : nil }
            guard let mean = Descriptive.mean(known) else { continue }
            means[j] = mean
            if let variance = Descriptive.populationVariance(known), variance > 1e-12 {
                scales[j] = variance.squareRoot()
            } else {
                scales[j] = 0  // marks "no spread": standardised value is always 0
            }
        }
        self.means = means
        self.scales = scales
    }

    /// Standardised value of column `j`; 0 for missing values and no-spread columns.
    package func standardise(_ value: Double?, column j: Int) -> Double {
        guard let value, j < means.count, scales[j] > 0 else { return 0 }
        let z = (value - means[j]) / scales[j]
        guard !z.isNaN else { return 0 }
        return Swift.min(clip, Swift.max(-clip, z))
    }

    package func standardise(_ row: [Double?]) -> [Double] {
        (0..<means.count).map { standardise($0 < row.count ? row[$0] : nil, column: $0) }
    }
}
