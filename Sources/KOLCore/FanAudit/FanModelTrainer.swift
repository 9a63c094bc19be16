import Foundation

/// One training or evaluation row: a profile, the moment it was seen, and whether it was a bought fake.
package struct LabeledFan: Hashable, Sendable {
    package var profile: FanProfile
    /// The crawl time: account age and "days since last post" are measured to here.
    package var observedAt: Date
    package var isFake: Bool

    package init(profile: FanProfile, observedAt: Date, isFake: Bool) {
        self.profile = profile
        self.observedAt = observedAt
        self.isFake = isFake
    }
}

/// Out-of-fold results of k-fold cross-validation.
package struct FanCrossValidation: Sendable {
    package var folds: Int
    package var metrics: BinaryClassificationMetrics
    /// Probability each row got from the model that never saw it, in input order.
    package var probabilities: [Double]
}

/// Fits `FanModel` and measures it. Pure and deterministic: the same rows, λ and seed give the same
/// weights and folds on every machine.
package enum FanModelTrainer {
    /// λ of the L2 penalty used for the committed model. With standardised features and ~850 rows it
    /// barely moves the fit on the informative features and pins rare ones (two fans-dev accounts without a
    /// picture) near zero; CV balanced accuracy is flat for λ from 0.1 to 10 (see kol-bench train-fans).
    package static let defaultL2 = 1.0

    /// A feature is fitted only if at least this many known rows differ from its most common value.
    /// fans-dev has two profiles without a picture (both genuine): standardised, each would sit 20
    /// deviations out and drag the "no picture" weight to the wrong sign on the strength of two people.
    /// Below this support the feature stays unfitted and its prior (if any) speaks instead.
    package static let minimumSupport = 10

    /// Fit the standardiser and the logistic regression on `examples`.
    package static func train(
        _ examples: [LabeledFan], l2: Double = defaultL2, features: [FanFeature] = FanModel.modelFeatures
    ) -> FanModel {
        let rows = examples.map { FanFeatureValues(profile: $0.profile, now: $0.observedAt).row(features) }
        var standardiser = Standardiser(fitting: rows, columns: features.count)
        for j in features.indices where standardiser.scales[j] > 0 {
            let known = rows.compactMap { $0[j] }
            var counts: [Double: Int] = [:]
            for v in known { counts[v, default: 0] += 1 }
            let commonest = counts.values.max() ?? 0
            if known.count - commonest < minimumSupport { standardiser.scales[j] = 0 }
        }
        let x = rows.map { standardiser.standardise($0) }
        let logistic = LogisticRegressionTrainer.fit(
            x: x, y: examples.map(\.isFake), columns: features.count, options: .init(l2: l2))
        return FanModel(features: features, standardiser: standardiser, logistic: logistic)
    }

    /// Stratified k-fold cross-validation: each row is scored by a model (standardiser included) trained on
    /// the other folds only. Folds are dealt round-robin from a seeded shuffle of each class, so both
    /// classes are spread evenly. `folds` is clamped to 2...rows.
    package static func crossValidate(
        _ examples: [LabeledFan], folds: Int = 10, seed: UInt64 = 2015, l2: Double = defaultL2,
        features: [FanFeature] = FanModel.modelFeatures
    ) -> FanCrossValidation {
        let k = Swift.max(2, Swift.min(folds, examples.count))
        var generator = SeededGenerator(seed: seed)
        var fold = [Int](repeating: 0, count: examples.count)
        var next = 0
        for label in [true, false] {
            var indices = examples.indices.filter { examples[$0].isFake == label }
            generator.shuffle(&indices)
            for i in indices {
                fold[i] = next % k
                next += 1
            }
        }
        var probabilities = [Double](repeating: 0.5, count: examples.count)
        var metrics = BinaryClassificationMetrics()
        for f in 0..<k {
            let training = examples.indices.filter { fold[$0] != f }.map { examples[$0] }
            let model = train(training, l2: l2, features: features)
            for i in examples.indices where fold[i] == f {
                let values = FanFeatureValues(profile: examples[i].profile, now: examples[i].observedAt)
                let p = model.probability(values)
                probabilities[i] = p
                metrics.record(predicted: p >= model.threshold, actual: examples[i].isFake)
            }
        }
        return FanCrossValidation(folds: k, metrics: metrics, probabilities: probabilities)
    }

    /// How a rule set does on labelled rows; rows it cannot judge count as "genuine" (its default).
    package static func evaluate(_ rules: any FanRuleSet, on examples: [LabeledFan]) -> BinaryClassificationMetrics {
        var metrics = BinaryClassificationMetrics()
        for e in examples {
            metrics.record(predicted: rules.isFake(e.profile, now: e.observedAt) ?? false, actual: e.isFake)
        }
        return metrics
    }

    /// The published baselines, in the order Cresci et al. list them.
    package static let baselines: [any FanRuleSet] = [
        CamisaniCalzolariRules(), StateOfSearchRules(), SocialbakersRules(),
    ]
}
