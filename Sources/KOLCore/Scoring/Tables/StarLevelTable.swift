/// Built-in peer figures per Weibo star level, used only when the workspace has too few peers even after
/// widening to neighbouring levels (see `PeerStatistics`).
///
/// Source: engineering judgement, rough magnitudes of Weibo micro-task (微任务) accounts, not a
/// measurement: follower medians grow about 2.5–3× per star and prices about 2–2.5× per star. The MAD is
/// deliberately wide (0.30 in log10, i.e. a factor of 2) so the fallback only flags gross mismatches.
/// Override the rule thresholds, or better, load more KOLs of the same level, when it matters.
public enum StarLevelTable {
    public struct Row: Hashable, Sendable {
        public var stars: Double
        public var medianFollowers: Double
        public var medianPrice: Double
    }

    public static let rows: [Row] = [
        Row(stars: 0, medianFollowers: 5_000, medianPrice: 200),
        Row(stars: 1, medianFollowers: 20_000, medianPrice: 600),
        Row(stars: 2, medianFollowers: 100_000, medianPrice: 1_500),
        Row(stars: 3, medianFollowers: 300_000, medianPrice: 4_000),
        Row(stars: 4, medianFollowers: 800_000, medianPrice: 8_000),
        Row(stars: 5, medianFollowers: 2_000_000, medianPrice: 20_000),
        Row(stars: 6, medianFollowers: 5_000_000, medianPrice: 50_000),
    ]

    /// Unscaled MAD of log10 followers assumed for the built-in table.
    public static let log10FollowersMAD = 0.30

    /// The row for a star level (half stars take the lower whole star's row).
    public static func row(stars: Double) -> Row {
        let index = Int(Scoring.clamp(stars.rounded(.down), 0, 6))
        return rows[index]
    }
}
