/// A fixed, hand-set log-odds term for a feature the training data cannot teach.
///
/// fans-dev (Twitter, 2013–15) has no verified accounts, no repost or link shares, and only two profiles
/// without a picture, so the fitted model has no weight for them. Yet they are exactly what the published
/// rule sets rely on, and they mean the same on Weibo. A prior fills the gap with a modest, documented
/// nudge taken from those rule sets; it applies only while the feature is unfitted (scale 0 in the
/// standardiser), so retraining on data that has the feature replaces the guess with a measured weight.
/// Sizes are deliberately small: ±1 log-odds multiplies the odds by 2.7, enough to tip a borderline fan,
/// never enough on its own to overrule the fitted evidence (typical fans sit at ±5 or beyond).
package struct FanFeaturePrior: Hashable, Sendable {
    package enum Condition: Hashable, Sendable {
        /// The feature equals this value (for 0/1 features).
        case equals(Double)
        /// The feature is at least this value (for shares).
        case atLeast(Double)
    }

    package var feature: FanFeature
    package var condition: Condition
    /// Added to the log-odds of being fake when the condition holds (negative = towards genuine).
    package var logOdds: Double

    package init(feature: FanFeature, condition: Condition, logOdds: Double) {
        self.feature = feature
        self.condition = condition
        self.logOdds = logOdds
    }

    func applies(to value: Double) -> Bool {
        switch condition {
        case .equals(let v): return value == v
        case .atLeast(let t): return value >= t
        }
    }
}

extension FanModel {
    /// The shipped priors, each traceable to a rule set (see FanRuleSet.swift).
    package static let defaultPriors: [FanFeaturePrior] = [
        // Socialbakers, State of Search, Camisani-Calzolari: the default picture.
        FanFeaturePrior(feature: .hasAvatar, condition: .equals(0), logOdds: 1.0),
        // Camisani-Calzolari human point; platforms verify identities before granting it.
        FanFeaturePrior(feature: .verified, condition: .equals(1), logOdds: -2.0),
        // Socialbakers: 90 % or more reposts; 90 % or more links.
        FanFeaturePrior(feature: .repostShare, condition: .atLeast(0.9), logOdds: 1.0),
        FanFeaturePrior(feature: .linkShare, condition: .atLeast(0.9), logOdds: 1.0),
    ]
}
