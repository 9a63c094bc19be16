/// Confusion counts for a yes/no classifier and the scores derived from them.
///
/// Balanced accuracy, the mean of the true-positive and true-negative rates, is the headline figure: it
/// does not reward a classifier for calling everything "genuine" when most fans are genuine.
package struct BinaryClassificationMetrics: Hashable, Sendable {
    package var truePositives = 0
    package var falsePositives = 0
    package var trueNegatives = 0
    package var falseNegatives = 0

    package init() {}

    /// Count pairs of (predicted, actual).
    package init(predicted: [Bool], actual: [Bool]) {
        for (p, a) in zip(predicted, actual) { record(predicted: p, actual: a) }
    }

    package mutating func record(predicted: Bool, actual: Bool) {
        switch (predicted, actual) {
        case (true, true): truePositives += 1
        case (true, false): falsePositives += 1
        case (false, false): trueNegatives += 1
        case (false, true): falseNegatives += 1
        }
    }

    package var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }

    /// Recall of the positive class; `nil` with no positives.
    package var truePositiveRate: Double? {
        let p = truePositives + falseNegatives
        return p > 0 ? Double(truePositives) / Double(p) : nil
    }

    /// Specificity; `nil` with no negatives.
    package var trueNegativeRate: Double? {
        let n = trueNegatives + falsePositives
        return n > 0 ? Double(trueNegatives) / Double(n) : nil
    }

    package var accuracy: Double? {
        total > 0 ? Double(truePositives + trueNegatives) / Double(total) : nil
    }

    /// (TPR + TNR) / 2; `nil` unless both classes occur.
    package var balancedAccuracy: Double? {
        guard let tpr = truePositiveRate, let tnr = trueNegativeRate else { return nil }
        return (tpr + tnr) / 2
    }
}
