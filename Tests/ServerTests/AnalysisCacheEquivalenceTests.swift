import JSON
import KOLCore
import Testing

@testable import Server

/// The analysis cache keeps red flags and criterion outcomes across edits and re-judges only the
/// peer-reading rules of KOLs whose peer references moved. Whatever the edits, its answers must equal a
/// fresh engine's full judgement.
@Suite struct AnalysisCacheEquivalenceTests {
    /// KOLCore's seeded generator, so a failure replays.
    struct Random {
        var source: SeededGenerator
        init(state: UInt64) { source = SeededGenerator(seed: state) }
        mutating func next() -> UInt64 { source.next() }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
    }

    static let now = KOLDate(year: 2026, month: 1, day: 1) ?? KOLDate(secondsSinceEpoch: 0)

    static func kol(_ index: Int, stars: Double, _ random: inout Random) -> KOL {
        let followers = 10_000 * random.int(1...60) * Int(stars.rounded(.up))
        let posts = (0..<random.int(0...4)).map { day in
            Post(at: KOLDate(secondsSinceEpoch: now.secondsSinceEpoch - Int64(day + 1) * 86_400 * 3),
                 text: day % 2 == 0 ? "今天喝普洱茶" : "限时优惠，点击链接", reposts: random.int(0...50),
                 comments: random.int(0...80), likes: random.int(0...900))
        }
        return KOL(id: "k\(index)", stars: stars, followers: followers,
                   price: random.int(0...9) == 0 ? nil : Double(500 * random.int(1...20)) * stars,
                   posts: posts.isEmpty ? nil : posts)
    }

    /// 60 KOLs at ★2 (above the leave-one-out limit: level statistics), a few at ★1, ★1.5, ★3, ★4.5
    /// (leave-one-out and widening), and one alone at ★6 (built-in table).
    static func workspace(_ random: inout Random) -> [KOL] {
        var kols: [KOL] = []
        let levels: [(Double, Int)] = [(2, 60), (1, 4), (1.5, 2), (3, 5), (4.5, 3), (6, 1)]
        for (stars, count) in levels {
            for _ in 0..<count { kols.append(kol(kols.count, stars: stars, &random)) }
        }
        return kols
    }

    @Test func randomEditsGiveTheSameFlagsAndScoresAsAFreshEngine() throws {
        var random = Random(state: 8)
        var kols = Self.workspace(&random)
        let brief = Brief(keywords: ["普洱"])
        let cache = AnalysisCache()
        var peerOnlyRounds = 0
        var partialRounds = 0
        for round in 0..<40 {
            if round > 0 {
                // One edit: followers, price or star level of a random KOL, or a KOL added or removed.
                let target = random.int(0...(kols.count - 1))
                switch random.int(0...5) {
                case 0, 1: kols[target].followers = 10_000 * random.int(1...400)
                case 2: kols[target].price = Double(100 * random.int(1...300))
                case 3: kols[target].stars = [1, 1.5, 2, 3, 4.5, 6][random.int(0...5)]
                case 4: kols.append(Self.kol(1000 + round, stars: [1, 2, 3][random.int(0...2)], &random))
                default: if kols.count > 10 { kols.remove(at: target) }
                }
            }
            let workspace = Workspace(brief: brief, kols: kols)
            let engine = cache.engine(workspace, now: Self.now)
            let flags = cache.redFlags(kols, engine: engine)
            let scores = cache.scores(kols, flags: flags, engine: engine)
            let fresh = ScoringEngine(workspace: workspace, now: Self.now)
            for (kol, judged) in zip(kols, flags) {
                #expect(judged == fresh.redFlags(kol), "round \(round), \(kol.id)")
                #expect(scores[kol.id] == fresh.score(kol), "round \(round), \(kol.id)")
            }
            #expect(flags.count == kols.count)
            if cache.lastPeerRulesOnly > 0 { peerOnlyRounds += 1 }
            if round > 0 && cache.lastRedFlagsComputed < kols.count { partialRounds += 1 }
        }
        // The test exercised the partial path: edits re-judged peer rules only, and never everything.
        #expect(peerOnlyRounds > 5)
        #expect(partialRounds == 39)
    }

    @Test func aFollowersEditAtALargeLevelRejudgesOnlyThatLevelsPeerRules() throws {
        var random = Random(state: 3)
        var kols = Self.workspace(&random)
        let cache = AnalysisCache()
        _ = cache.redFlags(kols, engine: cache.engine(Workspace(kols: kols), now: Self.now))
        #expect(cache.lastRedFlagsComputed == kols.count)
        // Same workspace, a later hour of the same day: everything reused.
        let later = KOLDate(secondsSinceEpoch: Self.now.secondsSinceEpoch + 5 * 3600)
        _ = cache.redFlags(kols, engine: cache.engine(Workspace(kols: kols), now: later))
        #expect(cache.lastRedFlagsComputed == 0)
        // A ★2 KOL (level of 60) multiplies its followers by 50: the ★2 median and MAD move. The 60 ★2 KOLs
        // and the two ★1.5 KOLs (one peer each, so they widen to ±0.5 star, which takes in ★2) are
        // re-judged; ★1 (4 KOLs, 3 peers each) and ★3 (5) keep their own levels and are not.
        kols[0].followers = (kols[0].followers ?? 0) * 50
        _ = cache.redFlags(kols, engine: cache.engine(Workspace(kols: kols), now: later))
        #expect(cache.lastRedFlagsComputed == 62)
        #expect(cache.lastPeerRulesOnly == cache.lastRedFlagsComputed - 1)
    }
}
