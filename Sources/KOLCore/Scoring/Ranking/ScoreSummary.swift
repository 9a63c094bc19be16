/// The two numbers of a `KOLScore` that `kol/rank` orders by, without its components and explanations.
///
/// Why: with outcomes and red flags kept between requests, a weights-only change of the brief needs per
/// KOL only the weighted mean; building every KOL's full `KOLScore` (components, missing fields, texts)
/// was most of the remaining per-KOL cost. `summary` does the same arithmetic in the same order as
/// `ScoringEngine.score(_:flags:outcomes:)`, so the doubles are identical (asserted in `ScoreSummaryTests`).
public struct ScoreSummary: Hashable, Sendable {
    public var score: Double?
    public var confidence: Double

    public init(score: Double?, confidence: Double) {
        self.score = score
        self.confidence = confidence
    }

    public init(_ score: KOLScore) {
        self.init(score: score.score, confidence: score.confidence)
    }
}

extension ScoringEngine {
    /// Each criterion's weight under this engine's weights, in catalog order (look it up once per request).
    public var criterionWeights: [Double] {
        catalog.criteria.map { context.weights.weight($0.name, default: $0.defaultWeight) }
    }

    /// `score(kol, flags: flags, outcomes: outcomes)`'s score and confidence. `weights` is
    /// `criterionWeights`; `outcomes` must be this engine's (or one differing only in weights) for the KOL.
    public static func summary(outcomes: [ComponentOutcome], weights: [Double], flags: KOLRedFlags) -> ScoreSummary {
        var applicableWeight = 0.0
        var presentWeight = 0.0
        var weighted = 0.0
        for (position, outcome) in outcomes.enumerated() where position < weights.count {
            let weight = weights[position]
            switch outcome {
            case .scored(let value, _, _):
                applicableWeight += weight
                presentWeight += weight
                weighted += weight * value
            case .missing:
                applicableWeight += weight
            case .notApplicable:
                break
            }
        }
        let penalty = flags.flags.reduce(0.0) { $0 + ScoringEngine.penalty(for: $1.severity) }
        let score = presentWeight > 0 ? max(0, weighted / presentWeight - penalty) : nil
        let confidence = applicableWeight > 0 ? presentWeight / applicableWeight : 0
        return ScoreSummary(score: score, confidence: confidence)
    }
}
