import Foundation
import Testing
@testable import KOLCore

/// Accuracy on fans-dev, cross-validated: every row is scored by a model that never saw it.
@Suite struct FanAccuracyTests {
    @Test func crossValidatedBalancedAccuracyBeatsFloorAndBaselines() throws {
        let rows = try FanDevData.load()
        let cv = FanModelTrainer.crossValidate(rows, folds: 10, seed: 2015)
        let model = try #require(cv.metrics.balancedAccuracy)
        print("fans-dev 10-fold CV balanced accuracy (logistic regression): \(model)")
        #expect(cv.metrics.total == rows.count)
        #expect(model >= 0.95)
        for rules in FanModelTrainer.baselines {
            let m = FanModelTrainer.evaluate(rules, on: rows)
            let b = try #require(m.balancedAccuracy)
            print("fans-dev balanced accuracy (\(rules.name)): \(b)")
            #expect(b < model, "\(rules.name) should not beat the fitted model")
        }
    }

    @Test func otherSeedsAndFoldCountsHoldTheFloor() throws {
        let rows = try FanDevData.load()
        for (folds, seed) in [(5, 1 as UInt64), (5, 7), (10, 99)] {
            let b = FanModelTrainer.crossValidate(rows, folds: folds, seed: seed).metrics.balancedAccuracy ?? 0
            print("fans-dev \(folds)-fold CV (seed \(seed)) balanced accuracy: \(b)")
            #expect(b >= 0.95)
        }
    }

    @Test func committedWeightsAreReproducedByTheTrainer() throws {
        // Guards "reproducible from a script": refitting on fans-dev gives the committed file's numbers.
        let fitted = FanModelTrainer.train(try FanDevData.load())
        let committed = FanModel.committed
        #expect(fitted.features == committed.features)
        #expect(abs(fitted.logistic.intercept - committed.logistic.intercept) < 1e-9)
        for (a, b) in zip(fitted.logistic.weights, committed.logistic.weights) { #expect(abs(a - b) < 1e-9) }
        for (a, b) in zip(fitted.standardiser.means, committed.standardiser.means) { #expect(abs(a - b) < 1e-9) }
        for (a, b) in zip(fitted.standardiser.scales, committed.standardiser.scales) { #expect(abs(a - b) < 1e-9) }
    }

    @Test func foldsAreStratifiedAndDeterministic() throws {
        let rows = try FanDevData.load()
        let a = FanModelTrainer.crossValidate(rows, folds: 5, seed: 3)
        let b = FanModelTrainer.crossValidate(rows, folds: 5, seed: 3)
        let identical = a.probabilities == b.probabilities  // bit for bit (not printed: 845 numbers)
        #expect(identical)
        #expect(a.metrics == b.metrics)
    }

    @Test func fittedSignsMakeSense() {
        // Sanity of the committed model: more followers and posts, an older account and a bio push towards
        // genuine; following many more than follow back pushes towards fake.
        let m = FanModel.committed
        func w(_ f: FanFeature) -> Double { m.features.firstIndex(of: f).map { m.logistic.weights[$0] } ?? .nan }
        #expect(w(.followingPerFollower) > 0)
        #expect(w(.logPosts) < 0)
        #expect(w(.logAccountAgeDays) < 0)
        #expect(w(.hasBio) < 0)
        #expect(!m.features.contains(.hasLocation))
    }
}
