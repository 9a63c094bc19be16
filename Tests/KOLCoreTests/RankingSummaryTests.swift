import Foundation
import JSON
import Testing

@testable import KOLCore

/// The rank pass over score summaries (rows of numbers and indices, flags from an array) against the pass it
/// replaced, kept below as `referenceRank` (rows copying each KOL, every `KOLScore` built), and
/// `ScoringEngine.summary` against `score(_:)`: same doubles, same rows, same result, for random weights and
/// requests over the demo workspace and random workspaces.
@Suite struct RankingSummaryTests {
    /// The ranking pass before score summaries (git history: `ScoringEngine+Rank.swift`), unchanged.
    static func referenceRank(_ engine: ScoringEngine, _ request: RankRequest) -> RankResult {
        struct Row {
            var kol: KOL
            var ranked: RankedKOL
            var hasWarnings: Bool
            var errorFlags: [RedFlagCode]
        }
        var rows: [Row] = []
        for kol in engine.workspace.kols {
            if let stages = request.stages, !stages.contains(kol.relationship?.stage ?? .candidate) { continue }
            if let region = request.region {
                let target = TargetRegions([region])
                let share = (kol.followerRegions?.shares(followers: kol.followers) ?? [])
                    .filter { target?.contains($0.region) ?? false }.reduce(0) { $0 + $1.value }
                guard share >= RankRequest.minRegionShare else { continue }
            }
            let score = engine.score(kol)
            if let minScore = request.minScore, (score.score ?? -1) < minScore { continue }
            let flags = engine.redFlags(kol)
            rows.append(Row(kol: kol, ranked: RankedKOL(id: kol.id, name: kol.name, score: score.score,
                                                        confidence: score.confidence, price: kol.price,
                                                        flags: flags.flags.map(\.code), hasErrors: flags.hasErrors),
                            hasWarnings: flags.flags.contains { $0.severity == .warning },
                            errorFlags: flags.flags.filter { $0.severity == .error }.map(\.code)))
        }
        rows.sort { a, b in
            let (x, y) = (a.ranked.score ?? -1, b.ranked.score ?? -1)
            if x != y { return x > y }
            if a.ranked.confidence != b.ranked.confidence { return a.ranked.confidence > b.ranked.confidence }
            return a.ranked.id < b.ranked.id
        }
        let fanIDs = AudienceTieBreak.fanIDs(rows.map(\.kol))
        let order = AudienceTieBreak.order(rows.map { (id: $0.kol.id, score: $0.ranked.score) }, fanIDs: fanIDs)
        rows = order.map { rows[$0] }
        let start = min(max(0, request.offset), rows.count)
        let end = request.limit.map { start + min(rows.count - start, max(0, $0)) } ?? rows.count
        let budget = request.budget ?? engine.context.brief?.budget
        let excluded = rows.compactMap { row -> RankExclusion? in
            if row.kol.relationship?.stage == .dropped { return RankExclusion(id: row.ranked.id, reason: .dropped) }
            if !request.includeErrorFlagged && row.ranked.hasErrors {
                return RankExclusion(id: row.ranked.id, reason: .errorFlags(row.errorFlags))
            }
            return nil
        }
        let excludedIDs = Set(excluded.map(\.id))
        let eligible = rows.filter { !excludedIDs.contains($0.ranked.id) }
        var shortlist: Knapsack.Solution?
        if let budget {
            let items = eligible.compactMap { row -> Knapsack.Item? in
                guard let price = row.ranked.price, let score = row.ranked.score else { return nil }
                return Knapsack.Item(id: row.ranked.id, price: price, score: score)
            }
            shortlist = AudienceTieBreak.preferReach(Knapsack.solve(items, budget: budget), items: items,
                                                     budget: budget, fanIDs: fanIDs)
        }
        let candidates = eligible.compactMap { row -> Pilot.Candidate? in
            guard !row.hasWarnings, let score = row.ranked.score, let price = row.ranked.price,
                  price >= 0, budget.map({ price <= $0 }) ?? true else { return nil }
            let f = engine.features(of: row.kol)
            let topic = f.topicCounts?.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
            let tier = row.kol.followers.map { EngagementBenchmarks.tier(followers: $0).label }
            let region = row.kol.followerRegions?.shares(followers: row.kol.followers).max { $0.value < $1.value }
                .flatMap { RegionNames.province(of: $0.region) ?? $0.region }
            return Pilot.Candidate(id: row.kol.id, name: row.kol.name ?? row.kol.id, score: score, price: price,
                                   topic: topic, tier: tier, region: region, fanIDs: fanIDs[row.kol.id] ?? [])
        }
        var result = RankResult(kols: rows[start..<end].map(\.ranked), total: rows.count, shortlist: shortlist,
                                budget: budget, pilot: Pilot.choose(candidates, budget: budget))
        result.setExcluded(excluded, limit: request.excludedLimit)
        return result
    }

    static func randomWeights(_ random: inout SeededGenerator) -> [String: Double] {
        var weights: [String: Double] = [:]
        for name in ["relevance", "engagement", "value", "growth", "geography", "fanQuality", "activity",
                     "starsFollowers", "otherMedia", "tone"] where random.nextInt(below: 2) == 0 {
            weights[name] = Double(random.nextInt(below: 8)) / 2
        }
        return weights
    }

    static func randomRequest(_ random: inout SeededGenerator) -> RankRequest {
        let regions = ["浙江", "上海", "杭州", "广东", "北京"]
        let stages: [Set<RelationshipStage>?] = [nil, [.candidate], [.candidate, .dropped], Set(RelationshipStage.allCases)]
        return RankRequest(minScore: random.nextInt(below: 3) == 0 ? Double(random.nextInt(below: 90)) : nil,
                           region: random.nextInt(below: 3) == 0 ? regions[random.nextInt(below: regions.count)] : nil,
                           stages: stages[random.nextInt(below: stages.count)],
                           offset: random.nextInt(below: 3) == 0 ? random.nextInt(below: 5) : 0,
                           limit: random.nextInt(below: 2) == 0 ? random.nextInt(below: 8) : nil,
                           budget: random.nextInt(below: 3) == 0 ? nil : Double(1000 * random.nextInt(below: 60)),
                           includeErrorFlagged: random.nextInt(below: 4) == 0,
                           excludedLimit: random.nextInt(below: 2) == 0 ? random.nextInt(below: 4) : nil)
    }

    /// The demo workspace with stages, prices and stars shuffled, so rows tie, drop out and get excluded.
    static func shuffledDemo(_ demo: Workspace, _ random: inout SeededGenerator) -> Workspace {
        var kols = demo.kols
        for index in kols.indices {
            if random.nextInt(below: 4) == 0 {
                let stage = RelationshipStage.allCases[random.nextInt(below: RelationshipStage.allCases.count)]
                kols[index].relationship = Relationship(stage: stage)
            }
            if random.nextInt(below: 5) == 0 { kols[index].price = nil }
            if random.nextInt(below: 5) == 0 { kols[index].stars = Double(1 + random.nextInt(below: 5)) }
        }
        return Workspace(brief: demo.brief, kols: kols)
    }

    @Test func summariesAndRankEqualTheFullPass() throws {
        let demo = try ScoringDemoTests.loadDemo()
        var random = SeededGenerator(seed: 4)
        var compared = 0
        var withShortlist = 0
        var withExclusions = 0
        for round in 0..<60 {
            let workspace = round == 0 ? demo : Self.shuffledDemo(demo, &random)
            let options = ScoringOptions(weights: Self.randomWeights(&random))
            let engine = ScoringEngine(workspace: workspace, now: ScoringDemoTests.demoNow, options: options)
            let weights = engine.criterionWeights
            let flags = workspace.kols.map { engine.redFlags($0) }
            let summaries = zip(workspace.kols, flags).map { kol, kolFlags in
                ScoringEngine.summary(outcomes: engine.outcomes(kol), weights: weights, flags: kolFlags)
            }
            for (kol, summary) in zip(workspace.kols, summaries) {
                let full = engine.score(kol)
                #expect(summary.score == full.score && summary.confidence == full.confidence, "\(round) \(kol.id)")
            }
            for _ in 0..<5 {
                let request = Self.randomRequest(&random)
                let expected = Self.referenceRank(engine, request)
                #expect(engine.rank(request, summaries: summaries, flags: flags) { _, _ in } == expected, "\(round)")
                #expect(engine.rank(request) == expected, "\(round)")
                // Exclusions written in a batch (one template per reason) equal each written alone.
                #expect(RankExclusion.json(expected.excluded) == expected.excluded.map(\.json))
                compared += 1
                if expected.shortlist?.ids.isEmpty == false { withShortlist += 1 }
                if !expected.excluded.isEmpty { withExclusions += 1 }
            }
        }
        #expect(compared == 300)
        #expect(withShortlist > 50)
        #expect(withExclusions > 50)
    }
}
