import JSON
import Testing
@testable import KOLCore

/// `fake-fans` and the `fanQuality` component on constructed samples: a bought shell (3 followers, follows
/// 2,000, never posted, 25 days old, no picture, no bio) and an active person (5,400 followers, 4,200 posts,
/// 11 years old), whose verdicts are clear-cut (probability 1.0 and 0.0).
struct ScoringFanQualityTests {
    static func bot(_ i: Int) -> Fan {
        Fan(id: "bot\(i)", followers: 3, following: 2000, posts: 0, createdAt: ScoringFixture.day(2026, 11, 1),
            avatar: false, bio: "")
    }
    static func person(_ i: Int) -> Fan {
        Fan(id: "fan\(i)", followers: 5400, following: 300, posts: 4200, createdAt: ScoringFixture.day(2015, 3, 1),
            avatar: true, bio: "爱喝茶")
    }
    static func kol(fake: Int, genuine: Int) -> KOL {
        KOL(id: "k", stars: 3, followers: 300_000, price: 4000,
            fanSample: (0..<fake).map(bot) + (0..<genuine).map(person))
    }

    @Test func tripsJustAboveTheThresholdAndNotJustBelow() throws {
        // 8 / 30 = 26.7 % > 25 %: raised; 7 / 30 = 23.3 %: passed.
        let raised = try #require(ScoringFixture.outcome(.fakeFans, Self.kol(fake: 8, genuine: 22))?.flag)
        #expect(raised.severity == .error)
        #expect(raised.fieldPath == "fanSample")
        #expect(raised.evidence["fakeShare"] == .double(0.2667))
        #expect(raised.evidence["fakeCount"] == .int(8) && raised.evidence["assessed"] == .int(30))
        #expect(raised.message.hasPrefix("8 of 30 sampled fans look fake: 26.7 %"))
        let passed = ScoringFixture.outcome(.fakeFans, Self.kol(fake: 7, genuine: 23))
        #expect(ScoringFixture.isPassed(passed))
        #expect(ScoringFixture.evidence(passed)?["fakeShare"] == .double(0.2333))
    }

    @Test func thresholdsAreOverridable() {
        // A bare number replaces maxFakeShare; minAssessedFans lets a smaller sample be judged.
        let kol = Self.kol(fake: 8, genuine: 22)
        #expect(ScoringFixture.isPassed(ScoringFixture.outcome(.fakeFans, kol, thresholds: ["fake-fans": 0.3])))
        let small = Self.kol(fake: 10, genuine: 10)
        #expect(!ScoringFixture.isRaised(ScoringFixture.outcome(.fakeFans, small)))
        #expect(ScoringFixture.isRaised(ScoringFixture.outcome(.fakeFans, small,
                                                               thresholds: ["fake-fans": ["minAssessedFans": 20]])))
    }

    @Test func tooFewOrNoFansLeaveTheComponentOutAndSkipTheRule() throws {
        let small = Self.kol(fake: 10, genuine: 10)
        guard case .skipped(let needed)? = ScoringFixture.outcome(.fakeFans, small) else {
            Issue.record("expected skipped"); return
        }
        #expect(needed.first?.field == "fanSample (at least 30 assessable fans; 20 now)")
        let score = ScoringFixture.engine([small]).score(small)
        #expect(!score.components.contains { $0.name == .fanQuality })
        #expect(score.missing.contains("fanSample (at least 30 assessable fans; 20 now)"))
        let none = KOL(id: "n", stars: 3, followers: 300_000, price: 4000)
        #expect(ScoringFixture.engine([none]).score(none).missing.contains("fanSample"))
    }

    @Test func componentIsOneMinusTheFakeShareWithTheInterval() throws {
        let kol = Self.kol(fake: 8, genuine: 22)
        let score = ScoringFixture.engine([kol]).score(kol)
        let component = try #require(score.components.first { $0.name == .fanQuality })
        #expect(abs(component.value - 100 * 22 / 30) < 1e-9)
        #expect(component.weight == 0.10)
        // Wilson 95 % for 8 / 30: centre (p + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p(1−p)/n + z²/4n²).
        let (p, n, z) = (8.0 / 30, 30.0, 1.959964)
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        #expect(component.measured["interval"] == .array([.double(Scoring.round(centre - half, 4)),
                                                           .double(Scoring.round(centre + half, 4))]))
        #expect(component.explanation.hasPrefix("8 of 30 sampled fans look fake: 26.7 % (95 % interval"))
        #expect(score.redFlagPenalty == 25)  // one error (fake-fans)
    }
}
