import Foundation
import JSON
import Testing
@testable import KOLCore

/// Each rule: a KOL that trips it and one that just doesn't (at the threshold), with hand-computed values.
struct RedFlagRuleTests {
    typealias F = ScoringFixture

    // Peers: three ★2 accounts with 100 000 followers and price 1 000 (log10 median 5, MAD 0 → floor 0.05).
    static let peers = (1...3).map { KOL(id: "peer\($0)", stars: 2, followers: 100_000, price: 1_000) }

    @Test func starsFollowersMismatch() {
        let kol = KOL(id: "k", stars: 2, followers: 1_000_000)
        let tripped = F.outcome(.starsFollowersMismatch, kol, peers: Self.peers)
        #expect(F.isRaised(tripped))
        // ratio = 10^6 / 10^5 = 10; z = (6 − 5) / (1.4826 · 0.05) = 13.49
        #expect(F.number(F.evidence(tripped)?["ratioToPeers"]) == 10)
        #expect(abs((F.number(F.evidence(tripped)?["robustZ"]) ?? 0) - 13.49) < 0.01)
        #expect(tripped?.flag?.severity == .error)
        let atThreshold = F.outcome(.starsFollowersMismatch, kol, peers: Self.peers,
                                    thresholds: ["stars-followers-mismatch": ["minRatioToPeers": 10]])
        #expect(F.isPassed(atThreshold))
        // A bare number overrides the primary parameter (minRobustZ).
        #expect(F.isPassed(F.outcome(.starsFollowersMismatch, kol, peers: Self.peers,
                                     thresholds: ["stars-followers-mismatch": 14])))
    }

    @Test func starsFollowersFallsBackToBuiltInTable() {
        // No peers at all: ★2 row of the built-in table (100 000, MAD 0.30).
        let kol = KOL(id: "k", stars: 2, followers: 1_000_000)
        let outcome = F.outcome(.starsFollowersMismatch, kol)
        // z = 1 / (1.4826 · 0.30) = 2.25 < 3.5: the wide built-in MAD only flags gross mismatches.
        #expect(F.isPassed(outcome))
        guard case .object(let peers)? = F.evidence(outcome)?["peers"] else { Issue.record("no peers"); return }
        #expect(peers["basis"] == "built-in star-level table")
    }

    static func history(_ followers: [Int]) -> [FollowerCount] {
        followers.enumerated().map { i, count in
            FollowerCount(date: KOLDate(secondsSinceEpoch: F.day(2026, 9, 1).secondsSinceEpoch + Int64(i * 7 * 86_400),
                                        form: .dateOnly), followers: count)
        }
    }

    @Test func growthSpike() {
        // Gains 7 000/week = 1 000/day, then 9 450 = 1 350/day: median 1 000, MAD 0 → scale 10 % of 1 000 = 100,
        // z = 350 / 100 = 3.5 exactly: not above the cutoff.
        let steady = KOL(id: "k", followers: 130_450, followerHistory: Self.history([100_000, 107_000, 114_000, 121_000, 130_450]))
        let atThreshold = F.outcome(.growthSpike, steady)
        #expect(F.isPassed(atThreshold))
        #expect(F.number(F.evidence(atThreshold)?["maxRobustZ"]) == 3.5)
        let spiky = KOL(id: "k", followers: 130_457, followerHistory: Self.history([100_000, 107_000, 114_000, 121_000, 130_457]))
        let tripped = F.outcome(.growthSpike, spiky)
        #expect(F.isRaised(tripped))
        #expect(F.number(F.evidence(tripped)?["maxRobustZ"]) == 3.51)
        // Too short a history: skipped, with the need stated.
        if case .skipped(let needed)? = F.outcome(.growthSpike, KOL(id: "k", followerHistory: Self.history([1, 2, 3]))) {
            #expect(needed.first?.present == false)
        } else {
            Issue.record("expected skipped")
        }
    }

    @Test func youngAccountFastGrowth() {
        let atThreshold = KOL(id: "k", followers: 1_000_000, createdAt: F.day(2025, 11, 26))  // exactly 365 days
        #expect(F.isPassed(F.outcome(.youngAccountFastGrowth, atThreshold)))
        let young = KOL(id: "k", followers: 1_000_000, createdAt: F.day(2025, 11, 27))  // 364 days, 2 747/day
        let tripped = F.outcome(.youngAccountFastGrowth, young)
        #expect(F.isRaised(tripped))
        #expect(F.number(F.evidence(tripped)?["followersPerDay"]) == 2747.3)
    }

    @Test func lowEngagement() {
        // 100 000 followers (tier 100K–1M, benchmark 2.57 %); 3 posts of 500 interactions → ER 0.5 %,
        // ratio 0.005 / 0.0257 = 0.1946 < 0.2.
        let posts = (1...3).map { _ in F.post(reposts: 0, comments: 100, likes: 400) }
        let kol = KOL(id: "k", followers: 100_000, posts: posts)
        let tripped = F.outcome(.lowEngagement, kol)
        #expect(F.isRaised(tripped))
        #expect(F.number(F.evidence(tripped)?["ratioToBenchmark"]) == 0.195)
        let ratio = (500.0 / 100_000) / 0.0257
        #expect(F.isPassed(F.outcome(.lowEngagement, kol, thresholds: ["low-engagement": .double(ratio)])))
    }

    @Test func boughtReposts() {
        let atThreshold = KOL(id: "k", followers: 10_000, posts: (1...3).map { _ in F.post(reposts: 300, comments: 20, likes: 80) })
        #expect(F.isPassed(F.outcome(.boughtReposts, atThreshold)))  // 300 / 100 = 3, not above 3
        let bought = KOL(id: "k", followers: 10_000, posts: (1...3).map { _ in F.post(reposts: 301, comments: 20, likes: 80) })
        let tripped = F.outcome(.boughtReposts, bought)
        #expect(F.isRaised(tripped))
        #expect(F.number(F.evidence(tripped)?["medianRepostRatio"]) == 3.01)
    }

    @Test func engagementConcentrated() {
        // 10 posts: nine with 100 interactions, one with 900 → top 1 post holds 900 / 1 800 = 50 %.
        let even = (1...9).map { _ in F.post(reposts: 0, comments: 20, likes: 80) }
        let atThreshold = KOL(id: "k", followers: 10_000, posts: even + [F.post(reposts: 0, comments: 100, likes: 800)])
        let passed = F.outcome(.engagementConcentrated, atThreshold)
        #expect(F.isPassed(passed))
        #expect(F.number(F.evidence(passed)?["topShare"]) == 0.5)
        let viral = KOL(id: "k", followers: 10_000, posts: even + [F.post(reposts: 1, comments: 100, likes: 800)])
        #expect(F.isRaised(F.outcome(.engagementConcentrated, viral)))
    }

    @Test func silentKOL() {
        let atThreshold = KOL(id: "k", posts: [F.post(comments: 100, replies: 1)])  // 1 %
        #expect(F.isPassed(F.outcome(.silentKOL, atThreshold)))
        let silent = KOL(id: "k", posts: [F.post(comments: 101, replies: 1)])  // 0.99 %
        let tripped = F.outcome(.silentKOL, silent)
        #expect(F.isRaised(tripped))
        #expect(tripped?.flag?.severity == .information)
        // No kolReplies anywhere: unknown, so skipped rather than silent.
        if case .skipped? = F.outcome(.silentKOL, KOL(id: "k", posts: [F.post(comments: 500)])) {} else {
            Issue.record("expected skipped")
        }
    }

    @Test func generalist() {
        let eight = ["汽车", "理财", "健身", "游戏", "数码", "宠物", "电影", "茶"]
        let spread = KOL(id: "k", posts: eight.map { F.post(text: "今天聊聊\($0)", topics: [$0]) })
        let tripped = F.outcome(.generalist, spread)
        // 8 topics evenly over k = 17 lexicon categories: ln 8 / ln 17 = 0.734 > 0.7.
        #expect(F.isRaised(tripped))
        #expect(F.number(F.evidence(tripped)?["normalisedEntropy"]) == 0.734)
        let exact = Foundation.log(8.0) / Foundation.log(17.0)
        #expect(F.isPassed(F.outcome(.generalist, spread, thresholds: ["generalist": .double(exact + 1e-12)])))
        let focused = KOL(id: "k", posts: (1...6).map { _ in F.post(topics: ["茶"]) })
        #expect(F.number(F.evidence(F.outcome(.generalist, focused))?["normalisedEntropy"]) == 0)
    }

    @Test func offTopic() {
        // Keyword 龙井 (one bigram). 1 of 5 posts matches: 20 %, not under 20 %.
        let texts = ["西湖龙井真香", "今天跑步十公里", "健身房打卡", "增肌餐", "早睡早起"]
        let atThreshold = KOL(id: "k", posts: texts.map { F.post(text: $0) })
        #expect(F.isPassed(F.outcome(.offTopic, atThreshold)))
        let off = KOL(id: "k", posts: texts.dropFirst().map { F.post(text: $0) } + [F.post(text: "龙虾和井水")])
        let tripped = F.outcome(.offTopic, off)
        #expect(F.isRaised(tripped))  // 龙 and 井 apart are not the bigram 龙井
        #expect(F.number(F.evidence(tripped)?["keywordPostShare"]) == 0)
        // English keywords match whole words: "tea" is not in "steak".
        let english = KOL(id: "k", posts: ["best steak", "Tea time!", "tea, again", "no", "nope"].map { F.post(text: $0) })
        let englishOutcome = F.outcome(.offTopic, english, brief: Brief(keywords: ["tea"]))
        #expect(F.number(F.evidence(englishOutcome)?["matchingPosts"]) == 2)
    }

    @Test func offRegion() {
        let brief = Brief(keywords: ["龙井"], targetRegions: ["浙江省"])
        let baseline = 6456.8 / ProvincePopulation.total  // 4.57 %
        let far = KOL(id: "k", followerRegions: FollowerRegions(entries: [.init(region: "黑龙江", value: 0.5),
                                                                          .init(region: "浙江", value: 0.01)]))
        let tripped = F.outcome(.offRegion, far, brief: brief)
        #expect(F.isRaised(tripped))
        #expect(F.number(F.evidence(tripped)?["lift"]) == Scoring.round(0.01 / baseline, 2))
        // Cities count for their province: 杭州 30 % → lift 6.6.
        let local = KOL(id: "k", followerRegions: FollowerRegions(entries: [.init(region: "杭州", value: 0.3)]))
        #expect(F.isPassed(F.outcome(.offRegion, local, brief: brief)))
        // At the threshold (lift = override) it passes.
        let lift = 0.01 / baseline
        #expect(F.isPassed(F.outcome(.offRegion, far, brief: brief, thresholds: ["off-region": .double(lift)])))
        // Nationwide brief: not applicable.
        if case .notApplicable? = F.outcome(.offRegion, far, brief: Brief(keywords: ["茶"], targetRegions: [])) {} else {
            Issue.record("expected notApplicable")
        }
    }

    @Test func dormant() {
        let atThreshold = KOL(id: "k", posts: [F.post(daysAgo: 30)])
        #expect(F.isPassed(F.outcome(.dormant, atThreshold)))
        let tripped = F.outcome(.dormant, KOL(id: "k", posts: [F.post(daysAgo: 31)]))
        #expect(F.isRaised(tripped))
        #expect(F.number(F.evidence(tripped)?["daysSinceLastPost"]) == 31)
        #expect(F.isRaised(F.outcome(.dormant, KOL(id: "k", posts: []))))  // explicitly no posts
        if case .skipped? = F.outcome(.dormant, KOL(id: "k")) {} else { Issue.record("absent posts are unknown") }
    }

    @Test func priceOutlier() {
        let atThreshold = KOL(id: "k", stars: 2, price: 3_000)  // 3× the peers' 1 000
        #expect(F.isPassed(F.outcome(.priceOutlier, atThreshold, peers: Self.peers)))
        let tripped = F.outcome(.priceOutlier, KOL(id: "k", stars: 2, price: 3_001), peers: Self.peers)
        #expect(F.isRaised(tripped))
        #expect(F.number(F.evidence(tripped)?["priceRatio"]) == 3)  // 3.001 rounded to 2 digits
        #expect(F.number(F.evidence(tripped)?["peerMedianPrice"]) == 1_000)
    }

    @Test func noOtherMedia() {
        #expect(F.isRaised(F.outcome(.noOtherMedia, KOL(id: "k", channels: []))))
        #expect(F.isRaised(F.outcome(.noOtherMedia, KOL(id: "k", channels: [Channel(platform: "weibo")]))))
        #expect(F.isPassed(F.outcome(.noOtherMedia, KOL(id: "k", channels: [Channel(platform: "wechat")]))))
        if case .skipped? = F.outcome(.noOtherMedia, KOL(id: "k")) {} else { Issue.record("absent channels are unknown") }
    }

    @Test func channelTopicMismatch() {
        let posts = (1...3).map { _ in F.post(topics: ["茶"]) }
        let mismatch = KOL(id: "k", posts: posts, channels: [Channel(platform: "wechat", topics: ["汽车", "理财"])])
        let tripped = F.outcome(.channelTopicMismatch, mismatch)
        #expect(F.isRaised(tripped))
        #expect(tripped?.flag?.fieldPath == "channels[0]")
        // 1 of 5 channel topics (茶) is also a Weibo topic: overlap 0.2, not under 0.2.
        let atThreshold = KOL(id: "k", posts: posts,
                              channels: [Channel(platform: "wechat", topics: ["茶", "汽车", "理财", "游戏", "电影"])])
        #expect(F.isPassed(F.outcome(.channelTopicMismatch, atThreshold)))
    }

    @Test func everyStandardRuleHasDocumentedParameters() {
        let codes = ScoringCatalog.standard.rules.map(\.code.rawValue)
        #expect(codes.count == 17 && Set(codes).count == 17)  // issue 4's 14 and the 3 tone rules
        for rule in ScoringCatalog.standard.rules {
            #expect(!rule.parameters.isEmpty)
            #expect(rule.parameters.allSatisfy { !$0.source.isEmpty })
        }
    }

    @Test func nonNumericOverridesAreReportedNotApplied() {
        let engine = F.engine([], thresholds: ["dormant": "soon", "off-topic": ["minKeywordPostShare": true]])
        #expect(engine.ignoredThresholds.sorted() == ["dormant", "off-topic.minKeywordPostShare"])
    }
}
