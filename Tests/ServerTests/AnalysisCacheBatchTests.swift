import JSON
import KOLCore
import Testing

@testable import Server

/// A weights-only change asks for the flags and outcomes of the same KOL list under the same context and
/// peers: the cache answers it from the last batch without a per-KOL pass. Anything else that differs
/// (context, peers, the list) must be judged again and equal a fresh engine.
@Suite struct AnalysisCacheBatchTests {
    typealias Fixture = AnalysisCacheEquivalenceTests

    @Test func theSameListUnderTheSameContextIsAnsweredFromTheLastBatch() {
        var random = Fixture.Random(state: 11)
        let kols = Fixture.workspace(&random)
        let workspace = Workspace(brief: Brief(keywords: ["普洱"]), kols: kols)
        let cache = AnalysisCache()
        let plain = cache.engine(workspace, now: Fixture.now)
        let first = cache.redFlags(kols, engine: plain)
        let firstOutcomes = cache.outcomes(kols, engine: plain)
        #expect(cache.lastRedFlagsComputed == kols.count)
        let weighted = cache.engine(workspace, now: Fixture.now, options: ScoringOptions(weights: ["engagement": 3]))
        #expect(cache.redFlags(kols, engine: weighted) == first)
        #expect(cache.lastRedFlagsComputed == 0)
        #expect(cache.outcomes(kols, engine: weighted) == firstOutcomes)
        // The batch holds the very list it answered (so its storage cannot be reused while compared).
        #expect(AnalysisCache.sameStorage(cache.lastFlags?.kols ?? [], kols))
        // An equal list in other storage is not the batch, but per-KOL reuse still judges nothing.
        let copy = kols.map { $0 }
        var rebuilt = copy
        rebuilt.append(Fixture.kol(999, stars: 2, &random))
        rebuilt.removeLast()
        #expect(!AnalysisCache.sameStorage(rebuilt, kols))
        #expect(cache.redFlags(rebuilt, engine: weighted) == first)
        #expect(cache.lastRedFlagsComputed == 0)
    }

    @Test func anotherContextOrOtherPeersAreJudgedAgain() {
        var random = Fixture.Random(state: 12)
        let kols = Fixture.workspace(&random)
        let workspace = Workspace(kols: kols)
        let cache = AnalysisCache()
        _ = cache.redFlags(kols, engine: cache.engine(workspace, now: Fixture.now))
        // Stricter thresholds: a new context, every KOL judged again, as a fresh engine judges.
        let options = ScoringOptions(thresholds: ["stars-followers-mismatch": ["minRobustZ": 0.5, "minRatioToPeers": 1.2]])
        let strict = cache.redFlags(kols, engine: cache.engine(workspace, now: Fixture.now, options: options))
        #expect(cache.lastRedFlagsComputed == kols.count)
        let freshStrict = ScoringEngine(workspace: workspace, now: Fixture.now, options: options)
        #expect(strict == kols.map { freshStrict.redFlags($0) })
        // The same list (same storage) judged against other peers: a ★2 KOL of the peers' workspace has
        // 50× the followers, so the ★2 statistics moved and the batch must not be reused.
        var others = kols
        others[0].followers = (others[0].followers ?? 0) * 50
        let otherPeers = cache.engine(Workspace(kols: others), now: Fixture.now, options: options)
        let judged = cache.redFlags(kols, engine: otherPeers)
        #expect(cache.lastRedFlagsComputed > 0)
        let fresh = ScoringEngine(workspace: Workspace(kols: others), now: Fixture.now, options: options)
        #expect(judged == kols.map { fresh.redFlags($0) })
    }
}
