/// Weights of the score components, by component name. Relative: the score divides by the sum of the
/// weights of the components that had data, so they need not add up to 1.
///
/// Defaults are declared by the criteria (`ScoreCriterion.defaultWeight`); `brief.weights` and the request
/// override them by name. A weight of 0 switches a component off; negative or non-finite weights are ignored.
public struct ScoreWeights: Hashable, Sendable {
    private var overrides: [ComponentName: Double]

    public init(_ overrides: [String: Double] = [:]) {
        self.overrides = [:]
        for (name, weight) in overrides where weight.isFinite && weight >= 0 {
            self.overrides[ComponentName(name)] = weight
        }
    }

    public static let defaults = ScoreWeights()

    public func weight(_ name: ComponentName, default defaultWeight: Double) -> Double {
        overrides[name] ?? defaultWeight
    }

    /// Later overrides win (brief first, then request).
    public func applying(_ more: [String: Double]?) -> ScoreWeights {
        guard let more else { return self }
        var result = self
        for (name, weight) in more where weight.isFinite && weight >= 0 {
            result.overrides[ComponentName(name)] = weight
        }
        return result
    }
}
