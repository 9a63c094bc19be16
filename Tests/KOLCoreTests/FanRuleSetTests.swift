import Foundation
import Testing
@testable import KOLCore

@Suite struct FanRuleSetTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    func daysAgo(_ d: Double) -> Date { now.addingTimeInterval(-d * 86_400) }

    @Test func socialbakersAnyCriterion() {
        let rules = SocialbakersRules()
        #expect(rules.isFake(FanProfile(followers: 2, following: 100), now: now) == true)  // 100 ≥ 50·2
        #expect(rules.isFake(FanProfile(followers: 3, following: 100), now: now) == false)
        #expect(rules.isFake(FanProfile(posts: 0), now: now) == true)
        #expect(rules.isFake(FanProfile(repostShare: 0.9), now: now) == true)
        #expect(rules.isFake(FanProfile(linkShare: 0.89), now: now) == false)
        #expect(rules.isFake(FanProfile(createdAt: daysAgo(61), avatar: false), now: now) == true)
        #expect(rules.isFake(FanProfile(createdAt: daysAgo(30), avatar: false), now: now) == false)
        #expect(rules.isFake(FanProfile(following: 101, bio: "", location: ""), now: now) == true)
        #expect(rules.isFake(FanProfile(following: 101, bio: "", location: "杭州"), now: now) == false)
        #expect(rules.isFake(FanProfile(), now: now) == nil)  // nothing checkable
    }

    @Test func camisaniCalzolariHalfThePoints() {
        let rules = CamisaniCalzolariRules()
        // 4 checkable points (avatar, location, bio, ≥ 30 followers), 2 earned: genuine (not below half).
        #expect(rules.isFake(FanProfile(followers: 40, avatar: true, bio: "", location: ""), now: now) == false)
        // 1 of 4: fake.
        #expect(rules.isFake(FanProfile(followers: 4, avatar: true, bio: "", location: ""), now: now) == true)
        // Followers + following adds two checks: ≥ 30 followers and 2·followers ≥ following.
        #expect(rules.isFake(FanProfile(followers: 10, following: 500), now: now) == true)
        #expect(rules.isFake(FanProfile(), now: now) == nil)
    }

    @Test func stateOfSearchNeedsTwoSigns() {
        let rules = StateOfSearchRules()
        #expect(rules.isFake(FanProfile(avatar: true, bio: ""), now: now) == false)  // one sign
        #expect(rules.isFake(FanProfile(avatar: false, bio: ""), now: now) == true)  // two
        #expect(rules.isFake(FanProfile(followers: 1, following: 10, posts: 0), now: now) == true)
        #expect(rules.isFake(FanProfile(), now: now) == nil)
    }

    @Test func unjudgeableRowsCountAsGenuine() {
        let rows = [
            LabeledFan(profile: FanProfile(), observedAt: now, isFake: true),
            LabeledFan(profile: FanProfile(posts: 0), observedAt: now, isFake: true),
            LabeledFan(profile: FanProfile(posts: 10), observedAt: now, isFake: false),
        ]
        let m = FanModelTrainer.evaluate(SocialbakersRules(), on: rows)
        #expect(m.truePositives == 1 && m.falseNegatives == 1 && m.trueNegatives == 1)
        #expect(m.balancedAccuracy == 0.75)
    }
}
