import Foundation
import JSON
import Testing
@testable import KOLCore

/// Scores with hand-computed component values, renormalisation over missing data, and confidence.
struct ScoringScoreTests {
    typealias F = ScoringFixture
    static let peers = (1...3).map { KOL(id: "peer\($0)", stars: 2, followers: 100_000, price: 1_000) }

    @Test func missingDataIsLeftOutAndWeightsRenormalised() throws {
        // Only stars, followers and price: starsFollowers = 100 (z 0), value = ramp(price ratio 2; 1 → 100,
        // 3 → 0) = 50. Score = (0.10·100 + 0.15·50) / 0.25 = 70. Geography does not apply (no target
        // regions); relevance lacks brief keywords and the rest lack KOL data.
        let kol = KOL(id: "k", stars: 2, followers: 100_000, price: 2_000)
        let engine = F.engine([kol] + Self.peers, brief: Brief())
        let score = engine.score(kol)
        #expect(score.components.map(\.name) == [.starsFollowers, .value])
        #expect(score.components.map(\.value) == [100, 50])
        #expect(abs((score.score ?? 0) - 70) < 1e-9)
        // Applicable weight: 1.10 − 0.15 (geography) = 0.95 (fanQuality counts: no fanSample); present 0.25.
        #expect(abs(score.confidence - 0.25 / 0.95) < 1e-9)
        #expect(score.missing.contains("fanSample"))
        #expect(score.notApplicable[.geography] != nil)
        #expect(score.missing.contains("brief.keywords"))
        #expect(score.missing.contains("followerRegions") == false)  // not applicable, so not "missing"
        #expect(score.missing.contains("posts"))
    }

    @Test func weightOverridesByComponentName() {
        let kol = KOL(id: "k", stars: 2, followers: 100_000, price: 2_000)
        let brief = Brief(weights: ["value": 0.45])
        let score = F.engine([kol] + Self.peers, brief: brief).score(kol)
        // (0.10·100 + 0.45·50) / 0.55 = 59.09
        #expect(abs((score.score ?? 0) - 32.5 / 0.55) < 1e-9)
        // The request overrides the brief; weight 0 switches a component off.
        let off = F.engine([kol] + Self.peers, brief: brief, weights: ["value": 0]).score(kol)
        #expect(off.score == 100)
    }

    @Test func nothingKnownMeansNoScoreNotZero() {
        let score = F.engine([KOL(id: "k")], brief: nil).score(KOL(id: "k"))
        #expect(score.score == nil)
        #expect(score.confidence == 0)
        #expect(score.json["score"] == .null)
    }

    @Test func redFlagsCostPoints() {
        // Dormant (error, −25): activity = (ramp(100 days; 7 → 100, 60 → 0) = 0 + ramp(0 posts/week) = 0) / 2 = 0.
        let kol = KOL(id: "k", posts: [F.post(daysAgo: 100)])
        let score = F.engine([kol], brief: Brief()).score(kol)
        #expect(score.redFlagPenalty == 25)
        #expect(score.components.first { $0.name == .activity }?.value == 0)
    }

    @Test func engagementComponentHandComputed() throws {
        // 100 000 followers, posts of 10 + 40 + 150 = 200 interactions (ER 0.2 %, ratio 0.0778 → rate part 0);
        // repost ratio 10 / 190 → 100; reply rate 2/40 = 5 % → 100. (3·0 + 100 + 100) / 5 = 40.
        let kol = KOL(id: "k", followers: 100_000, posts: (1...3).map { _ in F.post(replies: 2) })
        let component = try #require(F.engine([kol], brief: Brief()).score(kol).components.first { $0.name == .engagement })
        #expect(abs(component.value - 40) < 1e-9)
        #expect(component.measured["tier"] == "100K–1M")
    }

    @Test func relevanceAndGeographyHandComputed() throws {
        // 2 of 4 posts mention 龙井 → share 0.5 → keyword part ramp(0.5; 0.6 → 100) = 83.33; all posts on one
        // topic (tea via the lexicon... and none for the others) → spread over tea + nothing.
        let posts = [F.post(text: "龙井"), F.post(text: "龙井"), F.post(text: "跑步"), F.post(text: "跑步")]
        let kol = KOL(id: "k", followerRegions: FollowerRegions(entries: [.init(region: "上海市", value: 0.0352)]),
                      posts: posts)
        let brief = Brief(keywords: ["龙井"], targetRegions: ["上海"])
        let score = F.engine([kol], brief: brief).score(kol)
        let relevance = try #require(score.components.first { $0.name == .relevance })
        // Topics: tea ×2 (龙井 cue), sports ×2 (跑步 cue) → H = ln 2, k = 17 → 0.2447; focus = 75.53.
        let focus = 100 * (1 - Foundation.log(2.0) / Foundation.log(17.0))
        #expect(abs(relevance.value - (0.7 * 100 * 0.5 / 0.6 + 0.3 * focus)) < 1e-9)
        let geography = try #require(score.components.first { $0.name == .geography })
        // 上海 is 2487.1 / 140 977.9 万 = 1.76 % of the population; 3.52 % share → lift ≈ 2.0 → 66.6.
        let lift = 0.0352 / (2487.1 / ProvincePopulation.total)
        #expect(abs(geography.value - 100 * lift / 3) < 1e-9)
    }

    @Test func provincePopulationTableMatchesCensusTotal() {
        #expect(ProvincePopulation.tenThousands.count == 31)
        #expect(abs(ProvincePopulation.total - 140_977.9) < 0.5)  // 141 177.9 万 minus ~200 万 servicemen
        let eastern = ["浙江", "上海", "江苏"].compactMap(ProvincePopulation.share(of:)).reduce(0, +)
        #expect(abs(eastern - 0.1236) < 0.0005)
        #expect(RegionNames.province(of: "杭州市") == "浙江")
        #expect(RegionNames.province(of: "Zhejiang") == "浙江")
        #expect(RegionNames.province(of: "广西壮族自治区") == "广西")
        #expect(RegionNames.province(of: "香港") == nil)
    }

    @Test func featuresAreReusedFromCache() {
        let kol = KOL(id: "k", followers: 100_000, posts: [F.post()])
        var cached = KOLFeatures(kol: kol)
        cached.followers = 50_000  // a stale cache entry is used as given: the Server owns invalidation
        let engine = ScoringEngine(workspace: Workspace(kols: [kol]), now: F.now, featureCache: ["k": cached])
        #expect(engine.features(of: kol).followers == 50_000)
    }
}

/// Bad input never crashes the scorer.
struct ScoringRobustnessTests {
    typealias F = ScoringFixture

    @Test func absurdNumbersDoNotTrap() {
        let huge = Post(at: F.now, text: "茶", reposts: Int.max, comments: Int.max, likes: Int.max, kolReplies: Int.max)
        let kol = KOL(id: "k", stars: .nan, followers: Int.max, createdAt: KOLDate(year: 0, month: 1, day: 1),
                      price: .infinity, followerHistory: (0..<6).map { FollowerCount(date: F.day(2026, 1, 1 + $0), followers: $0 % 2 == 0 ? Int.max : 0) },
                      followerRegions: FollowerRegions(entries: [.init(region: "", value: .greatestFiniteMagnitude)]),
                      posts: [huge, huge, huge, huge, huge], channels: [Channel(platform: nil, followers: Int.max)])
        let engine = F.engine([kol, KOL(id: "b", stars: 7, followers: -5, price: -1)],
                              brief: Brief(keywords: [""], targetRegions: ["火星"], budget: 1e300))
        _ = engine.score(kol)
        _ = engine.redFlags(kol)
        let rank = engine.rank(RankRequest(offset: -3, limit: -1, budget: .infinity))
        #expect(rank.kols.isEmpty)
        #expect(engine.rank(RankRequest(budget: 1e300)).total == 2)
    }
}
