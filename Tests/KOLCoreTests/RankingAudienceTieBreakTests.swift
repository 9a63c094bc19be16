import Testing
@testable import KOLCore

/// Audience overlap as `kol/rank`'s tie-breaker: three KOLs identical in every scored field (so equal
/// scores), a and b with the very same sampled fans, c with a different audience.
struct RankingAudienceTieBreakTests {
    static func kol(_ id: String, fans: [String]) -> KOL {
        KOL(id: id, stars: 3, followers: 300_000, price: 1000, fanSample: fans.map { Fan(id: $0) })
    }
    static let shared = (1...20).map { "s\($0)" }
    static let kols = [kol("a", fans: shared), kol("b", fans: shared), kol("c", fans: (1...20).map { "c\($0)" })]

    @Test func equalScoresRankByLowerOverlapWithThoseAbove() {
        let result = ScoringFixture.engine(Self.kols).rank()
        #expect(Set(result.kols.compactMap(\.score)).count == 1)
        // Without overlap the order would be a, b, c (by id); b repeats a's audience, so c goes second.
        #expect(result.kols.map(\.id) == ["a", "c", "b"])
    }

    @Test func shortlistPrefersUniqueReachAmongEqualScoreSets() throws {
        // Budget for two of three equal KOLs: {a,b}, {a,c}, {b,c} all score the same; {a,b} reaches half.
        let shortlist = try #require(ScoringFixture.engine(Self.kols).rank(RankRequest(budget: 2000)).shortlist)
        #expect(shortlist.ids.count == 2)
        #expect(shortlist.ids.contains("c"))
        #expect(AudienceTieBreak.reach(shortlist.ids, fanIDs: AudienceTieBreak.fanIDs(Self.kols)) == 1)
    }

    @Test func pilotPrefersAFreshAudience() throws {
        // Pilot budget = 25 % of 8 000 = 2 000: room for two; the second is c, not a's twin b.
        let pilot = try #require(ScoringFixture.engine(Self.kols).rank(RankRequest(budget: 8000)).pilot)
        #expect(pilot.ids == ["a", "c"])
    }

    @Test func orderKeepsRunsWithoutFanIDsAndUnequalScores() {
        let rows: [(id: String, score: Double?)] = [("x", 90), ("a", 80), ("b", 80), ("c", 80), ("y", nil), ("z", nil)]
        let ids: [String: Set<String>] = ["x": ["1", "2"], "a": ["1", "2"], "b": ["3"], "c": ["1"]]
        // a repeats x (J 1), c half of x (J 0.5), b is fresh (J 0): b, c, a.
        #expect(AudienceTieBreak.order(rows, fanIDs: ids) == [0, 2, 3, 1, 4, 5])
    }
}
