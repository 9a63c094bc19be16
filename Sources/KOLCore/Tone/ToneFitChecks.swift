/// A yes/no tone check with the comparison behind it: the basis of the red flags `tone-clash` (KOL vs the
/// brief) and `channel-tone-mismatch` (Weibo vs another channel of the same KOL).
public struct ToneFitCheck: Sendable {
    public var comparison: ToneComparison
    /// True when the flag should be raised.
    public var flagged: Bool

    /// The KOL's posts against the brief's tone (a preset or the brand's own profile). Flagged when the
    /// verdict is `clashes` and the KOL has at least `minPosts` posts (too few posts say nothing).
    public static func briefFit(
        posts: [String], brief: ToneProfile, profiler: ToneProfiler = .standard,
        thresholds: ToneComparisonThresholds = .standard, minPosts: Int = 3
    ) -> ToneFitCheck {
        let profile = profiler.profile(posts, perText: true)
        let comparison = ToneComparison(profile, brief, texts: posts, thresholds: thresholds)
        return ToneFitCheck(comparison: comparison, flagged: posts.count >= minPosts && comparison.verdict == .clashes)
    }

    /// Weibo posts against another channel's posts (WeChat articles, blog) of the same KOL. Flagged when the
    /// verdict is `clashes` and each side has at least `minPosts` texts. Best/worst name Weibo posts.
    public static func channelMismatch(
        weibo: [String], other: [String], profiler: ToneProfiler = .standard,
        thresholds: ToneComparisonThresholds = .standard, minPosts: Int = 3
    ) -> ToneFitCheck {
        let weiboProfile = profiler.profile(weibo, perText: true)
        let otherProfile = profiler.profile(other)
        let comparison = ToneComparison(weiboProfile, otherProfile, texts: weibo, thresholds: thresholds)
        let enough = weibo.count >= minPosts && other.count >= minPosts
        return ToneFitCheck(comparison: comparison, flagged: enough && comparison.verdict == .clashes)
    }
}
