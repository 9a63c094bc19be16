import JSON

/// Criterion 3: engagement against the tier benchmark, replies in person, bought reposts, concentration.
struct EngagementMeasurement {
    var followers: Int
    /// Posts with reposts, comments and likes all known.
    var posts: [KOLFeatures.PostFeatures]
    var medianRate: Double
    var tier: EngagementBenchmarks.Tier
    var ratioToBenchmark: Double { medianRate / tier.medianRate }

    static let minimumPosts = 3

    static func measure(_ subject: ScoringSubject) -> Measured<EngagementMeasurement> {
        let f = subject.features
        let posts = f.postsWithCounts
        guard let followers = f.followers, followers > 0, posts.count >= minimumPosts,
              let rate = f.medianEngagementRate else {
            return .missing([DataRequirement("followers", present: (f.followers ?? 0) > 0),
                             DataRequirement("posts[].reposts/comments/likes (at least \(minimumPosts) posts)",
                                             present: posts.count >= minimumPosts)])
        }
        return .measured(EngagementMeasurement(followers: followers, posts: posts, medianRate: rate,
                                               tier: EngagementBenchmarks.tier(followers: followers)))
    }

    /// Median over posts of reposts / (comments + likes); a post with no comments or likes divides by 1.
    var medianRepostRatio: Double {
        Descriptive.median(posts.map { post in
            Double(post.reposts ?? 0) / max(1, Double(post.comments ?? 0) + Double(post.likes ?? 0))
        }) ?? 0
    }

    /// The `k` most engaging posts, k = max(1, round(10 % of posts)), and their share of all engagement.
    var topShare: (count: Int, share: Double)? {
        let values = posts.compactMap(\.engagements).map(Double.init).sorted(by: >)
        let total = values.reduce(0, +)
        guard total > 0 else { return nil }
        let k = max(1, Int((Double(values.count) / 10).rounded()))
        return (k, values.prefix(k).reduce(0, +) / total)
    }
}

/// Σ kolReplies / Σ comments over posts that have both.
struct ReplyMeasurement {
    var replies: Int
    var comments: Int
    var rate: Double { Double(replies) / Double(comments) }

    /// Below this many comments, a reply rate says little.
    static let minimumComments = 20

    static func measure(_ subject: ScoringSubject) -> Measured<ReplyMeasurement> {
        var replies = 0
        var comments = 0
        for post in subject.features.posts ?? [] {
            guard let r = post.kolReplies, let c = post.comments else { continue }
            // Saturating: absurd counts in the input must not trap.
            replies = replies.addingReportingOverflow(r).overflow ? Int.max : replies + r
            comments = comments.addingReportingOverflow(c).overflow ? Int.max : comments + c
        }
        guard comments >= minimumComments else {
            return .missing([DataRequirement("posts[].kolReplies and posts[].comments (at least \(minimumComments) comments)",
                                             present: false)])
        }
        return .measured(ReplyMeasurement(replies: replies, comments: comments))
    }
}

public struct EngagementCriterion: ScoreCriterion {
    public init() {}
    public var name: ComponentName { .engagement }
    public var defaultWeight: Double { 0.15 }

    /// Weighted mean of: rate vs tier benchmark (weight 3: 100 at or above the benchmark, 0 at 20 % of it),
    /// reply rate (weight 1: 100 at 5 % of comments answered, 0 at none) and repost authenticity (weight 1:
    /// 100 at reposts ≤ comments + likes, 0 at 3×). Parts without data are left out.
    public func evaluate(_ subject: ScoringSubject) -> ComponentOutcome {
        guard case .measured(let m) = EngagementMeasurement.measure(subject) else {
            if case .missing(let needed) = EngagementMeasurement.measure(subject) { return .missing(needed: needed) }
            return .notApplicable(reason: "engagement not applicable")
        }
        var parts: [(Double, Double)] = [(Scoring.ramp(m.ratioToBenchmark, good: 1, bad: 0.2), 3)]
        var measured: JSONObject = [
            "medianEngagementRate": .double(Scoring.round(m.medianRate, 5)), "tier": .string(m.tier.label),
            "benchmark": .double(m.tier.medianRate), "posts": .int(Int64(m.posts.count)),
            "medianRepostRatio": .double(Scoring.round(m.medianRepostRatio, 2)),
        ]
        parts.append((Scoring.ramp(m.medianRepostRatio, good: 1, bad: 3), 1))
        var explanation = "median engagement \(Scoring.percent(m.medianRate, digits: 2)) vs \(Scoring.percent(m.tier.medianRate, digits: 2)) "
            + "for \(m.tier.label) accounts"
        if case .measured(let replies) = ReplyMeasurement.measure(subject) {
            parts.append((Scoring.ramp(replies.rate, good: 0.05, bad: 0), 1))
            measured["replyRate"] = .double(Scoring.round(replies.rate, 4))
            explanation += ", answers \(Scoring.percent(replies.rate)) of comments"
        }
        let value = parts.reduce(0) { $0 + $1.0 * $1.1 } / parts.reduce(0) { $0 + $1.1 }
        return .scored(value: value, measured: measured, explanation: explanation)
    }
}

/// `low-engagement`: engagement rate well under the tier benchmark.
public struct LowEngagementRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .lowEngagement }
    public var severity: RedFlagSeverity { .warning }
    static let ratio = ThresholdParameter("ratioToBenchmark", 0.2,
        source: "engineering judgement: under one fifth of the HypeAuditor 2018 tier median (0.51 % at 100K–1M)")
    public var parameters: [ThresholdParameter] { [Self.ratio] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        EngagementMeasurement.measure(subject).judge { m in
            let limit = subject.threshold(self, Self.ratio)
            let evidence: JSONObject = [
                "medianEngagementRate": .double(Scoring.round(m.medianRate, 5)), "tier": .string(m.tier.label),
                "benchmark": .double(m.tier.medianRate), "ratioToBenchmark": .double(Scoring.round(m.ratioToBenchmark, 3)),
                "posts": .int(Int64(m.posts.count)), "threshold": .double(limit),
            ]
            guard m.ratioToBenchmark < limit else { return .passed(evidence: evidence) }
            let message = "Median engagement is \(Scoring.percent(m.medianRate, digits: 2)) of followers per post, against "
                + "\(Scoring.percent(m.tier.medianRate, digits: 2)) typical for \(m.tier.label) accounts: most followers never react."
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("followers", present: true), DataRequirement("posts", present: true)],
                                field: "posts")
        }
    }
}

/// `bought-reposts`: reposts far above comments and likes.
public struct BoughtRepostsRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .boughtReposts }
    public var severity: RedFlagSeverity { .error }
    static let maxRatio = ThresholdParameter("maxRepostRatio", 3,
        source: "engineering judgement: on Weibo likes usually outnumber reposts; a median post with 3× more "
            + "reposts than comments and likes together is the signature of repost farms (转发水军)")
    public var parameters: [ThresholdParameter] { [Self.maxRatio] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        EngagementMeasurement.measure(subject).judge { m in
            let limit = subject.threshold(self, Self.maxRatio)
            let ratio = m.medianRepostRatio
            let evidence: JSONObject = ["medianRepostRatio": .double(Scoring.round(ratio, 2)),
                                        "posts": .int(Int64(m.posts.count)), "threshold": .double(limit)]
            guard ratio > limit else { return .passed(evidence: evidence) }
            let message = "A typical post has \(Scoring.number(ratio, 1))× more reposts than comments and likes combined: "
                + "reposts are cheap to buy, real readers like and comment."
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("posts[].reposts/comments/likes", present: true)], field: "posts")
        }
    }
}

/// `engagement-concentrated`: most engagement on a few posts.
public struct EngagementConcentratedRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .engagementConcentrated }
    public var severity: RedFlagSeverity { .warning }
    static let maxShare = ThresholdParameter("maxTopShare", 0.5,
        source: "engineering judgement: the top 10 % of posts (at least one) hold more than half of all engagement")
    static let minPosts = 5
    public var parameters: [ThresholdParameter] { [Self.maxShare] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        EngagementMeasurement.measure(subject).judge { m in
            guard m.posts.count >= Self.minPosts, let top = m.topShare else {
                return .skipped(needed: [DataRequirement("posts with counts (at least \(Self.minPosts))", present: false)])
            }
            let limit = subject.threshold(self, Self.maxShare)
            let evidence: JSONObject = ["topPosts": .int(Int64(top.count)), "topShare": .double(Scoring.round(top.share, 3)),
                                        "posts": .int(Int64(m.posts.count)), "threshold": .double(limit)]
            guard top.share > limit else { return .passed(evidence: evidence) }
            let message = "\(top.count == 1 ? "One post holds" : "\(top.count) posts hold") \(Scoring.percent(top.share, digits: 0)) of all "
                + "engagement across \(m.posts.count) posts: a typical post reaches far fewer people than the totals suggest."
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("posts[].reposts/comments/likes", present: true)], field: "posts")
        }
    }
}

/// `silent-kol`: the KOL rarely answers comments in person.
public struct SilentKOLRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .silentKOL }
    public var severity: RedFlagSeverity { .information }
    static let minRate = ThresholdParameter("minReplyRate", 0.01,
        source: "engineering judgement: fewer than 1 in 100 comments answered by the KOL in person")
    public var parameters: [ThresholdParameter] { [Self.minRate] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        ReplyMeasurement.measure(subject).judge { m in
            let limit = subject.threshold(self, Self.minRate)
            let evidence: JSONObject = ["kolReplies": .int(Int64(m.replies)), "comments": .int(Int64(m.comments)),
                                        "replyRate": .double(Scoring.round(m.rate, 4)), "threshold": .double(limit)]
            guard m.rate < limit else { return .passed(evidence: evidence) }
            let message = "The KOL answered \(m.replies) of \(m.comments) comments (\(Scoring.percent(m.rate, digits: 2))): "
                + "followers get no conversation, so a recommendation carries less personal weight."
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("posts[].kolReplies", present: true)], field: "posts")
        }
    }
}
