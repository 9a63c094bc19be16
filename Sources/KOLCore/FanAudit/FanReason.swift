import Foundation

/// What a reason is about. Several model features can share one reason (followers, following and their
/// ratio all describe the follow-back gap), so their contributions are added before ranking; otherwise
/// correlated features would each claim a slice and the words would repeat.
package enum FanReasonKind: String, CaseIterable, Hashable, Sendable {
    case audience, activity, accountAge, avatar, bio, verified, reposts, links, lastPost

    static func of(_ feature: FanFeature) -> FanReasonKind? {
        switch feature {
        case .logFollowers, .logFollowing, .followingPerFollower: return .audience
        case .logPosts, .logPostsPerDay: return .activity
        case .logAccountAgeDays: return .accountAge
        case .hasAvatar: return .avatar
        case .hasBio: return .bio
        case .verified: return .verified
        case .repostShare: return .reposts
        case .linkShare: return .links
        case .logDaysSinceLastPost: return .lastPost
        case .hasLocation: return nil
        }
    }
}

/// One reason behind a fan's verdict, in words, with the log-odds it moved the verdict by (positive =
/// towards fake), so a reader can see how much it mattered.
package struct FanReason: Hashable, Sendable {
    package var kind: FanReasonKind
    package var text: String
    package var logOdds: Double
}

/// Turns model contributions into the few reasons that pushed a fan hardest toward its verdict.
enum FanReasonWriter {
    /// Contributions smaller than this (in log-odds; 0.3 ≈ a 1.35× change in the odds) are not worth a
    /// sentence.
    static let minimumLogOdds = 0.3

    static func reasons(
        profile: FanProfile, values: FanFeatureValues, contributions: [FanFeature: Double], fake: Bool,
        limit: Int
    ) -> [FanReason] {
        var byKind: [FanReasonKind: Double] = [:]
        for feature in FanFeature.allCases {  // fixed order: the sums are then identical on every run
            guard let c = contributions[feature], let kind = FanReasonKind.of(feature), values[feature] != nil
            else { continue }
            byKind[kind, default: 0] += c
        }
        // Towards the verdict only, strongest first; ties broken by the fixed kind order for determinism.
        let sign = fake ? 1.0 : -1.0
        let ranked = FanReasonKind.allCases.compactMap { kind -> (FanReasonKind, Double)? in
            guard let c = byKind[kind], c * sign > 0 else { return nil }
            return (kind, c)
        }.sorted { abs($0.1) > abs($1.1) }
        var chosen = ranked.filter { abs($0.1) >= minimumLogOdds }
        if chosen.isEmpty, let top = ranked.first { chosen = [top] }  // a borderline fan still gets one
        return chosen.prefix(Swift.max(0, limit)).map { kind, c in
            FanReason(kind: kind, text: text(kind, profile: profile, values: values, fake: fake), logOdds: c)
        }
    }

    static func text(_ kind: FanReasonKind, profile p: FanProfile, values: FanFeatureValues, fake: Bool) -> String {
        switch kind {
        case .audience:
            let followers = p.followers.map { Swift.max(0, $0) }
            let following = p.following.map { Swift.max(0, $0) }
            if fake {
                if let followers, let following, following > followers {
                    return "follows \(count(following, "account")) but has \(count(followers, "follower"))"
                }
                if let followers { return "has only \(count(followers, "follower"))" }
                if let following { return "follows \(count(following, "account"))" }
            } else {
                if let followers, let following {
                    return "has \(count(followers, "follower")) and follows \(count(following, "account"))"
                }
                if let followers { return "has \(count(followers, "follower"))" }
                if let following { return "follows \(count(following, "account"))" }
            }
            return fake ? "follower counts look bought" : "follower counts look normal"
        case .activity:
            let posts = p.posts.map { Swift.max(0, $0) } ?? 0
            if fake {
                if posts == 0 { return "has never posted" }
                if let age = values.accountAgeDays, age >= 1 {
                    return "only \(count(posts, "post")) in \(duration(age))"
                }
                return "has posted only \(count(posts, "time"))"
            }
            return "has posted \(count(posts, "time"))"
        case .accountAge:
            let age = values.accountAgeDays ?? 0
            return "account \(duration(age)) old"
        case .avatar:
            return fake ? "no profile picture" : "has a profile picture"
        case .bio:
            return fake ? "no bio" : "has a bio"
        case .verified:
            return fake ? "not verified" : "verified account"
        case .reposts:
            let share = percent(p.repostShare ?? 0)
            return fake ? "\(share) of posts are reposts" : "only \(share) of posts are reposts"
        case .links:
            let share = percent(p.linkShare ?? 0)
            return fake ? "\(share) of posts carry links" : "only \(share) of posts carry links"
        case .lastPost:
            let days = values.daysSinceLastPost ?? 0
            return "last posted \(duration(days)) ago"
        }
    }

    /// "1 follower", "2,000 accounts".
    static func count(_ n: Int, _ noun: String) -> String {
        "\(grouped(n)) \(noun)\(n == 1 ? "" : "s")"
    }

    /// Thousands separators without a locale (the engine answers the same everywhere).
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// Days below two years are said in days ("9 days"), longer spans in whole years ("6 years").
    static func duration(_ days: Double) -> String {
        let d = Int(days.rounded(.down))
        if d < 730 { return count(d, "day") }
        return count(Int((days / 365.25).rounded(.down)), "year")
    }

    static func percent(_ share: Double) -> String {
        "\(Int((Swift.min(1, Swift.max(0, share)) * 100).rounded())) %"
    }
}
