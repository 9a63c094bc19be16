/// Centres and scales each feature column to mean 0, standard deviation 1 on the training rows, so an
/// L2 penalty treats all features alike and a weight reads as "log-odds per standard deviation".
///
/// A missing value (`nil`) is replaced by the training mean, i.e. 0 after standardising: it then adds
/// nothing to the log-odds and the model falls back on what is known. A column with no spread in training
/// (always missing, or constant) gets scale 0, which marks it: it contributes 0 for every row, so the trainer learns no
/// weight for it rather than dividing by zero.
public struct Standardiser: Hashable, Sendable {
    public var means: [Double]
    public var scales: [Double]

    public init(means: [Double], scales: [Double]) {
        self.means = means
        self.scales = scales
    }

    /// Fit on rows of equal length (`nil` = missing). A column with no known value or zero spread gets
    /// scale 0 (and mean = its known value, or 0).
    public init(fitting rows: [[Double?]], columns: Int) {
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
    public func standardise(_ value: Double?, column j: Int) -> Double {
        guard let value, j < means.count, scales[j] > 0 else { return 0 }
        return (value - means[j]) / scales[j]
    }

    public func standardise(_ row: [Double?]) -> [Double] {
        (0..<means.count).map { standardise($0 < row.count ? row[$0] : nil, column: $0) }
    }
}
