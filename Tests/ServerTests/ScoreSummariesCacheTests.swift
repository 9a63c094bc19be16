import JSON
import KOLCore
import Testing

@testable import Server

/// `AnalysisCache.scoreSummaries` (kept outcomes and flags, one weighted sum per KOL) against a fresh
/// engine's full score, over random edits and random weights (fixed seed): same score, same confidence.
@Suite struct ScoreSummariesCacheTests {
    @Test func summariesEqualAFreshEnginesScores() {
        var random = AnalysisCacheEquivalenceTests.Random(state: 21)
        var kols = AnalysisCacheEquivalenceTests.workspace(&random)
        let cache = AnalysisCache()
        var reusedRounds = 0
        for round in 0..<30 {
            if round % 3 == 1 {
                let target = random.int(0...(kols.count - 1))
                kols[target].followers = 10_000 * random.int(1...400)
            }
            var weights: [String: Double] = [:]
            for name in ["relevance", "engagement", "value", "starsFollowers", "activity"] where random.int(0...1) == 0 {
                weights[name] = Double(random.int(0...6)) / 2
            }
            let workspace = Workspace(brief: Brief(keywords: ["普洱"]), kols: kols)
            let options = ScoringOptions(weights: weights)
            let engine = cache.engine(workspace, now: AnalysisCacheEquivalenceTests.now, options: options)
            let flags = cache.redFlags(kols, engine: engine)
            if cache.lastRedFlagsComputed == 0 { reusedRounds += 1 }
            let summaries = cache.scoreSummaries(kols, flags: flags, engine: engine)
            let fresh = ScoringEngine(workspace: workspace, now: AnalysisCacheEquivalenceTests.now, options: options)
            #expect(summaries.count == kols.count)
            for (kol, summary) in zip(kols, summaries) {
                let score = fresh.score(kol)
                #expect(summary == ScoreSummary(score: score.score, confidence: score.confidence), "\(round) \(kol.id)")
            }
        }
        // Weights-only rounds reused every flag (and outcome): the path the cache exists for.
        #expect(reusedRounds >= 15)
    }
}
