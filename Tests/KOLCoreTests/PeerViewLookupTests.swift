import Testing
@testable import KOLCore

/// `PeerViewLookup` answers every KOL as `ScoringEngine.peerView(of:)` does, whether its level's view is
/// shared (big, cached levels) or its own (small levels: leave-one-out, widening, the built-in table).
@Suite struct PeerViewLookupTests {
    /// A ★3 KOL with followers, a price and posts (so a cost per engagement).
    static func complete(_ id: Int, _ g: inout SeededGenerator) -> KOL {
        let posts = (0..<3).map { k in
            Post(at: KOLDate(secondsSinceEpoch: Int64(1_700_000_000 + k * 86_400)), text: "茶",
                 reposts: Int(1 + g.next() % 50), comments: Int(1 + g.next() % 80), likes: Int(1 + g.next() % 900))
        }
        return KOL(id: "c\(id)", stars: 3, followers: Int(1 + g.next() % 5_000_000), price: Double(100 * (1 + g.next() % 300)),
                   posts: posts)
    }

    @Test func lookupEqualsTheEnginesViewOfEveryKOL() {
        var g = SeededGenerator(seed: 41)
        for round in 0..<6 {
            // ★2 well over 50 KOLs in some rounds (a level-wide view), a few KOLs elsewhere, some without stars.
            let count = [30, 140, 260, 90, 400, 12][round]
            var kols = (0..<count).map { PeerStatisticsUpdateTests.kol($0, &g) }
            // In the bigger rounds, a ★3 level where every measurement is known for 60+ KOLs: level-wide.
            if count >= 260 { kols += (0..<70).map { Self.complete($0, &g) } }
            let engine = ScoringEngine(workspace: Workspace(kols: kols), now: KOLDate(secondsSinceEpoch: 1_710_000_000))
            var lookup = PeerViewLookup(engine.context.peers)
            var wide = 0
            // Twice over, so the second pass answers from what the first remembered.
            for _ in 0..<2 {
                for kol in kols {
                    #expect(lookup.view(stars: kol.stars, id: kol.id) == engine.peerView(of: kol), "round \(round) \(kol.id)")
                    if kol.stars != nil, engine.context.peers.viewIsLevelWide(stars: kol.stars) { wide += 1 }
                }
            }
            if count >= 260 { #expect(wide > 0, "round \(round)") }
        }
    }
}
