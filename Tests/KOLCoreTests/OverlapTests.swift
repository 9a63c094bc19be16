import Testing
@testable import KOLCore

/// `kol/overlap` on constructed samples.
@Suite struct OverlapTests {
    static func kol(_ id: String, fans: [String?]) -> KOL {
        KOL(id: id, fanSample: fans.map { Fan(id: $0) })
    }

    static let a = kol("a", fans: (1...10).map { "f\($0)" })     // f1 … f10
    static let b = kol("b", fans: (6...15).map { "f\($0)" })     // f6 … f15: 5 shared with a
    static let c = kol("c", fans: (1...5).map { "f\($0)" } + [nil, ""])  // f1 … f5 (no-id fans ignored)

    @Test func jaccardAndReachByHand() throws {
        let sets = [Self.a, Self.b, Self.c].map(AudienceOverlap.fanIDs)
        #expect(sets[2].count == 5)
        let pairs = AudienceOverlap.pairs([("a", sets[0]), ("b", sets[1]), ("c", sets[2])])
        #expect(pairs.map { "\($0.a)-\($0.b)" } == ["a-b", "a-c", "b-c"])
        #expect(pairs[0].shared == 5 && pairs[0].union == 15)
        #expect(abs(try #require(pairs[0].jaccard) - 1.0 / 3) < 1e-12)   // 5 / 15
        #expect(pairs[1].jaccard == 0.5)                                  // 5 / 10
        #expect(pairs[2].jaccard == 0)                                    // 0 / 15
        // 0 of 15: Wilson upper bound z² / (n + z²) = 3.8415 / 18.8415 = 0.2039.
        #expect(abs(try #require(pairs[2].interval?.high) - 3.841459 / 18.841459) < 1e-4)
        let reach = AudienceOverlap.reach(sets)
        #expect(reach.distinct == 15 && reach.total == 25)
        #expect(reach.share == 0.6)
        #expect(AudienceOverlap.reach([]).share == nil)
        #expect(AudienceOverlap.jaccard([], []) == nil)
    }

    @Test func redundancyIsTheTieBreaker() {
        #expect(AudienceOverlap.redundancy(of: Self.c, with: [Self.a, Self.b]) == 0.5)
        #expect(AudienceOverlap.redundancy(of: Self.b, with: [Self.c]) == 0)
        #expect(AudienceOverlap.redundancy(of: Self.kol("x", fans: []), with: [Self.a]) == nil)
        #expect(AudienceOverlap.redundancy(of: Self.a, with: []) == nil)
        #expect(AudienceOverlap.redundancy(of: Self.a, with: [Self.a]) == nil)  // itself does not count
    }
}
