/// How the distance between two voices is measured and judged. Defaults documented in protocol.md §8.
public struct ToneComparisonThresholds: Sendable, Hashable {
    /// Relative weight of each dimension in the distance (normalised by their sum). Humour and formality
    /// weigh most: they are what "the style should match the brand" is mostly about.
    public var weights: ToneVector
    /// Distance at or below this: `fits`.
    public var fits: Double
    /// Distance at or below this (and above `fits`): `partly`; above: `clashes`.
    public var partly: Double

    public init(weights: ToneVector, fits: Double, partly: Double) {
        self.weights = weights
        self.fits = fits
        self.partly = partly
    }

    public static let standard = ToneComparisonThresholds(
        weights: ToneVector(humor: 0.3, formality: 0.25, sentiment: 0.15, intensity: 0.15, commerciality: 0.15),
        fits: 0.12, partly: 0.22)

    /// Weighted mean absolute difference, 0 (same) … 1 (opposite corners).
    public func distance(_ a: ToneVector, _ b: ToneVector) -> Double {
        var total = 0.0
        var weightSum = 0.0
        for dimension in ToneDimension.allCases {
            let weight = max(0, weights[dimension])
            total += weight * abs(a[dimension] - b[dimension])
            weightSum += weight
        }
        return weightSum > 0 ? total / weightSum : 0
    }

    public func verdict(forDistance distance: Double) -> ToneVerdict {
        distance <= fits ? .fits : distance <= partly ? .partly : .clashes
    }
}

public enum ToneVerdict: String, Sendable, Codable {
    case fits, partly, clashes
}

/// One post of side A, how close its own profile is to side B.
public struct TonePostMatch: Sendable {
    /// Position in A's texts.
    public var index: Int
    /// The text, when the caller passed A's texts.
    public var text: String?
    public var profile: ToneProfile
    public var distance: Double
}

/// Two voices compared: distance 0–1, verdict, per-dimension difference (A − B), and A's posts that match
/// B best and worst (when A's profile carries per-text profiles).
public struct ToneComparison: Sendable {
    public var distance: Double
    public var verdict: ToneVerdict
    /// A − B per dimension (positive: A is more humorous/formal/… than B).
    public var differences: ToneVector
    public var best: [TonePostMatch]
    public var worst: [TonePostMatch]

    public init(
        _ a: ToneProfile, _ b: ToneProfile, texts: [String] = [],
        thresholds: ToneComparisonThresholds = .standard, postLimit: Int = 3
    ) {
        distance = thresholds.distance(a.dimensions, b.dimensions)
        verdict = thresholds.verdict(forDistance: distance)
        differences = a.dimensions.combined(with: b.dimensions, -)
        let matches = a.perText.enumerated().map { index, profile in
            TonePostMatch(
                index: index, text: index < texts.count ? texts[index] : nil, profile: profile,
                distance: thresholds.distance(profile.dimensions, b.dimensions))
        }
        // Ties break on input order so results are deterministic.
        let ordered = matches.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
        let limit = max(0, postLimit)
        best = Array(ordered.prefix(limit))
        worst = Array(ordered.reversed().prefix(limit))
    }
}
