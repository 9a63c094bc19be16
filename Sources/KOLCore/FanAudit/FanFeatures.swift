import Foundation

/// The profile features the audit uses. Each means the same on Weibo, Twitter or Instagram: counts on a
/// log scale (a fan with 10 vs 100 followers differs more than one with 10 010 vs 10 100), ratios, ages and
/// presence of a picture or bio, never platform quirks such as Twitter's "default theme" flag.
package enum FanFeature: String, CaseIterable, Hashable, Sendable {
    case logFollowers
    case logFollowing
    /// ln((following + 1) / (followers + 1)): the follow-back gap bought accounts show.
    case followingPerFollower
    case logPosts
    /// ln(1 + age in days).
    case logAccountAgeDays
    /// ln(1 + posts per day of account age).
    case logPostsPerDay
    case hasAvatar
    case hasBio
    case hasLocation
    case verified
    case repostShare
    case linkShare
    /// ln(1 + days since the last post).
    case logDaysSinceLastPost
}

/// The features of one profile at time `now`; `nil` where an input was missing or invalid.
package struct FanFeatureValues: Hashable, Sendable {
    package var values: [FanFeature: Double]
    /// Raw quantities kept for wording the reasons.
    package var accountAgeDays: Double?
    package var daysSinceLastPost: Double?

    package subscript(feature: FanFeature) -> Double? { values[feature] }

    package init(profile p: FanProfile, now: Date) {
        var v: [FanFeature: Double] = [:]
        // Negative counts are corrupt input: treat as unknown rather than crash on log of a negative.
        let followers = p.followers.flatMap { $0 >= 0 ? Double($0) : nil }
        let following = p.following.flatMap { $0 >= 0 ? Double($0) : nil }
        let posts = p.posts.flatMap { $0 >= 0 ? Double($0) : nil }
        if let followers { v[.logFollowers] = log1p(followers) }
        if let following { v[.logFollowing] = log1p(following) }
        if let followers, let following { v[.followingPerFollower] = log((following + 1) / (followers + 1)) }
        if let posts { v[.logPosts] = log1p(posts) }
        // Ages: a creation date in the future (clock skew) counts as age 0.
        var age: Double?
        if let created = p.createdAt {
            let days = Swift.max(0, now.timeIntervalSince(created) / 86_400)
            if days.isFinite { age = days }
        }
        if let age {
            v[.logAccountAgeDays] = log1p(age)
            // At least one day, so a fan created this morning with 30 posts reads as 30 a day, not ∞.
            if let posts { v[.logPostsPerDay] = log1p(posts / Swift.max(1, age)) }
        }
        if let avatar = p.avatar { v[.hasAvatar] = avatar ? 1 : 0 }
        if let bio = p.hasBio { v[.hasBio] = bio ? 1 : 0 }
        if let location = p.hasLocation { v[.hasLocation] = location ? 1 : 0 }
        if let verified = p.verified { v[.verified] = verified ? 1 : 0 }
        if let share = p.repostShare, share.isFinite { v[.repostShare] = Swift.min(1, Swift.max(0, share)) }
        if let share = p.linkShare, share.isFinite { v[.linkShare] = Swift.min(1, Swift.max(0, share)) }
        var sinceLast: Double?
        if let last = p.lastPostAt {
            let days = Swift.max(0, now.timeIntervalSince(last) / 86_400)
            if days.isFinite { sinceLast = days }
        }
        if let sinceLast { v[.logDaysSinceLastPost] = log1p(sinceLast) }
        values = v
        accountAgeDays = age
        daysSinceLastPost = sinceLast
    }

    /// The features in `order`, `nil` where unknown: one model input row.
    package func row(_ order: [FanFeature]) -> [Double?] { order.map { values[$0] } }
}
