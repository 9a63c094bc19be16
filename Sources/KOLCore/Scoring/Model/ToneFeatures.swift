/// A KOL's voice as profiled once per KOL content: the Weibo posts with text (with one profile per post)
/// and each other channel's posts.
///
/// Why in the features: profiling is the costliest per-KOL step (lexicon scan and n-gram model per
/// post). The tone component, `tone-clash`, `tone-drift` and `channel-tone-mismatch` all read these
/// profiles, so a request profiles nothing again for a KOL whose content did not change.
public struct ToneFeatures: Hashable, Sendable {
    /// The Weibo posts that have text, with their index in `kol.posts`.
    var texts: ToneTexts
    /// Profile of `texts` with per-text profiles (`perText` in the order of `texts`).
    public var profile: ToneProfile
    /// Profile of each channel's posts that have text, by index in `kol.channels` (absent: no such posts).
    public var channelProfiles: [Int: ToneProfile]

    init(kol: KOL, profiler: ToneProfiler = .standard) {
        texts = ToneTexts(kol.posts ?? [])
        profile = profiler.profile(texts.texts, perText: true)
        var channels: [Int: ToneProfile] = [:]
        for (index, channel) in (kol.channels ?? []).enumerated() {
            let channelTexts = ToneTexts(channel.posts ?? [])
            if !channelTexts.texts.isEmpty { channels[index] = profiler.profile(channelTexts.texts) }
        }
        channelProfiles = channels
    }

    /// `(date, per-post scores)` of the Weibo posts that have both a date and text, in post order: the
    /// input of `ToneDrift(profiledPosts:)`.
    func datedProfiles(_ posts: [Post]) -> [(date: Int64, index: Int, profile: ToneVector)] {
        var result: [(date: Int64, index: Int, profile: ToneVector)] = []
        for (slot, index) in texts.postIndices.enumerated() where index < posts.count && slot < profile.perText.count {
            guard let at = posts[index].at else { continue }
            result.append((at.secondsSinceEpoch, index, profile.perText[slot].dimensions))
        }
        return result
    }
}
