import Foundation
import Testing
@testable import KOLCore

@Suite struct StatisticsRegressionTests {
    @Test func choleskySolvesKnownSystem() throws {
        // [[4, 2], [2, 3]]·x = [2, 1] → x = [0.5, 0].
        let x = try #require(CholeskySolver.solve(matrix: [4, 2, 2, 3], size: 2, rhs: [2, 1]))
        #expect(abs(x[0] - 0.5) < 1e-12 && abs(x[1]) < 1e-12)
        #expect(CholeskySolver.solve(matrix: [1, 2, 2, 1], size: 2, rhs: [1, 1]) == nil)  // indefinite
    }

    @Test func standardiserHandlesMissingAndConstantColumns() {
        let rows: [[Double?]] = [[1, 5, nil], [3, 5, nil], [nil, 5, nil]]
        let s = Standardiser(fitting: rows, columns: 3)
        #expect(s.means[0] == 2 && s.scales[0] == 1)
        #expect(s.standardise(3, column: 0) == 1)
        #expect(s.standardise(nil, column: 0) == 0)  // missing → neutral
        #expect(s.scales[1] == 0 && s.standardise(9, column: 1) == 0)  // no spread
        #expect(s.standardise(4, column: 2) == 0)  // never seen
        #expect(s.standardise(100, column: 0) == 4)  // clipped at 4 deviations
        #expect(s.standardise(-100, column: 0) == -4)
    }

    @Test func interceptOnlyFitMatchesBaseRate() {
        // No informative features: the MLE intercept is logit(base rate) = logit(0.25) = −ln 3.
        let x = [[Double]](repeating: [0], count: 8)
        let y = [true, false, false, false, true, false, false, false]
        let model = LogisticRegressionTrainer.fit(x: x, y: y, columns: 1)
        #expect(abs(model.intercept + log(3.0)) < 1e-8)
        #expect(abs(model.weights[0]) < 1e-12)
    }

    @Test func symmetricDataGivesSymmetricFitAndPenaltyShrinks() {
        // x = ±1 with labels mostly following the sign: the intercept is 0 by symmetry and the weight is
        // positive; a larger λ gives a smaller weight. Gradient at the optimum is zero (checked by hand
        // for the unpenalised 3:1 case: w = ln 3).
        let x: [[Double]] = [[1], [1], [1], [1], [-1], [-1], [-1], [-1]]
        let y = [true, true, true, false, false, false, false, true]
        let loose = LogisticRegressionTrainer.fit(x: x, y: y, columns: 1, options: .init(l2: 1e-9))
        let tight = LogisticRegressionTrainer.fit(x: x, y: y, columns: 1, options: .init(l2: 10))
        #expect(abs(loose.intercept) < 1e-8)
        #expect(abs(loose.weights[0] - log(3.0)) < 1e-6)
        #expect(tight.weights[0] > 0 && tight.weights[0] < loose.weights[0])
        #expect(abs(loose.probability([1]) - 0.75) < 1e-6)
    }

    @Test func separableDataStaysFinite() {
        let x: [[Double]] = [[-2], [-1], [1], [2]]
        let y = [false, false, true, true]
        let model = LogisticRegressionTrainer.fit(x: x, y: y, columns: 1, options: .init(l2: 0.1))
        #expect(model.weights[0].isFinite && model.weights[0] > 1)
        #expect(LogisticRegressionTrainer.fit(x: [], y: [], columns: 2).weights == [0, 0])
    }

    @Test func balancedAccuracy() throws {
        // 8 positives, 2 negatives; predicting all-positive: accuracy 0.8, balanced 0.5.
        let actual = [Bool](repeating: true, count: 8) + [false, false]
        let m = BinaryClassificationMetrics(predicted: [Bool](repeating: true, count: 10), actual: actual)
        #expect(m.accuracy == 0.8)
        #expect(m.balancedAccuracy == 0.5)
        #expect(BinaryClassificationMetrics(predicted: [true], actual: [true]).balancedAccuracy == nil)
    }
}
