import Testing
@testable import KOLCore

/// The calibration a marketer expects on the demo (protocol.md §7 and §9.5): off-topic, off-region, dormant,
/// tone-clashing and bought-audience KOLs are error-flagged, rank below every clean KOL, and stay out of the
/// shortlist, the pilot and the next round's exploration unless the request includes them.
struct CalibrationDemoTests {
    typealias Demo = ScoringDemoTests
    static let offTopicCoach = "5128840073"     // 杭州健身教练Max: 0 of 10 posts about tea
    static let offRegion = "6652013398"         // 冰城小雪爱喝茶: 3 % of followers in the target regions
    static let dormant = "4190287765"           // 茶话小院: last post 126 days ago
    static let toneClash = "2281630094"         // 御茗轩茶业: corporate notices for a lighthearted brief
    static let generalist = "3309178826"        // 阿杰什么都聊: generalist and off-topic
    static let unfit: Set<String> = [offTopicCoach, offRegion, dormant, toneClash, generalist]

    @Test func fitToBriefFlagsAreErrorsThatCostTwentyFivePoints() throws {
        let workspace = try Demo.loadDemo()
        let engine = ScoringEngine(workspace: workspace, now: Demo.demoNow)
        let expected: [(String, RedFlagCode)] = [(Self.offTopicCoach, .offTopic), (Self.offRegion, .offRegion),
                                                 (Self.dormant, .dormant), (Self.toneClash, .toneClash),
                                                 (Self.generalist, .offTopic)]
        for (id, code) in expected {
            let kol = try #require(workspace.kol(id: id))
            let flag = try #require(engine.redFlags(kol).flags.first { $0.code == code })
            #expect(flag.severity == .error, "\(id) \(code)")
        }
        // The coach: one error (−25) and nothing else, so its score is the weighted component mean − 25.
        let coach = try #require(workspace.kol(id: Self.offTopicCoach))
        let score = engine.score(coach)
        #expect(score.redFlagPenalty == 25)
        let mean = score.components.reduce(0) { $0 + $1.weight * $1.value } / score.components.reduce(0) { $0 + $1.weight }
        #expect(abs((score.score ?? -1) - (mean - 25)) < 1e-9)
        // Every error-flagged KOL now ranks below every KOL without an error flag.
        let rows = engine.rank().kols
        let lowestClean = try #require(rows.filter { !$0.hasErrors }.compactMap(\.score).min())
        let highestFlagged = try #require(rows.filter(\.hasErrors).compactMap(\.score).max())
        #expect(highestFlagged < lowestClean)
    }

    @Test func unfitKOLsAreKeptOutOfShortlistAndPilotWithTheirFlags() throws {
        let workspace = try Demo.loadDemo()
        let result = ScoringEngine(workspace: workspace, now: Demo.demoNow).rank()
        let shortlist = try #require(result.shortlist)
        let pilot = try #require(result.pilot)
        #expect(Set(shortlist.ids).isDisjoint(with: Self.unfit))
        #expect(Set(pilot.ids).isDisjoint(with: Self.unfit))
        // The dropped KOL (杭州吃货侦探社, ranked 6th) and the designed flags' KOLs, in rank order, each with its
        // reason.
        #expect(result.excluded.map(\.id) == ["5617283940", Self.dormant, Self.toneClash, Self.offRegion, "7810936642",
                                              Self.offTopicCoach, Self.generalist, "1893256071"])
        #expect(result.excluded.first { $0.id == Self.offTopicCoach }?.flags == [.offTopic])
        #expect(result.excluded.first { $0.id == "1893256071" }?.flags == [.fakeFans, .starsFollowersMismatch])
        let json = result.json
        let first = try #require(json["excluded"]?.array?.first)
        #expect(first["reason"] == "dropped")
        #expect(first["flags"] == [])
        let second = try #require(json["excluded"]?.array?.dropFirst().first)
        #expect(second["reason"] == "errorFlags")
        #expect(second["flags"] == ["dormant"])
        // Hand-checked: 3,500 + 2,000 + 8,000 + 4,500 + 1,500 = 19,500; 林老师 at 20,000 does not fit beside
        // them, and the dropped 杭州吃货侦探社 (9,000) is not a candidate.
        #expect(shortlist.ids == ["2713968254", "1756302918", "3920417765", "3471925560", "6023418857"])
        #expect(shortlist.totalPrice == 19_500)
    }

    @Test func includeErrorFlaggedLetsThemBackIntoTheShortlist() throws {
        let workspace = try Demo.loadDemo()
        let engine = ScoringEngine(workspace: workspace, now: Demo.demoNow)
        let result = engine.rank(RankRequest(includeErrorFlagged: true))
        // Only the dropped KOL stays out: that is the business's decision, not a red flag.
        #expect(result.excluded == [RankExclusion(id: "5617283940", reason: .dropped)])
        let shortlist = try #require(result.shortlist)
        // With the 13 others eligible the shortlist is again optimal over them (brute force, 2^13 subsets), and
        // the cheap dormant KOL (1,200) is worth its 65.7 points there.
        let items = result.kols.filter { $0.id != "5617283940" }
            .compactMap { row in row.price.flatMap { p in row.score.map { (p, $0) } } }
        var best = 0.0
        for mask in 0..<(1 << items.count) {
            var price = 0.0, score = 0.0
            for (i, item) in items.enumerated() where mask & (1 << i) != 0 { price += item.0; score += item.1 }
            if price <= 30_000 { best = max(best, score) }
        }
        #expect(abs(shortlist.totalScore - best) < 1e-6)
        #expect(shortlist.ids.contains(Self.dormant))
    }

    @Test func nextRoundExploresOnlyKOLsWithoutErrorFlags() throws {
        let workspace = try Demo.loadDemo()
        let engine = ScoringEngine(workspace: workspace, now: Demo.demoNow)
        var scores: [String: Double?] = [:]
        var errorFlags: [String: [RedFlagCode]] = [:]
        for kol in workspace.kols {
            scores[kol.id] = engine.score(kol).score
            errorFlags[kol.id] = engine.redFlags(kol).flags.filter { $0.severity == .error }.map(\.code)
        }
        var options = AllocationOptions()
        options.seed = 2026
        let plan = BudgetAllocator.allocate(budget: 30_000, kols: workspace.kols, evidence: workspace.kols,
                                            scores: scores, errorFlags: errorFlags, options: options)
        let allocated = Set(plan.allocations.map(\.id))
        #expect(allocated.isDisjoint(with: Self.unfit))
        #expect(allocated.isDisjoint(with: ["1893256071", "7810936642"]))
        let flagged = Set(plan.excluded.filter { $0.reason == .errorFlags }.map(\.id))
        #expect(flagged == Self.unfit.union(["1893256071", "7810936642"]))
        #expect(plan.allocations.reduce(0) { $0 + $1.amount } + plan.unspent == 30_000)
        // An untried clean KOL scoring 92 gets a prior below break-even: 1.08 × 0.92² ≈ 0.91 (reference is the
        // median of the four tried KOLs' measured value per CNY).
        #expect(plan.reference > 1 && plan.reference < 1.1)
        #expect(options.priorMean(score: 92, reference: plan.reference) < 1)
    }
}
