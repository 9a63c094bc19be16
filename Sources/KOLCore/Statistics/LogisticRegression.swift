import Foundation

/// A fitted logistic regression on already standardised features: P(y = 1) = σ(b + Σ wⱼ·xⱼ).
package struct LogisticModel: Hashable, Sendable {
    package var intercept: Double
    package var weights: [Double]

    package init(intercept: Double, weights: [Double]) {
        self.intercept = intercept
        self.weights = weights
    }

    /// Log-odds for a standardised row (extra or missing columns count as 0).
    package func logOdds(_ x: [Double]) -> Double {
        var z = intercept
        for j in 0..<Swift.min(weights.count, x.count) { z += weights[j] * x[j] }
        return z
    }

    package func probability(_ x: [Double]) -> Double { Logistic.sigmoid(logOdds(x)) }
}

/// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least squares).
///
/// Why Newton: with a dozen features the Hessian is tiny, each step is exact, and 10–20 steps reach the
/// optimum to machine precision with no learning rate to tune, so the committed weights are reproducible
/// bit for bit. The penalty λ/2·‖w‖² (intercept unpenalised) keeps the Hessian positive definite, so the
/// Cholesky solve always succeeds, and keeps weights finite on separable data.
package enum LogisticRegressionTrainer {
    package struct Options: Hashable, Sendable {
        /// λ, in units of the summed log-loss over the training rows.
        package var l2: Double = 1.0
        package var maxIterations: Int = 100
        /// Stop when the largest change of a coefficient falls below this.
        package var tolerance: Double = 1e-10
        package init(l2: Double = 1.0, maxIterations: Int = 100, tolerance: Double = 1e-10) {
            self.l2 = l2
            self.maxIterations = maxIterations
            self.tolerance = tolerance
        }
    }

    /// Fit on standardised rows `x` (all of length `columns`) with labels `y` (true = positive class).
    /// Returns the all-zero model when there are no rows.
    package static func fit(x: [[Double]], y: [Bool], columns: Int, options: Options = Options()) -> LogisticModel {
        let n = Swift.min(x.count, y.count)
        let p = columns + 1  // index 0 = intercept
        var beta = [Double](repeating: 0, count: p)
        guard n > 0 else { return LogisticModel(intercept: 0, weights: [Double](repeating: 0, count: columns)) }
        // Start the intercept at the base rate's log-odds: fewer steps and no overshoot.
        let positives = y.prefix(n).filter { $0 }.count
        beta[0] = Logistic.logOdds((Double(positives) + 0.5) / (Double(n) + 1))

        for _ in 0..<Swift.max(1, options.maxIterations) {
            var gradient = [Double](repeating: 0, count: p)
            var hessian = [Double](repeating: 0, count: p * p)
            for i in 0..<n {
                let row = x[i]
                var z = beta[0]
                for j in 0..<Swift.min(columns, row.count) { z += beta[j + 1] * row[j] }
                let mu = Logistic.sigmoid(z)
                let residual = mu - (y[i] ? 1 : 0)
                let w = Swift.max(mu * (1 - mu), 1e-12)
                var features = [Double](repeating: 0, count: p)
                features[0] = 1
                for j in 0..<Swift.min(columns, row.count) { features[j + 1] = row[j] }
                for a in 0..<p {
                    gradient[a] += residual * features[a]
                    let wa = w * features[a]
                    for b in a..<p { hessian[a * p + b] += wa * features[b] }
                }
            }
            for a in 0..<p {
                for b in 0..<a { hessian[a * p + b] = hessian[b * p + a] }
            }
            // Penalty: weights only; a tiny ridge on the intercept guards a degenerate all-one-class set.
            for a in 0..<p {
                let lambda = a == 0 ? 1e-9 : options.l2
                gradient[a] += lambda * beta[a]
                hessian[a * p + a] += lambda
            }
            guard let step = CholeskySolver.solve(matrix: hessian, size: p, rhs: gradient) else { break }
            var largest = 0.0
            for a in 0..<p {
                beta[a] -= step[a]
                largest = Swift.max(largest, Swift.abs(step[a]))
            }
            if largest < options.tolerance { break }
        }
        return LogisticModel(intercept: beta[0], weights: Array(beta.dropFirst()))
    }
}

/// Solves A·x = b for a symmetric positive definite A (row-major, size × size) by Cholesky. `nil` if A is
/// not positive definite (a pivot ≤ 0) or the sizes do not match.
enum CholeskySolver {
    static func solve(matrix a: [Double], size n: Int, rhs b: [Double]) -> [Double]? {
        guard n > 0, a.count == n * n, b.count == n else { return nil }
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        // Forward: L·y = b.
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = b[i]
            for k in 0..<i { sum -= l[i * n + k] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        // Backward: Lᵀ·x = y.
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<n { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}
