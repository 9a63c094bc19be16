/// One reason a dimension moved: a cue (or the n-gram model) and how far it moved the 0–1 score.
public struct ToneEvidence: Sendable, Hashable, CustomStringConvertible {
    public var dimension: ToneDimension
    /// The cue as matched ("哈哈哈", "negated 好吃", "emoji", "[emoticon]", or `ToneEvidence.modelCue`).
    public var cue: String
    /// Occurrences in the text(s).
    public var count: Int
    /// Change of the dimension's 0–1 score caused by this cue: score with it minus score without it,
    /// averaged over the texts of a profile (texts without the cue count as 0).
    public var effect: Double
    /// The log-odds this cue added (summed over texts).
    public var logOdds: Double

    /// Label of the learned model's evidence.
    public static let modelCue = "character n-gram model"

    /// e.g. `"哈哈哈" ×2 → humor +0.30`.
    public var description: String {
        let sign = effect >= 0 ? "+" : "-"
        let magnitude = (abs(effect) * 100).rounded() / 100
        var digits = String(Int((magnitude * 100).rounded()) % 100)
        if digits.count < 2 { digits = "0" + digits }
        let value = "\(Int(magnitude))" + "." + digits
        return cue == Self.modelCue
            ? "\(cue) → \(dimension.rawValue) \(sign)\(value)"
            : "\"\(cue)\" ×\(count) → \(dimension.rawValue) \(sign)\(value)"
    }
}

/// A voice on the five dimensions (each 0–1), the evidence behind it, and optionally one profile per text.
public struct ToneProfile: Sendable, Hashable {
    /// 1 = humorous, formal, positive, excited, hard-sell.
    public var dimensions: ToneVector
    /// Largest effects first; effects below `ToneProfiler.evidenceFloor` are left out.
    public var evidence: [ToneEvidence]
    /// Number of texts profiled.
    public var posts: Int
    /// One profile per input text, in input order (only when asked for; empty otherwise).
    public var perText: [ToneProfile]

    public init(dimensions: ToneVector, evidence: [ToneEvidence] = [], posts: Int, perText: [ToneProfile] = []) {
        self.dimensions = dimensions
        self.evidence = evidence
        self.posts = posts
        self.perText = perText
    }

    public subscript(dimension: ToneDimension) -> Double { dimensions[dimension] }

    /// Evidence for one dimension, largest effect first.
    public func evidence(for dimension: ToneDimension) -> [ToneEvidence] {
        evidence.filter { $0.dimension == dimension }
    }
}
