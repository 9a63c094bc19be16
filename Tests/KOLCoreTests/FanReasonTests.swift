import Foundation
import Testing
@testable import KOLCore

@Suite struct FanReasonTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    func daysAgo(_ d: Double) -> Date { now.addingTimeInterval(-d * 86_400) }
    func text(_ kind: FanReasonKind, _ p: FanProfile, fake: Bool) -> String {
        FanReasonWriter.text(kind, profile: p, values: FanFeatureValues(profile: p, now: now), fake: fake)
    }

    @Test func audienceWords() {
        #expect(text(.audience, FanProfile(followers: 3, following: 2000), fake: true)
            == "follows 2,000 accounts but has 3 followers")
        #expect(text(.audience, FanProfile(followers: 1, following: 1), fake: true) == "has only 1 follower")
        #expect(text(.audience, FanProfile(followers: 5400, following: 300), fake: false)
            == "has 5,400 followers and follows 300 accounts")
        #expect(text(.audience, FanProfile(following: 7), fake: true) == "follows 7 accounts")
    }

    @Test func activityAgeAndProfileWords() {
        #expect(text(.activity, FanProfile(posts: 0), fake: true) == "has never posted")
        #expect(text(.activity, FanProfile(posts: 12, createdAt: daysAgo(900)), fake: true)
            == "only 12 posts in 2 years")
        #expect(text(.activity, FanProfile(posts: 1), fake: true) == "has posted only 1 time")
        #expect(text(.activity, FanProfile(posts: 31_200), fake: false) == "has posted 31,200 times")
        #expect(text(.accountAge, FanProfile(createdAt: daysAgo(9)), fake: true) == "account 9 days old")
        #expect(text(.accountAge, FanProfile(createdAt: daysAgo(1)), fake: true) == "account 1 day old")
        #expect(text(.accountAge, FanProfile(createdAt: daysAgo(6 * 365.25 + 3)), fake: false)
            == "account 6 years old")
        #expect(text(.avatar, FanProfile(avatar: false), fake: true) == "no profile picture")
        #expect(text(.bio, FanProfile(bio: ""), fake: true) == "no bio")
        #expect(text(.bio, FanProfile(bio: "茶"), fake: false) == "has a bio")
        #expect(text(.verified, FanProfile(verified: true), fake: false) == "verified account")
        #expect(text(.reposts, FanProfile(repostShare: 0.92), fake: true) == "92 % of posts are reposts")
        #expect(text(.links, FanProfile(linkShare: 0.8), fake: true) == "80 % of posts carry links")
        #expect(text(.lastPost, FanProfile(lastPostAt: daysAgo(400)), fake: true) == "last posted 400 days ago")
    }

    @Test func numberGrouping() {
        #expect(FanReasonWriter.grouped(0) == "0")
        #expect(FanReasonWriter.grouped(999) == "999")
        #expect(FanReasonWriter.grouped(1000) == "1,000")
        #expect(FanReasonWriter.grouped(1_234_567) == "1,234,567")
        #expect(FanReasonWriter.grouped(-45_000) == "-45,000")
    }

    @Test func boughtLookingFanGetsTheStrongestReasonsFirst() throws {
        let p = FanProfile(followers: 3, following: 2000, posts: 0, createdAt: daysAgo(9), avatar: false, bio: "")
        let v = FanAudit.classify(FanSampleEntry(id: "f1", profile: p), now: now)
        #expect(v.fake)
        #expect(v.probability > 0.99)
        #expect(v.reasons.count == 3)
        #expect(v.reasons.first?.text == "follows 2,000 accounts but has 3 followers")
        let texts = v.reasons.map(\.text)
        #expect(texts.contains("has never posted"))
        // Strongest first, every reason pushes towards "fake".
        #expect(zip(v.reasons, v.reasons.dropFirst()).allSatisfy { abs($0.logOdds) >= abs($1.logOdds) })
        #expect(v.reasons.allSatisfy { $0.logOdds > 0 })
    }

    @Test func newAccountAndMissingPictureAreNamed() throws {
        // Counts look ordinary, so age and picture are what is left to say.
        let p = FanProfile(followers: 40, following: 60, posts: 5, createdAt: daysAgo(9), avatar: false, bio: "")
        let v = FanAudit.classify(FanSampleEntry(profile: p), now: now, reasonLimit: 10)
        let texts = v.reasons.map(\.text)
        #expect(v.fake)
        #expect(texts.contains("account 9 days old"))
        #expect(texts.contains("no profile picture"))
    }

    @Test func genuineFanGetsGenuineReasons() {
        let p = FanProfile(followers: 5400, following: 300, posts: 31_200, createdAt: daysAgo(3000), avatar: true,
                           bio: "喝茶", verified: true)
        let v = FanAudit.classify(FanSampleEntry(profile: p), now: now)
        #expect(!v.fake)
        #expect(v.probability < 0.01)
        #expect(v.reasons.allSatisfy { $0.logOdds < 0 })
        #expect(v.reasons.first?.text == "has 5,400 followers and follows 300 accounts")
    }

    @Test func reasonLimitIsRespected() {
        let p = FanProfile(followers: 3, following: 2000, posts: 0, createdAt: daysAgo(9), avatar: false, bio: "")
        #expect(FanAudit.classify(FanSampleEntry(profile: p), now: now, reasonLimit: 1).reasons.count == 1)
        #expect(FanAudit.classify(FanSampleEntry(profile: p), now: now, reasonLimit: 0).reasons.isEmpty)
    }
}
