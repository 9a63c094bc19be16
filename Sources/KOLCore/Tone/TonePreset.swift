/// The brief's tone as a named target profile. The numbers are documented in protocol.md §8; they sit where
/// real profiles (means over posts) land, not at the 0/1 extremes a single post can reach.
public enum TonePreset: String, CaseIterable, Hashable, Sendable, Codable {
    /// Jokes, memes, laughter: playful, casual, upbeat and loud.
    case humorous
    /// Friendly and upbeat with a light touch of humour.
    case lighthearted
    /// Matter-of-fact, calm, neither jokey nor salesy.
    case serious
    /// The voice of an official account: formal, polished, calm, somewhat promotional.
    case corporate

    public var target: ToneVector {
        switch self {
        case .humorous:
            ToneVector(humor: 0.85, formality: 0.2, sentiment: 0.55, intensity: 0.45, commerciality: 0.12)
        case .lighthearted:
            ToneVector(humor: 0.5, formality: 0.35, sentiment: 0.75, intensity: 0.3, commerciality: 0.12)
        case .serious:
            ToneVector(humor: 0.15, formality: 0.6, sentiment: 0.5, intensity: 0.2, commerciality: 0.12)
        case .corporate:
            ToneVector(humor: 0.15, formality: 0.9, sentiment: 0.7, intensity: 0.2, commerciality: 0.45)
        }
    }

    /// The target as a profile (no posts, no evidence) so it compares like any other profile.
    public var profile: ToneProfile { ToneProfile(dimensions: target, posts: 0) }
}

extension ToneProfiler {
    /// The brand's own voice from sample texts (its posts, ads, brief copy): the same profile as a KOL's.
    public func brandProfile(samples: [String]) -> ToneProfile { profile(samples, perText: true) }
}
