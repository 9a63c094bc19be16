import Foundation
import Testing
@testable import KOLCore

@Suite struct FanFeatureTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    func daysAgo(_ d: Double) -> Date { now.addingTimeInterval(-d * 86_400) }

    @Test func everythingMissingIsUnknownNotZero() {
        let v = FanFeatureValues(profile: FanProfile(), now: now)
        #expect(v.values.isEmpty)
        #expect(v.accountAgeDays == nil)
    }

    @Test func countsRatiosAndAges() throws {
        let p = FanProfile(
            followers: 3, following: 2000, posts: 99, createdAt: daysAgo(9), avatar: false, bio: "  ",
            location: "上海", verified: false, lastPostAt: daysAgo(2), repostShare: 0.5, linkShare: 1.7)
        let v = FanFeatureValues(profile: p, now: now)
        #expect(v[.logFollowers] == log(4))
        #expect(v[.logFollowing] == log(2001))
        #expect(abs((v[.followingPerFollower] ?? 0) - log(2001.0 / 4.0)) < 1e-12)
        #expect(v[.logPosts] == log(100))
        #expect(abs((v.accountAgeDays ?? 0) - 9) < 1e-9)
        #expect(abs((v[.logPostsPerDay] ?? 0) - log1p(11)) < 1e-9)  // 99 posts / 9 days
        #expect(v[.hasAvatar] == 0)
        #expect(v[.hasBio] == 0)  // blank bio = no bio
        #expect(v[.hasLocation] == 1)
        #expect(v[.verified] == 0)
        #expect(abs((v.daysSinceLastPost ?? 0) - 2) < 1e-9)
        #expect(v[.repostShare] == 0.5)
        #expect(v[.linkShare] == 1)  // clamped to a share
    }

    @Test func badInputsBecomeUnknown() {
        let p = FanProfile(followers: -5, following: 10, posts: 4, createdAt: now.addingTimeInterval(86_400 * 3),
                           repostShare: .nan)
        let v = FanFeatureValues(profile: p, now: now)
        #expect(v[.logFollowers] == nil)
        #expect(v[.followingPerFollower] == nil)  // needs both counts
        #expect(v[.logFollowing] == log(11))
        #expect(v.accountAgeDays == 0)  // created "in the future": age 0, not negative
        #expect(v[.logPostsPerDay] == log1p(4))  // at least one day
        #expect(v[.repostShare] == nil)
    }

    @Test func missingFeaturesContributeNothing() {
        let m = FanModel.committed
        let v = FanFeatureValues(profile: FanProfile(posts: 10), now: now)
        let c = m.contributions(v)
        for f in m.features where f != .logPosts { #expect(c[f] == 0 || c[f] == nil) }
        #expect(abs(m.logOdds(v) - (m.logistic.intercept + (c[.logPosts] ?? 0))) < 1e-12)
    }

    @Test func priorsApplyOnlyToUnfittedFeatures() {
        let m = FanModel.committed
        #expect(!m.isFitted(.hasAvatar) && !m.isFitted(.verified))
        let none = m.contributions(FanFeatureValues(profile: FanProfile(avatar: false), now: now))
        #expect(none[.hasAvatar] == 1.0)
        let verified = m.contributions(FanFeatureValues(profile: FanProfile(verified: true), now: now))
        #expect(verified[.verified] == -2.0)
        let reposts = m.contributions(FanFeatureValues(profile: FanProfile(repostShare: 0.95), now: now))
        #expect(reposts[.repostShare] == 1.0)
        // A fitted feature ignores any prior on it.
        var custom = m
        custom.priors = [FanFeaturePrior(feature: .hasBio, condition: .equals(0), logOdds: 50)]
        let bio = custom.contributions(FanFeatureValues(profile: FanProfile(bio: ""), now: now))
        #expect((bio[.hasBio] ?? 0) < 5)
    }
}
