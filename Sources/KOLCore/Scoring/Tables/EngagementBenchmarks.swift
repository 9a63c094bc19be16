/// Median engagement rate by follower tier: what "normal" engagement looks like for an account of this size.
///
/// Source: HypeAuditor, "Instagram Engagement Rate Benchmark" (March 2018, ~37 000 accounts, 90 days of
/// activity), median ER per tier: 0–1K 16.99 %, 1K–5K 6.45 %, 5K–20K 3.76 %, 20K–100K 2.63 %,
/// 100K–1M 2.57 %, over 1M 2.56 %
/// (https://hypeauditor.com/blog/what-is-instagram-engagement-rate-and-how-to-calculate-it/).
/// These are the widely cited tiers the issue quotes (≈ 2.6 % at 100K–1M). They are Instagram numbers
/// (likes + comments); Weibo adds reposts to the numerator, so using them is slightly lenient, which suits a
/// red flag meant for rates *well* under the benchmark. Override via `low-engagement.ratioToBenchmark`.
public enum EngagementBenchmarks {
    public struct Tier: Hashable, Sendable {
        /// Inclusive lower bound of followers.
        public var minFollowers: Int
        public var label: String
        public var medianRate: Double
    }

    public static let tiers: [Tier] = [
        Tier(minFollowers: 0, label: "0–1K", medianRate: 0.1699),
        Tier(minFollowers: 1_000, label: "1K–5K", medianRate: 0.0645),
        Tier(minFollowers: 5_000, label: "5K–20K", medianRate: 0.0376),
        Tier(minFollowers: 20_000, label: "20K–100K", medianRate: 0.0263),
        Tier(minFollowers: 100_000, label: "100K–1M", medianRate: 0.0257),
        Tier(minFollowers: 1_000_000, label: "1M+", medianRate: 0.0256),
    ]

    public static func tier(followers: Int) -> Tier {
        tiers.last { followers >= $0.minFollowers } ?? tiers[0]
    }
}
