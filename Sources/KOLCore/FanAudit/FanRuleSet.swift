import Foundation

/// A published rule set for spotting fake followers, kept as a baseline the fitted model must beat.
///
/// Cresci et al. (2015, "Fame for sale", Decision Support Systems 80) compared these on hand-labelled
/// Twitter accounts and found them weak; the engine reports their balanced accuracy beside the model's
/// (kol-bench train-fans, FanAccuracyTests). Only the criteria a profile can answer are implemented:
/// timeline checks (spam phrases, duplicate posts, posting clients) need posts we do not have. A
/// criterion whose inputs are unknown is skipped, not counted either way.
package protocol FanRuleSet: Sendable {
    var name: String { get }
    /// `true` = fake, `false` = genuine, `nil` when not one criterion could be checked.
    func isFake(_ profile: FanProfile, now: Date) -> Bool?
}

/// Socialbakers' FakeFollowerCheck criteria. Decision: fake when any checkable criterion holds (the
/// tool flagged an account that met one of them).
package struct SocialbakersRules: FanRuleSet {
    package init() {}
    package var name: String { "Socialbakers FakeFollowerCheck" }

    package func isFake(_ p: FanProfile, now: Date) -> Bool? {
        var checked = false
        var hit = false
        func check(_ result: Bool?) {
            guard let result else { return }
            checked = true
            hit = hit || result
        }
        // 1. follows 50 times more accounts than follow it
        if let followers = p.followers, let following = p.following {
            check(Double(following) >= 50 * Double(Swift.max(followers, 1)))
        }
        // 2–3. 90 % or more of its posts are reposts, or carry links
        check(p.repostShare.map { $0 >= 0.9 })
        check(p.linkShare.map { $0 >= 0.9 })
        // 4. has never posted
        check(p.posts.map { $0 == 0 })
        // 5. older than two months and still the default picture
        if let created = p.createdAt, let avatar = p.avatar {
            check(now.timeIntervalSince(created) > 60 * 86_400 && !avatar)
        }
        // 6. no bio, no location, and follows more than 100 accounts
        if let bio = p.hasBio, let location = p.hasLocation, let following = p.following {
            check(!bio && !location && following > 100)
        }
        return checked ? hit : nil
    }
}

/// Camisani-Calzolari's "human points" (2012): points for signs of a person behind the account.
/// Decision: genuine when the account earns at least half of the points that can be checked.
package struct CamisaniCalzolariRules: FanRuleSet {
    package init() {}
    package var name: String { "Camisani-Calzolari human points" }

    package func isFake(_ p: FanProfile, now: Date) -> Bool? {
        var possible = 0
        var earned = 0
        func point(_ result: Bool?) {
            guard let result else { return }
            possible += 1
            if result { earned += 1 }
        }
        point(p.avatar)  // has a profile picture
        point(p.hasLocation)  // gives a location
        point(p.hasBio)  // has a bio
        point(p.followers.map { $0 >= 30 })  // at least 30 followers
        point(p.posts.map { $0 >= 50 })  // at least 50 posts
        if let followers = p.followers, let following = p.following {
            point(2 * followers >= following)  // 2 × followers ≥ following
        }
        point(p.linkShare.map { $0 < 1 })  // posts not made only of links
        point(p.repostShare.map { $0 < 1 })  // writes something of its own
        point(p.verified)  // verified
        guard possible > 0 else { return nil }
        return 2 * earned < possible
    }
}

/// The warning signs State of Search listed (2012): no bio, default picture, following far more than
/// followed, never posted, only reposts. Decision: fake when two or more signs show, because a single
/// one (a missing bio) is common among real people.
package struct StateOfSearchRules: FanRuleSet {
    package init() {}
    package var name: String { "State of Search" }

    package func isFake(_ p: FanProfile, now: Date) -> Bool? {
        var checked = false
        var signs = 0
        func sign(_ result: Bool?) {
            guard let result else { return }
            checked = true
            if result { signs += 1 }
        }
        sign(p.hasBio.map { !$0 })
        sign(p.avatar.map { !$0 })
        if let followers = p.followers, let following = p.following {
            sign(Double(following) >= 10 * Double(Swift.max(followers, 1)))
        }
        sign(p.posts.map { $0 == 0 })
        sign(p.repostShare.map { $0 >= 0.9 })
        return checked ? signs >= 2 : nil
    }
}
